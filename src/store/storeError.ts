/**
 * Errors from the browser store, worded for the learner. `kind` lets the UI choose what to offer
 * (free space, reset a dataset, re-import a file) without parsing messages.
 */
export type StoreErrorKind = 'quota' | 'corrupt' | 'invalid-input' | 'not-found' | 'unavailable' | 'unknown';

export class StoreError extends Error {
  readonly kind: StoreErrorKind;

  constructor(kind: StoreErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const named = error as { name?: unknown; inner?: { name?: unknown } };
    if (named.inner && typeof named.inner.name === 'string' && named.name === 'AbortError')
      return named.inner.name;
    if (typeof named.name === 'string') return named.name;
  }
  return '';
}

/** True for the ways browsers (and Dexie wrapping them) say the disk or origin quota is full. */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message);
}

/**
 * Translates an IndexedDB/Dexie failure into a StoreError that says what failed in plain words.
 * `action` names what the learner was doing, e.g. "saving the dataset rows for AKSAudit".
 */
export function toStoreError(error: unknown, action: string): StoreError {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error)) {
    return new StoreError(
      'quota',
      `The browser ran out of storage space while ${action}. Nothing already saved was lost. ` +
        'Free some space by resetting a dataset you no longer need (Datasets page), or allow this site more storage, then try again.',
      { cause: error },
    );
  }
  const name = errorName(error);
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError') {
    return new StoreError(
      'unavailable',
      `The browser's local database is not available while ${action} (${name}). ` +
        'Private browsing windows and some privacy settings block it; open the site in a normal window.',
      { cause: error },
    );
  }
  if (
    name === 'DataError' ||
    name === 'DataCloneError' ||
    name === 'VersionError' ||
    name === 'UpgradeError'
  ) {
    return new StoreError(
      'corrupt',
      `The local database rejected the data while ${action} (${name}: ${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreError('unknown', `Something went wrong while ${action}: ${detail}`, { cause: error });
}
