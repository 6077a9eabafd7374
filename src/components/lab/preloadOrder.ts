/**
 * The tables to load into the engine after the query in the editor has had its own (the analyzer named those): every
 * other table that has rows, largest first, so that the slowest loads are done before a query needs them. Tables
 * without rows need no load.
 */
export function remainingTables(
  rowCounts: Readonly<Record<string, number>>,
  alreadyLoaded: readonly string[],
): string[] {
  return Object.keys(rowCounts)
    .filter((table) => (rowCounts[table] ?? 0) > 0 && !alreadyLoaded.includes(table))
    .sort((a, b) => (rowCounts[b] ?? 0) - (rowCounts[a] ?? 0));
}
