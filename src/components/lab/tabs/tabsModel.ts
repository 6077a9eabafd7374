/** One query tab: its own text; results live beside it in the lab's state. */
export interface QueryTab {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** When the tab was last changed (epoch ms); between two pages of the lab the later edit of a tab wins. */
  readonly editedAt?: number;
}

export interface TabsState {
  readonly tabs: readonly QueryTab[];
  readonly activeId: string;
  /** Next number for "Query N" titles; never reused, so titles stay unique. */
  readonly nextNumber: number;
  /** Tombstones: when each closed tab was closed, so that another page's stale save cannot bring it back. */
  readonly closed?: Readonly<Record<string, number>>;
}

/**
 * `at` (epoch ms) stamps the change and `newId` names a tab an action adds; the lab fills both through
 * `stampTabsAction`, so that the reducer stays pure and ids stay unique across browser tabs.
 */
interface Stamp {
  readonly at?: number;
  readonly newId?: string;
}

export type TabsAction = Stamp &
  (
    | { readonly type: 'add'; readonly text?: string; readonly title?: string }
    /** Opens a query (from a share link or the history): selects a tab that already holds it, else adds one. */
    | { readonly type: 'open'; readonly text: string; readonly title?: string }
    | { readonly type: 'close'; readonly id: string }
    | { readonly type: 'select'; readonly id: string }
    | { readonly type: 'edit'; readonly id: string; readonly text: string }
    | { readonly type: 'replace'; readonly state: TabsState }
    /** Another page saved its tabs: merge them into this page's, this page's newer edits kept. */
    | { readonly type: 'merge'; readonly stored: TabsState }
  );

export const MAX_TABS = 12;

export function initialTabs(text: string): TabsState {
  return { tabs: [{ id: 'tab-1', title: 'Query 1', text }], activeId: 'tab-1', nextNumber: 2, closed: {} };
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'add': {
      const id = action.newId ?? `tab-${state.nextNumber}`;
      const tab = {
        id,
        title: action.title ?? `Query ${state.nextNumber}`,
        text: action.text ?? '',
        editedAt: action.at ?? 0,
      };
      // At the limit the oldest tab makes room: a query opened from history or a link is never dropped.
      const dropped =
        state.tabs.length >= MAX_TABS ? state.tabs.slice(0, state.tabs.length - MAX_TABS + 1) : [];
      const kept = state.tabs.slice(dropped.length);
      return {
        tabs: [...kept, tab],
        activeId: id,
        nextNumber: state.nextNumber + 1,
        closed: withTombstones(state.closed, dropped, action.at ?? 0),
      };
    }
    case 'open': {
      const existing = state.tabs.find((tab) => tab.text === action.text);
      if (existing) return { ...state, activeId: existing.id };
      return tabsReducer(state, {
        type: 'add',
        text: action.text,
        ...(action.title ? { title: action.title } : {}),
      });
    }
    case 'close': {
      const index = state.tabs.findIndex((tab) => tab.id === action.id);
      if (index < 0 || state.tabs.length === 1) return state;
      const tabs = state.tabs.filter((tab) => tab.id !== action.id);
      const activeId =
        state.activeId === action.id ? tabs[Math.min(index, tabs.length - 1)]!.id : state.activeId;
      return {
        ...state,
        tabs,
        activeId,
        closed: withTombstones(state.closed, [state.tabs[index]!], action.at ?? 0),
      };
    }
    case 'select':
      return state.tabs.some((tab) => tab.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'edit':
      if (state.tabs.find((tab) => tab.id === action.id)?.text === action.text) return state;
      return {
        ...state,
        tabs: state.tabs.map((tab) =>
          tab.id === action.id
            ? { ...tab, text: action.text, editedAt: action.at ?? tab.editedAt ?? 0 }
            : tab,
        ),
      };
    case 'replace':
      return action.state;
    case 'merge': {
      const merged = mergeTabs(action.stored, state);
      // Unchanged content keeps the same object, so that a merge echoed back by a save does not save again.
      return JSON.stringify(merged) === JSON.stringify(state) ? state : merged;
    }
  }
}

/** Tombstones kept at most; the oldest are forgotten first. */
const MAX_TOMBSTONES = 200;

function withTombstones(
  closed: TabsState['closed'],
  tabs: readonly QueryTab[],
  at: number,
): Readonly<Record<string, number>> {
  const next: Record<string, number> = { ...closed };
  for (const tab of tabs) next[tab.id] = Math.max(next[tab.id] ?? 0, at);
  return pruneTombstones(next);
}

function pruneTombstones(closed: Record<string, number>): Record<string, number> {
  const entries = Object.entries(closed);
  if (entries.length <= MAX_TOMBSTONES) return closed;
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_TOMBSTONES));
}

/**
 * Merges the tabs another page saved (`stored`) with this page's (`local`): every tab either side has survives
 * unless either side closed it; a tab both sides hold keeps the later edit (this page's on a tie). This page's order
 * and selection lead; tabs only the other page has follow. Never leaves no tab open.
 */
export function mergeTabs(stored: TabsState | undefined, local: TabsState): TabsState {
  if (!stored) return local;
  const closed: Record<string, number> = { ...stored.closed };
  for (const [id, at] of Object.entries(local.closed ?? {})) closed[id] = Math.max(closed[id] ?? 0, at);
  const storedById = new Map(stored.tabs.map((tab) => [tab.id, tab]));
  const localIds = new Set(local.tabs.map((tab) => tab.id));
  const candidates = [
    ...local.tabs.map((tab) => {
      const theirs = storedById.get(tab.id);
      return theirs && (theirs.editedAt ?? 0) > (tab.editedAt ?? 0) ? theirs : tab;
    }),
    ...stored.tabs.filter((tab) => !localIds.has(tab.id)),
  ];
  let tabs = candidates.filter((tab) => closed[tab.id] === undefined);
  if (tabs.length === 0) {
    // Each page closed the other's last tab: keep the most recently edited one rather than none.
    const survivor = [...candidates].sort((a, b) => (b.editedAt ?? 0) - (a.editedAt ?? 0))[0]!;
    delete closed[survivor.id];
    tabs = [survivor];
  }
  if (tabs.length > MAX_TABS) tabs = tabs.slice(tabs.length - MAX_TABS);
  const activeId = tabs.some((tab) => tab.id === local.activeId) ? local.activeId : tabs[0]!.id;
  return {
    tabs,
    activeId,
    nextNumber: Math.max(stored.nextNumber, local.nextNumber),
    closed: pruneTombstones(closed),
  };
}

/** Stamps an action with the time and a tab id no other browser tab will pick. */
export function stampTabsAction(action: TabsAction): TabsAction {
  return { ...action, at: Date.now(), newId: randomTabId() };
}

function randomTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `t${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Checks tabs read back from storage; anything malformed gives `undefined` and the lab starts fresh. */
export function restoreTabs(stored: unknown): TabsState | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const candidate = stored as Partial<TabsState>;
  if (!Array.isArray(candidate.tabs) || candidate.tabs.length === 0 || candidate.tabs.length > MAX_TABS)
    return undefined;
  const tabs = candidate.tabs.filter(
    (tab): tab is QueryTab =>
      !!tab &&
      typeof tab === 'object' &&
      typeof (tab as QueryTab).id === 'string' &&
      typeof (tab as QueryTab).title === 'string' &&
      typeof (tab as QueryTab).text === 'string' &&
      ['number', 'undefined'].includes(typeof (tab as QueryTab).editedAt),
  );
  if (tabs.length !== candidate.tabs.length) return undefined;
  const activeId = tabs.some((tab) => tab.id === candidate.activeId) ? candidate.activeId! : tabs[0]!.id;
  const nextNumber =
    typeof candidate.nextNumber === 'number' && Number.isSafeInteger(candidate.nextNumber)
      ? candidate.nextNumber
      : tabs.length + 1;
  const closed =
    candidate.closed && typeof candidate.closed === 'object'
      ? Object.fromEntries(
          Object.entries(candidate.closed).filter(
            (entry): entry is [string, number] => typeof entry[1] === 'number',
          ),
        )
      : {};
  return { tabs, activeId, nextNumber, closed };
}
