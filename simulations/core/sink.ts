/** A row on the wire: keys are column names; datetimes are ISO 8601 UTC strings; dynamic values are JSON. */
export type Row = Record<string, unknown>;

/**
 * Where simulated rows go. The simulation never knows whether it writes to files or to IndexedDB;
 * it calls `append` with batches of rows of one table and `flush` once at the end.
 */
export interface Sink {
  append(table: string, rows: readonly Row[]): void | Promise<void>;
  flush(): void | Promise<void>;
}

/** Keeps every row in memory, by table (tests, small datasets). */
export class MemorySink implements Sink {
  readonly tables = new Map<string, Row[]>();

  append(table: string, rows: readonly Row[]): void {
    let list = this.tables.get(table);
    if (!list) {
      list = [];
      this.tables.set(table, list);
    }
    for (const row of rows) list.push(row);
  }

  flush(): void {}

  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }
}

/** Counts rows without keeping them (benchmarks). */
export class CountingSink implements Sink {
  readonly counts = new Map<string, number>();

  append(table: string, rows: readonly Row[]): void {
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
  }

  flush(): void {}
}
