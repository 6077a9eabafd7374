/** A dataset is named by its scenario and seed: the same id in the browser and in Node gives the same rows. */
export function datasetIdOf(scenario: string, seed: number): string {
  return `${scenario}@${seed}`;
}
