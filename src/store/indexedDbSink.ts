import { datasetStore, type DatasetStore } from './datasets';

/** A row on the wire (simulations/core/sink.ts Row): keys = column names. */
type Row = Record<string, unknown>;

/**
 * The simulation's Sink (append + flush) over IndexedDB. Rows are gathered per table and written as whole
 * chunks, each write one transaction; a failed write rejects with a StoreError in plain words, marks the
 * dataset incomplete and keeps every chunk written before it.
 */
export class IndexedDbSink {
  private readonly buffers = new Map<string, Row[]>();
  private failure: Error | undefined;

  constructor(
    readonly datasetId: string,
    private readonly store: DatasetStore = datasetStore(),
  ) {}

  private get chunkRows(): number {
    return this.store.chunkRows;
  }

  async append(table: string, rows: readonly Row[]): Promise<void> {
    if (this.failure) throw this.failure;
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    for (const row of rows) buffer.push(row);
    if (buffer.length >= this.chunkRows) {
      const full = buffer.length - (buffer.length % this.chunkRows);
      const batch = buffer.splice(0, full);
      await this.write(table, batch);
    }
  }

  /** Writes what is still buffered (the last, partial chunk of each table). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    for (const table of [...this.buffers.keys()].sort()) {
      const batch = this.buffers.get(table)!;
      this.buffers.set(table, []);
      await this.write(table, batch);
    }
  }

  private async write(table: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.store.appendBatch(this.datasetId, table, rows);
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      await this.store.markIncomplete(this.datasetId, this.failure.message);
      throw this.failure;
    }
  }
}
