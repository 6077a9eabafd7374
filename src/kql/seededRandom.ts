/**
 * mulberry32: a small seeded source of numbers in [0, 1). The engine's `sample` uses it so that the same query on
 * the same data gives the same rows; tests, fixtures and benchmarks use it for data that repeats.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
