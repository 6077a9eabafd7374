import type { DatasetOption } from '../../portal/datasetChoice';
import { shareLinkUrl } from '../lab/share/shareLink';

/** A link that opens the lab on the same dataset with a query in place (the lab's own share link). */
export function labLink(query: string, dataset: DatasetOption): string {
  if (typeof location === 'undefined') return '/lab/';
  return shareLinkUrl(new URL('/lab/', location.href).toString(), {
    query,
    scenarioId: dataset.scenario,
    seed: dataset.seed,
    ...(dataset.days !== undefined ? { days: dataset.days } : {}),
  });
}
