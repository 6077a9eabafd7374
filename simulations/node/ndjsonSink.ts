import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Row, Sink } from '../core/sink';

/** Writes `<Table>.ndjson` files (one JSON object per line), the format the store and the KQL CLI read. */
export class NdjsonSink implements Sink {
  private readonly files = new Map<string, number>();

  constructor(
    private readonly directory: string,
    tables: readonly string[] = [],
  ) {
    mkdirSync(directory, { recursive: true });
    for (const table of tables) this.open(table);
  }

  append(table: string, rows: readonly Row[]): void {
    const fd = this.open(table);
    let chunk = '';
    for (const row of rows) {
      chunk += `${JSON.stringify(row)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    if (chunk) writeSync(fd, chunk);
  }

  flush(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }

  private open(table: string): number {
    let fd = this.files.get(table);
    if (fd === undefined) {
      fd = openSync(join(this.directory, `${table}.ndjson`), 'w');
      this.files.set(table, fd);
    }
    return fd;
  }
}
