/**
 * A dataset is named by its scenario, seed and (when known) simulated days, in the simulation's format
 * (`docker-sock-escape:11:3`), so the same id in the browser and in Node means the same rows.
 */
export function datasetIdOf(scenario: string, seed: number, days?: number): string {
  return days === undefined ? `${scenario}:${seed}` : `${scenario}:${seed}:${days}`;
}
