/**
 * The tables to load into the engine ahead of the first query: those the query names first (in the order it names
 * them), then every other table that has rows, largest first. Tables without rows need no load.
 */
export function preloadOrder(queryText: string, rowCounts: Readonly<Record<string, number>>): string[] {
  const withRows = Object.keys(rowCounts).filter((table) => (rowCounts[table] ?? 0) > 0);
  const named = withRows
    .map((table) => ({ table, at: queryText.search(new RegExp(`(^|\\W)${table}(?!\\w)`)) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ table }) => table);
  const others = withRows
    .filter((table) => !named.includes(table))
    .sort((a, b) => (rowCounts[b] ?? 0) - (rowCounts[a] ?? 0));
  return [...named, ...others];
}
