/**
 * The one name of a dataset: its scenario, seed and (when known) simulated days, in the simulation's format
 * (`docker-sock-escape:11:3`), so the same id in the browser and in Node means the same rows. The store, the
 * simulation runner's manifest, the lab and the knowledge checks all name datasets through this function.
 * Days are unknown only for datasets imported without them (`scenario:seed`).
 */
export function datasetIdOf(scenario: string, seed: number, days?: number): string {
  return days === undefined ? `${scenario}:${seed}` : `${scenario}:${seed}:${days}`;
}
