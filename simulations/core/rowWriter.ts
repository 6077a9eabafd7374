import type { Row, Sink } from './sink';

/**
 * Buffers rows per table and hands them to the sink in batches, so a sink that writes to IndexedDB or to
 * files sees a few large appends instead of one call per row. Counts every row it accepted.
 */
export class RowWriter {
  private readonly buffers = new Map<string, Row[]>();
  private readonly counts = new Map<string, number>();
  private buffered = 0;

  constructor(
    private readonly sink: Sink,
    private readonly batchSize = 5000,
  ) {}

  write(table: string, row: Row): void {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    this.buffered++;
  }

  get pendingRows(): number {
    return this.buffered;
  }

  shouldDrain(): boolean {
    return this.buffered >= this.batchSize;
  }

  /** Hands every buffered row to the sink, table by table in a fixed (sorted) order. */
  async drain(): Promise<void> {
    const tables = [...this.buffers.keys()].sort();
    for (const table of tables) {
      const rows = this.buffers.get(table)!;
      if (rows.length === 0) continue;
      this.buffers.set(table, []);
      await this.sink.append(table, rows);
    }
    this.buffered = 0;
  }

  /** Removes and returns every buffered row, by table (for callers that want rows, not a sink). */
  takeAll(): Record<string, Row[]> {
    const taken: Record<string, Row[]> = {};
    for (const table of [...this.buffers.keys()].sort()) {
      const rows = this.buffers.get(table)!;
      if (rows.length > 0) taken[table] = rows;
    }
    this.buffers.clear();
    this.buffered = 0;
    return taken;
  }

  rowCounts(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const table of [...this.counts.keys()].sort()) result[table] = this.counts.get(table)!;
    return result;
  }
}
