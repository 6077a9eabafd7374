import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KUSTO_COLUMN_TYPES, TABLE_DEFINITIONS } from './index';

const referenceDir = join(import.meta.dirname, '../../../shared/reference/tables');
const haveReference = existsSync(referenceDir);
if (!haveReference)
  console.log('skipped: table definitions vs reference (../shared/reference/tables not found)');

interface ReferenceTable {
  table: string;
  columns: { name: string; type: string }[];
  columns_not_listed_by_doc?: { columns: string[] };
}

describe('table definitions', () => {
  it('use only Kusto column types and unique column names', () => {
    for (const table of TABLE_DEFINITIONS) {
      const names = new Set<string>();
      for (const column of table.columns) {
        expect(KUSTO_COLUMN_TYPES).toContain(column.type);
        expect(names.has(column.name), `${table.name}.${column.name} twice`).toBe(false);
        names.add(column.name);
      }
    }
  });

  it.runIf(haveReference)('match the reference schemas column for column', () => {
    const files = readdirSync(referenceDir).filter((file) => file.endsWith('.json'));
    let compared = 0;
    for (const file of files) {
      const reference = JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as ReferenceTable;
      if (!reference.columns?.length) continue;
      const definition = TABLE_DEFINITIONS.find((table) => table.name === reference.table);
      expect(definition, `no definition for ${reference.table}`).toBeDefined();
      const documented = definition!.columns.slice(0, reference.columns.length);
      expect(documented.map((c) => [c.name, c.type])).toEqual(reference.columns.map((c) => [c.name, c.type]));
      const extra = definition!.columns.slice(reference.columns.length).map((c) => c.name);
      for (const name of extra) expect(reference.columns_not_listed_by_doc?.columns ?? []).toContain(name);
      compared++;
    }
    expect(compared).toBe(TABLE_DEFINITIONS.length);
  });
});
