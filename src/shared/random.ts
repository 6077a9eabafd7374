/**
 * The project's one seeded random source (sfc32 seeded through splitmix32). Every random choice of the simulation,
 * the KQL engine's `sample`, the shuffle of check choices, fixtures and benchmarks comes from it, never from
 * Math.random, so a seed always gives the same numbers. A leaf: the simulations and the engine both import it, and it
 * imports nothing.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const next = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A derived, independent stream: adding a new consumer does not shift the numbers others get. */
  fork(label: string): Random {
    return new Random((this.uint32() ^ hashString(label)) >>> 0);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** Exponentially distributed delay with the given mean (for Poisson arrivals). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const value = this.uint32();
      out +=
        BYTE_HEX[value >>> 24]! +
        BYTE_HEX[(value >>> 16) & 0xff]! +
        BYTE_HEX[(value >>> 8) & 0xff]! +
        BYTE_HEX[value & 0xff]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** Lower-case alphanumerics without vowels, like Kubernetes' generated name suffixes. */
  k8sSuffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /**
   * A version-4-shaped GUID: 32 random hex digits (four draws, as hex(32)) with the version nibble set to 4 and
   * the variant's top bits to 10, built straight from the numbers (the audit log draws one per request).
   */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    const variant = HEX_DIGITS[((c >>> 28) & 0x3) | 0x8]!;
    return (
      hex8(a) +
      '-' +
      BYTE_HEX[b >>> 24]! +
      BYTE_HEX[(b >>> 16) & 0xff]! +
      '-4' +
      HEX_DIGITS[(b >>> 8) & 0xf]! +
      BYTE_HEX[b & 0xff]! +
      '-' +
      variant +
      HEX_DIGITS[(c >>> 24) & 0xf]! +
      BYTE_HEX[(c >>> 16) & 0xff]! +
      '-' +
      BYTE_HEX[(c >>> 8) & 0xff]! +
      BYTE_HEX[c & 0xff]! +
      hex8(d)
    );
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_DIGITS = '0123456789abcdef';

function hex8(value: number): string {
  return (
    BYTE_HEX[value >>> 24]! +
    BYTE_HEX[(value >>> 16) & 0xff]! +
    BYTE_HEX[(value >>> 8) & 0xff]! +
    BYTE_HEX[value & 0xff]!
  );
}

export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** A function of numbers in [0, 1) from one seeded stream: the form loops and shuffles take. */
export function seededRandom(seed: number | string): () => number {
  const random = new Random(seed);
  return () => random.next();
}
