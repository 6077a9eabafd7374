import LZString from 'lz-string';

// lz-string is CommonJS: its default export works in the browser bundle, in SSR and in Vitest alike.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

/** What a share link carries: enough to reproduce the same result on any machine. */
export interface SharedQuery {
  readonly query: string;
  readonly scenarioId: string;
  readonly seed: number;
  /** Simulated days, when the dataset is not the scenario's default length. */
  readonly days?: number;
}

export type ShareLinkParse =
  | { readonly ok: true; readonly shared: SharedQuery }
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: 'none' };

/** A query far beyond anything a learner types: refuse it rather than freeze the editor. */
const MAX_QUERY_LENGTH = 100_000;
/** The compressed form of the longest query accepted is well under this; longer is not decompressed at all. */
const MAX_COMPRESSED_LENGTH = 200_000;

/**
 * The link lives in the URL fragment, so opening it sends nothing to any server (the site is static and works
 * offline); the query is compressed with lz-string into URL-safe characters.
 */
export function shareLinkHash(shared: SharedQuery): string {
  const params = new URLSearchParams();
  params.set('q', compressToEncodedURIComponent(shared.query));
  params.set('scenario', shared.scenarioId);
  params.set('seed', String(shared.seed));
  if (shared.days !== undefined) params.set('days', String(shared.days));
  return `#${params.toString()}`;
}

export function shareLinkUrl(base: string, shared: SharedQuery): string {
  const url = new URL(base);
  url.hash = shareLinkHash(shared).slice(1);
  return url.toString();
}

/** lz-string answers null for some damaged input and throws on other (`q=zz`): both are a damaged link. */
function decompress(compressed: string): string | null {
  try {
    // URLSearchParams turns '+' into a space; lz-string's URI alphabet uses '+', so undo that.
    const query: unknown = decompressFromEncodedURIComponent(compressed.replace(/ /g, '+'));
    return typeof query === 'string' ? query : null;
  } catch {
    return null;
  }
}

/**
 * A link can ask for a longer dataset than the scenario's default, and a long one takes minutes and much of the
 * browser's storage to generate (30 days is about 1.8 million rows): the learner is asked first. The question, or
 * undefined when the link asks for no more than the default.
 */
export function longGenerationQuestion(shared: SharedQuery, defaultDays: number): string | undefined {
  if (shared.days === undefined || shared.days <= defaultDays) return undefined;
  return `This link's query is meant for a ${shared.days}-day dataset of ${shared.scenarioId}, longer than the scenario's ${defaultDays} days: generating it takes longer and more storage. Generate ${shared.days} days? (Cancel generates ${defaultDays} days.)`;
}

/** Reads a share link's fragment; says plainly what is wrong with a damaged one. Never throws. */
export function parseShareLinkHash(hash: string): ShareLinkParse {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') return { ok: 'none' };
  const params = new URLSearchParams(fragment);
  const compressed = params.get('q');
  if (compressed === null) return { ok: 'none' };

  if (compressed.length > MAX_COMPRESSED_LENGTH) {
    return { ok: false, reason: `The shared query is longer than ${MAX_QUERY_LENGTH} characters.` };
  }
  const query = decompress(compressed);
  if (query === null || query === '') {
    return { ok: false, reason: 'The shared link is damaged: its query could not be decompressed.' };
  }
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, reason: `The shared query is longer than ${MAX_QUERY_LENGTH} characters.` };
  }
  const scenarioId = params.get('scenario') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/i.test(scenarioId)) {
    return { ok: false, reason: 'The shared link names no valid scenario.' };
  }
  const seedText = params.get('seed') ?? '';
  const seed = Number(seedText);
  if (!/^\d{1,10}$/.test(seedText) || !Number.isSafeInteger(seed)) {
    return { ok: false, reason: 'The shared link has no valid seed (a whole number is expected).' };
  }
  const daysText = params.get('days');
  if (daysText === null) return { ok: true, shared: { query, scenarioId, seed } };
  const days = Number(daysText);
  if (!/^\d{1,2}$/.test(daysText) || days < 1 || days > 30) {
    return { ok: false, reason: 'The shared link has an invalid number of days (1 to 30).' };
  }
  return { ok: true, shared: { query, scenarioId, seed, days } };
}
