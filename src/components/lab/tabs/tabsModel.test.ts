import { describe, expect, it } from 'vitest';
import { MAX_TABS, initialTabs, restoreTabs, tabsReducer } from './tabsModel';

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
