import { describe, expect, it } from 'vitest';
import type { PodState } from './podState';
import { PodLogBook } from './podLogs';

function pod(): PodState {
  return {
    uid: 'u1',
    containers: [{ spec: { name: 'app' }, containerId: 'c1' }],
  } as unknown as PodState;
}

describe("the kubelet's log book", () => {
  it('keeps the current and the previous instance of a container, up to now', () => {
    const book = new PodLogBook(3);
    const p = pod();
    book.write(p, 'app', 1, 'first run', 'stdout');
    book.write(p, 'app', 2, { level: 'fatal' }, 'stderr');
    p.containers[0]!.containerId = 'c2';
    for (let t = 10; t < 16; t++) book.write(p, 'app', t, `line ${t}`, 'stdout');
    expect(book.lines(p, 'app', 100, true)!.map((l) => l.text)).toEqual(['first run', '{"level":"fatal"}']);
    const current = book.lines(p, 'app', 14)!.map((l) => l.text);
    expect(current.at(-1)).toBe('line 14');
    expect(current.length).toBeLessThanOrEqual(5);
    expect(book.lines(p, 'nope', 100)).toBeUndefined();
    book.forget(p);
    expect(book.lines(p, 'app', 100)).toEqual([]);
    expect(book.lines(p, 'app', 100, true)).toBeUndefined();
  });
});
