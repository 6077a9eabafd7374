import { describe, expect, it } from 'vitest';
import { Random } from '../../src/shared/random';
import { iso, isoMicros } from './time';

describe('timestamp formatting', () => {
  it('gives what Date#toISOString gives, for times in order, out of order, fractional and far off', () => {
    const random = new Random('time-format');
    let t = Date.UTC(2026, 2, 2);
    for (let i = 0; i < 50_000; i++) {
      t += random.int(0, 40);
      const ms = random.chance(0.05)
        ? random.int(-70_000_000_000_000, 260_000_000_000_000)
        : t + random.int(-3_000, 3_000) + (random.chance(0.1) ? random.next() : 0);
      const micros = random.int(0, 1_999);
      const base = new Date(Math.floor(ms)).toISOString();
      expect(isoMicros(ms, micros), `${ms} ${micros}`).toBe(
        `${base.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`,
      );
      expect(iso(ms), String(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
