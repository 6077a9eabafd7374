/** One query tab: its own text; results live beside it in the lab's state. */
export interface QueryTab {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export interface TabsState {
  readonly tabs: readonly QueryTab[];
  readonly activeId: string;
  /** Next number for "Query N" titles; never reused, so titles stay unique. */
  readonly nextNumber: number;
}

export type TabsAction =
  | { readonly type: 'add'; readonly text?: string; readonly title?: string }
  /** Opens a query (from a share link or the history): selects a tab that already holds it, else adds one. */
  | { readonly type: 'open'; readonly text: string; readonly title?: string }
  | { readonly type: 'close'; readonly id: string }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'edit'; readonly id: string; readonly text: string }
  | { readonly type: 'replace'; readonly state: TabsState };

export const MAX_TABS = 12;

export function initialTabs(text: string): TabsState {
  return { tabs: [{ id: 'tab-1', title: 'Query 1', text }], activeId: 'tab-1', nextNumber: 2 };
}

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'add': {
      const id = `tab-${state.nextNumber}`;
      const tab = { id, title: action.title ?? `Query ${state.nextNumber}`, text: action.text ?? '' };
      // At the limit the oldest tab makes room: a query opened from history or a link is never dropped.
      const kept =
        state.tabs.length >= MAX_TABS ? state.tabs.slice(state.tabs.length - MAX_TABS + 1) : state.tabs;
      return { tabs: [...kept, tab], activeId: id, nextNumber: state.nextNumber + 1 };
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
      return { ...state, tabs, activeId };
    }
    case 'select':
      return state.tabs.some((tab) => tab.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'edit':
      return {
        ...state,
        tabs: state.tabs.map((tab) => (tab.id === action.id ? { ...tab, text: action.text } : tab)),
      };
    case 'replace':
      return action.state;
  }
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
      typeof (tab as QueryTab).text === 'string',
  );
  if (tabs.length !== candidate.tabs.length) return undefined;
  const activeId = tabs.some((tab) => tab.id === candidate.activeId) ? candidate.activeId! : tabs[0]!.id;
  const nextNumber =
    typeof candidate.nextNumber === 'number' && Number.isSafeInteger(candidate.nextNumber)
      ? candidate.nextNumber
      : tabs.length + 1;
  return { tabs, activeId, nextNumber };
}
