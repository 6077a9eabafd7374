/** Reads a tables directory (one `<Table>.ndjson` per table) into an engine. Node only (used by the CLIs and tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KqlEngine } from '../engine';
import { JsonDepthError, parseJsonText } from '../json';

export interface LoadReport {
  readonly loaded: { table: string; rows: number }[];
  readonly skipped: string[];
}

export function loadTablesDir(engine: KqlEngine, dir: string): LoadReport {
  if (!existsSync(dir)) throw new Error(`Tables directory not found: ${dir}`);
  const loaded: { table: string; rows: number }[] = [];
  const skipped: string[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ndjson'))
    .sort()) {
    const table = basename(file, '.ndjson');
    if (!engine.schemas.some((schema) => schema.name === table)) {
      skipped.push(file);
      continue;
    }
    const rows: Record<string, unknown>[] = [];
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          rows.push(parseJsonText(line) as Record<string, unknown>);
        } catch (error) {
          const reason =
            error instanceof JsonDepthError ? error.message : `not valid JSON (${(error as Error).message})`;
          throw new Error(`${file} line ${index + 1}: ${reason}`, { cause: error });
        }
      });
    engine.loadTable(table, rows);
    loaded.push({ table, rows: rows.length });
  }
  return { loaded, skipped };
}
