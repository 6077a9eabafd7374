/**
 * Monaco's Kusto language worker loads its own copy of Kusto.Language and spends as long starting it as the query
 * engine does. Started together on a machine with two cores, they share the CPU and the learner's first query waits
 * for both; IntelliSense can wait instead. A page that starts the query engine holds the language worker back until
 * the engine is warm (or has failed to start); a page without an engine (a query check's editor frame) does not wait.
 */
let gate: Promise<void> | undefined;

export function holdLanguageWorkerUntil(ready: Promise<unknown>): void {
  gate = ready.then(
    () => undefined,
    () => undefined,
  );
}

/** Resolves when the language worker may start. */
export function languageWorkerMayStart(): Promise<void> {
  return gate ?? Promise.resolve();
}
