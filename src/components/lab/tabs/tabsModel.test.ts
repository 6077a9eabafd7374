import { describe, expect, it } from 'vitest';
import { checkSetting } from '../../../store/settings';
import { MAX_TABS, initialTabs, mergeTabs, restoreTabs, stampTabsAction, tabsReducer } from './tabsModel';

describe('query tabs', () => {
  it('adds, selects, edits and closes tabs, keeping one open', () => {
    let state = initialTabs('print 1');
    state = tabsReducer(state, { type: 'add', text: 'print 2' });
    expect(state.tabs.map((tab) => tab.title)).toEqual(['Query 1', 'Query 2']);
    expect(state.activeId).toBe('tab-2');
    state = tabsReducer(state, { type: 'edit', id: 'tab-1', text: 'print 3' });
    expect(state.tabs[0]!.text).toBe('print 3');
    state = tabsReducer(state, { type: 'close', id: 'tab-2' });
    expect(state.activeId).toBe('tab-1');
    expect(tabsReducer(state, { type: 'close', id: 'tab-1' })).toBe(state);
    state = tabsReducer(state, { type: 'add' });
    expect(state.tabs.at(-1)!.title).toBe('Query 3');
  });

  it('caps the number of tabs, the oldest making room for the newest', () => {
    let state = initialTabs('');
    for (let index = 0; index < MAX_TABS + 3; index++) state = tabsReducer(state, { type: 'add' });
    expect(state.tabs).toHaveLength(MAX_TABS);
    state = tabsReducer(state, { type: 'add', text: 'shared', title: 'Shared query' });
    expect(state.tabs).toHaveLength(MAX_TABS);
    expect(state.tabs.at(-1)).toMatchObject({ title: 'Shared query', text: 'shared' });
    expect(state.activeId).toBe(state.tabs.at(-1)!.id);
  });

  it('opens a query in the tab that already holds it', () => {
    let state = tabsReducer(initialTabs('print 1'), { type: 'add', text: 'print 2' });
    state = tabsReducer(state, { type: 'open', text: 'print 1', title: 'Shared query' });
    expect(state.tabs).toHaveLength(2);
    expect(state.activeId).toBe('tab-1');
    state = tabsReducer(state, { type: 'open', text: 'print 3', title: 'Shared query' });
    expect(state.tabs.at(-1)).toMatchObject({ title: 'Shared query', text: 'print 3' });
  });

  it('restores stored tabs and rejects malformed ones', () => {
    const state = tabsReducer(initialTabs('a'), { type: 'add', text: 'b' });
    expect(restoreTabs(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(restoreTabs({ tabs: [{ id: 1 }] })).toBeUndefined();
    expect(restoreTabs('nonsense')).toBeUndefined();
    expect(restoreTabs({ tabs: [{ id: 'x', title: 't', text: '' }], activeId: 'gone' })?.activeId).toBe('x');
  });
});

describe('merging the tabs of two pages of the lab', () => {
  const base = tabsReducer(initialTabs('print 0'), { type: 'add', text: 'print 0', newId: 'b', at: 1 });

  it('gives every added tab an id of its own when stamped, so two pages never share one', () => {
    const first = tabsReducer(base, stampTabsAction({ type: 'add' }));
    const second = tabsReducer(base, stampTabsAction({ type: 'add' }));
    expect(first.activeId).not.toBe(second.activeId);
    expect(first.tabs.at(-1)!.editedAt).toBeGreaterThan(0);
  });

  it('keeps two edits to different tabs', () => {
    const pageA = tabsReducer(base, { type: 'edit', id: 'tab-1', text: 'print "a"', at: 10 });
    const pageB = tabsReducer(base, { type: 'edit', id: 'b', text: 'print "b"', at: 11 });
    const merged = mergeTabs(pageA, pageB);
    expect(merged.tabs.map((tab) => tab.text)).toEqual(['print "a"', 'print "b"']);
    expect(mergeTabs(pageB, pageA).tabs.map((tab) => tab.text)).toEqual(['print "a"', 'print "b"']);
  });

  it('keeps the later edit of the same tab, whichever page saves last', () => {
    const earlier = tabsReducer(base, { type: 'edit', id: 'b', text: 'earlier', at: 10 });
    const later = tabsReducer(base, { type: 'edit', id: 'b', text: 'later', at: 20 });
    expect(mergeTabs(earlier, later).tabs[1]!.text).toBe('later');
    expect(mergeTabs(later, earlier).tabs[1]!.text).toBe('later');
  });

  it('keeps tabs added on both pages, each once', () => {
    const pageA = tabsReducer(base, { type: 'add', text: 'a', newId: 'from-a', at: 5 });
    const pageB = tabsReducer(base, { type: 'add', text: 'b', newId: 'from-b', at: 6 });
    const merged = mergeTabs(pageA, pageB);
    expect(merged.tabs.map((tab) => tab.id)).toEqual(['tab-1', 'b', 'from-b', 'from-a']);
    expect(merged.activeId).toBe('from-b');
  });

  it('does not let a stale save bring a closed tab back, even one edited before the close', () => {
    const stale = tabsReducer(base, { type: 'edit', id: 'b', text: 'typed before the close', at: 30 });
    const closedHere = tabsReducer(base, { type: 'close', id: 'b', at: 20 });
    expect(mergeTabs(stale, closedHere).tabs.map((tab) => tab.id)).toEqual(['tab-1']);
    expect(mergeTabs(closedHere, stale).tabs.map((tab) => tab.id)).toEqual(['tab-1']);
    expect(mergeTabs(stale, closedHere).closed).toHaveProperty('b');
  });

  it('leaves one tab open when each page closed the other one’s last tab', () => {
    const pageA = tabsReducer(base, { type: 'close', id: 'tab-1', at: 5 });
    const pageB = tabsReducer(base, { type: 'close', id: 'b', at: 6 });
    expect(mergeTabs(pageA, pageB).tabs).toHaveLength(1);
  });

  it('remembers tabs dropped at the limit as closed', () => {
    let state = base;
    for (let index = 0; index < MAX_TABS; index++)
      state = tabsReducer(state, { type: 'add', newId: `n${index}`, at: 100 + index });
    expect(state.closed).toHaveProperty('tab-1');
    expect(mergeTabs(base, state).tabs.some((tab) => tab.id === 'tab-1')).toBe(false);
  });

  it('returns the same state from a merge that changes nothing, so a save does not loop', () => {
    const state = tabsReducer(base, { type: 'edit', id: 'b', text: 'x', at: 9 });
    expect(tabsReducer(state, { type: 'merge', stored: state })).toBe(state);
  });

  it('reads stamps and tombstones back from storage, refusing malformed ones', () => {
    const state = tabsReducer(base, { type: 'close', id: 'b', at: 7 });
    expect(restoreTabs(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(restoreTabs({ tabs: [{ id: 'x', title: 't', text: '', editedAt: 'soon' }] })).toBeUndefined();
    expect(checkSetting('lab.tabs', mergeTabs(state, base))).toEqual({ ok: true });
  });
});
