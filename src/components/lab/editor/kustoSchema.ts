import type { EngineSchema } from '@kusto/monaco-kusto';
import type { TableDefinition } from '../../../tables';

/** The database name that IntelliSense shows; the lab has one workspace, as a Log Analytics workspace does. */
export const LAB_DATABASE = 'Workspace';

/**
 * monaco-kusto's schema for the project's table definitions: tables, columns with Kusto types and the
 * descriptions that completion and hover show.
 */
export function kustoEngineSchema(tables: readonly TableDefinition[]): EngineSchema {
  const database = {
    name: LAB_DATABASE,
    tables: tables.map((table) => ({
      name: table.name,
      entityType: 'Table' as const,
      docstring: table.description,
      columns: table.columns.map((column) => ({
        name: column.name,
        type: column.type,
        docstring: column.description,
      })),
    })),
    functions: [],
    entityGroups: [],
    majorVersion: 1,
    minorVersion: 0,
  };
  return {
    clusterType: 'Engine',
    cluster: { connectionString: 'https://sc200-lab.local', databases: [database] },
    database,
  };
}
