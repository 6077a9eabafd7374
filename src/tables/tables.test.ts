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

/** The tables the issue requires (simulation, lessons and lab depend on them). */
const REQUIRED_TABLES = [
  'SecurityAlert',
  'SecurityRecommendation',
  'SecurityNestedRecommendation',
  'SecurityIncident',
  'AKSAudit',
  'AKSAuditAdmin',
  'AKSControlPlane',
  'AzureDiagnostics',
  'ContainerLogV2',
  'ContainerLog',
  'KubePodInventory',
  'KubeEvents',
  'KubeNodeInventory',
  'KubeServices',
  'ContainerInventory',
  'ContainerImageInventory',
  'ContainerNodeInventory',
  'AzureActivity',
];

describe('table definitions', () => {
  it('include every required table, each with a description and a description per column', () => {
    const names = TABLE_DEFINITIONS.map((table) => table.name);
    for (const name of REQUIRED_TABLES) expect(names, name).toContain(name);
    for (const table of TABLE_DEFINITIONS) {
      expect(table.description.trim(), table.name).not.toBe('');
      for (const column of table.columns) {
        expect(column.description.trim(), `${table.name}.${column.name}`).not.toBe('');
      }
    }
  });

  it('give every Log Analytics table its standard columns', () => {
    for (const table of TABLE_DEFINITIONS) {
      const columns = new Map(table.columns.map((column) => [column.name, column.type]));
      expect(columns.get('TenantId'), `${table.name}.TenantId`).toBe('string');
      expect(columns.get('Type'), `${table.name}.Type`).toBe('string');
      expect(columns.get('TimeGenerated'), `${table.name}.TimeGenerated`).toBe('datetime');
    }
  });

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
