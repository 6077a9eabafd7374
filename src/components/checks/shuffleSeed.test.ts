import { describe, expect, it } from 'vitest';
import {
  arrangedTokens,
  LEARNER_SEED_SETTING,
  learnerSeedOf,
  shuffleSeedOf,
  type SettingStore,
} from './shuffleSeed';

function memoryStore(): SettingStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    async getSetting<T>(key: string, fallback: T) {
      return (values.has(key) ? values.get(key) : fallback) as T;
    },
    async setSetting(key: string, value: unknown) {
      values.set(key, value);
    },
  };
}

const tokens = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];

describe('learner seeds', () => {
  it('are made once per learner and shared by every check of a page', async () => {
    const store = memoryStore();
    let made = 0;
    const make = () => `seed-${++made}`;
    const seeds = await Promise.all([learnerSeedOf(store, make), learnerSeedOf(store, make)]);
    expect(seeds).toEqual(['seed-1', 'seed-1']);
    expect(store.values.get(LEARNER_SEED_SETTING)).toBe('seed-1');
  });

  it('are read back after a reload (a new page, the same store)', async () => {
    const store = memoryStore();
    store.values.set(LEARNER_SEED_SETTING, 'kept');
    expect(await learnerSeedOf(store, () => 'new')).toBe('kept');
  });
});

describe('arrangedTokens', () => {
  it('gives the same order for the same learner, check and attempt, whatever the order it starts from', () => {
    const seed = shuffleSeedOf('learner-a', 'pss-levels', 'lesson/0');
    expect(arrangedTokens(tokens, seed)).toEqual(arrangedTokens([...tokens].reverse(), seed));
    expect([...arrangedTokens(tokens, seed)].sort()).toEqual(tokens);
  });

  it('changes with the attempt and with the learner', () => {
    const orders = (seeds: string[]) => new Set(seeds.map((seed) => arrangedTokens(tokens, seed).join()));
    const attempts = orders([0, 1, 2, 3, 4].map((n) => shuffleSeedOf('learner-a', 'c', `lesson/${n}`)));
    const learners = orders(
      ['a', 'b', 'c', 'd', 'e'].map((learner) => shuffleSeedOf(learner, 'c', 'lesson/0')),
    );
    expect(attempts.size).toBeGreaterThan(1);
    expect(learners.size).toBeGreaterThan(1);
  });

  it('puts each option first about equally often across learners', () => {
    const firsts = new Map<string, number>();
    for (let learner = 0; learner < 600; learner++) {
      const first = arrangedTokens(tokens, shuffleSeedOf(`l${learner}`, 'c', 'lesson/0'))[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const token of tokens) expect(firsts.get(token) ?? 0).toBeGreaterThan(60);
  });
});
