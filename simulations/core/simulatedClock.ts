/**
 * Virtual time for the whole simulation. It implements xstate's `Clock` (setTimeout / clearTimeout) so
 * machines created with `createActor(machine, { clock })` run on it, and it fires due callbacks strictly in
 * due-time order (ties in scheduling order) with `now()` equal to each callback's own due time. That last
 * property is why we do not use xstate's own SimulatedClock: it sets `now` to the target time before
 * flushing, so every callback fired by one `set()` would see the same instant.
 */
export class SimulatedClock {
  private current: number;
  private sequence = 0;
  private readonly heap: Timer[] = [];
  private readonly cancelled = new Set<number>();

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): number {
    return this.at(this.current + Math.max(0, timeoutMs), fn);
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.cancelled.add(id);
  }

  /** Schedules `fn` at an absolute virtual time (never before now). */
  at(timeMs: number, fn: () => void): number {
    const id = ++this.sequence;
    this.push({ due: Math.max(timeMs, this.current), id, fn });
    return id;
  }

  /** Calls `fn` every `periodMs`, first at `firstMs`, until `untilMs` (exclusive). */
  every(firstMs: number, periodMs: number, untilMs: number, fn: (timeMs: number) => void): void {
    const tick = (time: number) => {
      if (time >= untilMs) return;
      this.at(time, () => {
        fn(time);
        tick(time + periodMs);
      });
    };
    tick(firstMs);
  }

  /** Fires every callback due at or before `timeMs`, in order, then leaves the clock at `timeMs`. */
  runUntil(timeMs: number): void {
    while (this.heap.length > 0 && this.heap[0]!.due <= timeMs) {
      const timer = this.pop();
      if (this.cancelled.delete(timer.id)) continue;
      this.current = timer.due;
      timer.fn();
    }
    if (timeMs > this.current) this.current = timeMs;
  }

  get pending(): number {
    return this.heap.length;
  }

  private push(timer: Timer): void {
    const heap = this.heap;
    heap.push(timer);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private pop(): Timer {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

interface Timer {
  due: number;
  id: number;
  fn: () => void;
}

function before(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.id < b.id);
}
