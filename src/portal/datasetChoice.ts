/**
 * Which stored dataset a portal page shows: the one its address names (`?dataset=` from another page, or
 * `?scenario=` from a case page, whose learner may have chosen another seed: none when that scenario has no stored
 * dataset), else the one used most recently.
 * Only finished datasets are offered: the portal writes into the dataset, which a generation in progress refuses.
 */
export interface DatasetOption {
  id: string;
  scenario: string;
  seed: number;
  days?: number;
  ready: boolean;
  updatedAt: number;
  virtualNow?: number;
}

export function chooseDataset(
  datasets: readonly DatasetOption[],
  params: { dataset?: string | null; scenario?: string | null },
): DatasetOption | undefined {
  const ready = datasets.filter((dataset) => dataset.ready);
  const newestFirst = [...ready].sort((a, b) => b.updatedAt - a.updatedAt);
  if (params.dataset) {
    const named = ready.find((dataset) => dataset.id === params.dataset);
    if (named) return named;
  }
  if (params.scenario) {
    // A case page asks for its own scenario: another scenario's data would answer the wrong case.
    return newestFirst.find((dataset) => dataset.scenario === params.scenario);
  }
  return newestFirst[0];
}

export function datasetLabel(dataset: DatasetOption): string {
  return `${dataset.scenario} · seed ${dataset.seed}${dataset.days !== undefined ? ` · ${dataset.days} d` : ''}`;
}

/**
 * The virtual time of an action: the dataset's now plus the wall time the learner has spent on the page, so
 * successive actions follow one another on the dataset's clock.
 */
export function virtualActionTime(virtualNow: number, openedAtMs: number, nowMs: number): number {
  return virtualNow + Math.max(0, nowMs - openedAtMs);
}
