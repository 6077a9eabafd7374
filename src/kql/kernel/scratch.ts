/**
 * Int32 work arrays kept between queries, one per named use. A typed array lives outside the JavaScript heap, and V8
 * answers each 64 MB of new ones with a collection of the whole heap, whose cost grows with the tables the heap
 * holds: a join allocating its temporaries anew on tables of 4M rows paid a full collection per run, and its time per
 * row doubled from 1M to 4M rows. Kept arrays follow the largest use so far, a small part of the tables that made it.
 *
 * A use's array is for one synchronous computation: its contents are whatever the last one left (callers initialize
 * what they read), and no caller keeps it past its return.
 */
const kept = new Map<string, Int32Array>();

/** The work array of `use`, exactly `length` long. */
export function scratchInt32(use: string, length: number): Int32Array {
  let buffer = kept.get(use);
  if (buffer === undefined || buffer.length < length) {
    // A quarter more than asked, so that slowly growing inputs do not reallocate every time.
    buffer = new Int32Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.25)));
    kept.set(use, buffer);
  }
  return buffer.subarray(0, length);
}
