import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random.uuid', () => {
  it('is the hex(32) draw shaped as a version-4 GUID, as it always was (the same seed gives the same ids)', () => {
    const fromUuid = new Random(42);
    const fromHex = new Random(42);
    for (let i = 0; i < 20_000; i++) {
      const h = fromHex.hex(32);
      const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
      expect(fromUuid.uuid()).toBe(
        `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`,
      );
    }
    expect(new Random('fixed').uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
