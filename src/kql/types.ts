/** Public shapes of the KQL engine (see /work/shared/design.md: query result, query error). */

/** Kusto's scalar types. */
export type KustoType =
  'string' | 'long' | 'int' | 'real' | 'decimal' | 'bool' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

/**
 * A value as it travels on the wire and in the conformance corpus: datetime as ISO 8601 with `Z` and trailing
 * fractional zeros removed, timespan as Kusto prints it (`[-][d.]hh:mm:ss[.fffffff]`), decimal as an exact string,
 * real NaN/±Infinity as the strings "NaN"/"Infinity"/"-Infinity", dynamic as JSON, null for an empty cell (strings are
 * never null: "").
 */
export type WireValue = string | number | boolean | null | WireValue[] | { [key: string]: WireValue };

export interface ResultColumn {
  readonly name: string;
  readonly type: KustoType;
}

/** Chart metadata produced by `render`: kind (`timechart`, `barchart`, ...) and its `with (...)` properties. */
export interface ChartSpec {
  readonly kind: string;
  readonly properties: Readonly<Record<string, string | number | boolean | string[]>>;
}

export interface QueryResult {
  readonly ok: true;
  /**
   * The table's name as Kusto names it: `PrimaryResult` (`PrimaryResult_2`... for later statements), a `fork`
   * branch's name or `GenericResult`, `GenericResult_2`..., a `facet` column, funnel_sequence's three tables, preview's two.
   */
  readonly name: string;
  readonly columns: readonly ResultColumn[];
  readonly rowCount: number;
  /** Rows `[offset, offset + count)` in wire format. Cheap to call repeatedly: values are formatted on demand. */
  page(offset: number, count: number): WireValue[][];
  /** All rows in wire format (same as `page(0, rowCount)`). */
  rows(): WireValue[][];
  /** Raw engine values of one column (bigint ticks for datetime/timespan, see values.ts); for charts and the grid. */
  columnValues(index: number): readonly unknown[];
  readonly chart?: ChartSpec;
  /** Set when the result was cut at Kusto's limits (500,000 rows or 64 MB). */
  readonly truncated?: { readonly limit: number; readonly reason: string };
  readonly elapsedMs: number;
  /** The further result tables (several statements, fork, facet, funnel_sequence); the first one is this result. */
  readonly extraTables?: readonly QueryResult[];
}

export interface QueryError {
  readonly ok: false;
  /** A Kusto.Language diagnostic code (`KS142`) or the engine's own (`KQL_RUNTIME`, `KQL_UNSUPPORTED`, `KQL_TIMEOUT`, `KQL_CANCELLED`, `KQL_LIMIT`). */
  readonly code: string;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** 0-based offset in the query text. */
  readonly start: number;
  readonly length: number;
  readonly hint?: string;
}

export type QueryOutcome = QueryResult | QueryError;

export interface Diagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'suggestion' | 'information';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly start: number;
  readonly length: number;
}

export interface QueryOptions {
  /** The value of `now()` and the base of `ago()`; a scenario passes its virtual now. Default: the real time. */
  readonly now?: Date;
  readonly signal?: AbortSignal;
  /** A runaway query stops after this long with KQL_TIMEOUT. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Default 500,000 (Kusto's result truncation limit). */
  readonly maxRows?: number;
  /** Rows one operator (join, mv-expand, range...) may produce before KQL_LIMIT. Default 10,000,000. */
  readonly maxOperatorRows?: number;
  /** Bytes a query may allocate (the engine's estimate) before KQL_LIMIT. Default 512 MB. */
  readonly memoryBudgetBytes?: number;
}

/** A table the engine knows: name and typed columns. */
export interface TableSchema {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: KustoType }[];
}
