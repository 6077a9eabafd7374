import { datasetStore, type DatasetStore, type TableWriter } from './datasets';

/** A row on the wire (simulations/core/sink.ts Row): keys = column names. */
type Row = Record<string, unknown>;

/**
 * The simulation's Sink (append + flush) over IndexedDB. Each table's rows are encoded into columns as they
 * arrive and written as whole chunks, each write one transaction (see DatasetStore.tableWriter); a failed write
 * rejects with a StoreError in plain words, marks the dataset incomplete and keeps every chunk written before it.
 */
export class IndexedDbSink {
  private readonly writers = new Map<string, TableWriter>();
  private failure: Error | undefined;

  constructor(
    readonly datasetId: string,
    private readonly store: DatasetStore = datasetStore(),
  ) {}

  async append(table: string, rows: readonly Row[]): Promise<void> {
    if (this.failure) throw this.failure;
    let writer = this.writers.get(table);
    if (!writer) {
      writer = await this.guard(() => this.store.tableWriter(this.datasetId, table));
      this.writers.set(table, writer);
    }
    const opened = writer;
    await this.guard(() => opened.append(rows));
  }

  /** Writes what is still buffered (the last, partial chunk of each table). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    for (const table of [...this.writers.keys()].sort()) {
      const writer = this.writers.get(table)!;
      await this.guard(() => writer.flush());
    }
  }

  private async guard<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      await this.store.markIncomplete(this.datasetId, this.failure.message);
      throw this.failure;
    }
  }
}
