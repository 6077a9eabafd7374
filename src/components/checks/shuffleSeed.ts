/**
 * Seeds of the shuffles a learner sees. Each learner (browser profile) gets a random seed of their own, kept in
 * the learner store with their other data; a check's options are shuffled with that seed, the check and the
 * attempt, so the order holds within an attempt (and across a reload) and changes on the next attempt.
 */
import { seededShuffle } from './grading';

export const LEARNER_SEED_SETTING = 'shuffle-seed';

/** The setting that counts a check's attempts in lessons ("Try again" starts the next one). */
export function attemptSettingKey(checkId: string): string {
  return `check-attempt:${checkId}`;
}

/** `context` tells attempts apart: `lesson/2`, `review/5` (the card's repetitions), `exam/<start time>`. */
export function shuffleSeedOf(learnerSeed: string, checkId: string, context: string): string {
  return `${learnerSeed}/${checkId}/${context}`;
}

export interface SettingStore {
  getSetting<T>(key: string, fallback: T): Promise<T>;
  setSetting(key: string, value: unknown): Promise<void>;
}

function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(2));
  return [...bytes].map((value) => value.toString(36)).join('');
}

const loading = new WeakMap<SettingStore, Promise<string>>();

/** The learner's seed, created on first use; every check of a page shares one read of it. */
export function learnerSeedOf(store: SettingStore, makeSeed: () => string = randomSeed): Promise<string> {
  let seed = loading.get(store);
  if (!seed) {
    seed = (async () => {
      const existing = await store.getSetting<string | null>(LEARNER_SEED_SETTING, null);
      if (typeof existing === 'string' && existing.length > 0) return existing;
      const created = makeSeed();
      await store.setSetting(LEARNER_SEED_SETTING, created);
      return created;
    })();
    seed.catch(() => loading.delete(store));
    loading.set(store, seed);
  }
  return seed;
}

/**
 * The order in which to show a check's options: `tokens` in their canonical (page) order, shuffled with the
 * seed. Starting from the canonical order makes the result independent of how the page was arranged before.
 */
export function arrangedTokens(tokens: readonly string[], seed: string): string[] {
  return seededShuffle([...tokens].sort(), seed);
}
