import type { DatasetSummary } from './backend';

/** Time functions and literals that, used in a filter, can exclude every row of a dataset. */
const TIME_FILTER =
  /\b(ago|now|datetime|between|startofday|startofweek|startofmonth)\s*\(|\bTimeGenerated\s*[<>]=?/i;

/**
 * When a query returns no rows and filters on time, the usual mistake is a window outside the dataset's range
 * (the data is simulated around a virtual "now", not today): say so with the range.
 */
export function emptyResultHint(queryText: string, dataset: DatasetSummary | undefined): string | undefined {
  if (!TIME_FILTER.test(queryText)) return undefined;
  if (!dataset?.start || !dataset.end || !dataset.virtualNow) {
    return 'No rows. The query filters on time; check that its window covers the dataset.';
  }
  return (
    `No rows. The query filters on time, and this dataset spans ${dataset.start} to ${dataset.end} ` +
    `with a virtual now of ${dataset.virtualNow}: ago() counts back from that now. Check that the window covers the data.`
  );
}
