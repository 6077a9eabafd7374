/** The scalar types of Kusto that a table column can have. */
export const KUSTO_COLUMN_TYPES = [
  'string',
  'long',
  'int',
  'real',
  'decimal',
  'bool',
  'datetime',
  'timespan',
  'guid',
  'dynamic',
] as const;

export type KustoColumnType = (typeof KUSTO_COLUMN_TYPES)[number];

export interface ColumnDefinition {
  readonly name: string;
  readonly type: KustoColumnType;
  /** Shown by IntelliSense and the schema tree; taken from the Azure Monitor / Sentinel reference. */
  readonly description: string;
}

/**
 * One simulated Log Analytics table. The engine's database symbols, the store's columns, the
 * simulation's rows, Monaco's schema and the schema tree all read these definitions.
 */
export interface TableDefinition {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnDefinition[];
}
