/** The engine's own typed plan: what syntax/translate.ts produces from Kusto.Language's tree and execute.ts runs. */
import type { GraphOperation } from './graph/plan';
import type { KustoType } from './types';

export interface Span {
  readonly start: number;
  readonly length: number;
}

export interface ColumnSchema {
  readonly name: string;
  readonly type: KustoType;
}

export type Expr =
  | { readonly kind: 'literal'; readonly type: KustoType; readonly value: unknown }
  | { readonly kind: 'column'; readonly name: string; readonly type: KustoType; readonly span: Span }
  /** A scalar function, operator (`+`, `==`, `has`...) or window function applied to arguments. */
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly type: KustoType;
      readonly span: Span;
    }
  | {
      readonly kind: 'aggregate';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly type: KustoType;
      readonly span: Span;
    }
  | { readonly kind: 'toscalar'; readonly query: Tabular; readonly type: KustoType }
  /** The values of a one-column tabular expression, for `in (T | project x)`. */
  | { readonly kind: 'tabularList'; readonly query: Tabular; readonly type: KustoType }
  /** A lambda used by functions like `series_*` is not supported; kept for errors. */
  | { readonly kind: 'star' };

export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
}

export interface SortKey {
  readonly expr: Expr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

export type JoinKind =
  | 'innerunique'
  | 'inner'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftanti'
  | 'rightanti'
  | 'leftsemi'
  | 'rightsemi';

export type ParsePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'column'; readonly name: string; readonly type: KustoType }
  | { readonly kind: 'wildcard' };

interface TabularBase {
  /** The result schema as Kusto.Language computed it; the executor names its output columns by it. */
  readonly schema?: readonly ColumnSchema[];
  readonly span: Span;
}

export type Tabular = TabularBase &
  (
    | { readonly op: 'table'; readonly name: string }
    | { readonly op: 'shared'; readonly input: Tabular; readonly id: number }
    | {
        readonly op: 'datatable';
        readonly columns: readonly ColumnSchema[];
        readonly values: readonly Expr[];
      }
    | { readonly op: 'print'; readonly items: readonly NamedExpr[] }
    | {
        readonly op: 'range';
        readonly name: string;
        readonly from: Expr;
        readonly to: Expr;
        readonly step: Expr;
      }
    | { readonly op: 'where'; readonly input: Tabular; readonly predicate: Expr }
    | { readonly op: 'extend'; readonly input: Tabular; readonly items: readonly NamedExpr[] }
    | { readonly op: 'project'; readonly input: Tabular; readonly items: readonly NamedExpr[] }
    /** project-away, project-keep, project-reorder, project-rename: pick input columns by name. */
    | {
        readonly op: 'select';
        readonly input: Tabular;
        readonly picks: readonly { readonly from: string; readonly as: string }[];
      }
    | {
        readonly op: 'summarize';
        readonly input: Tabular;
        readonly aggregates: readonly NamedExpr[];
        readonly by: readonly NamedExpr[];
      }
    | { readonly op: 'distinct'; readonly input: Tabular; readonly items: readonly NamedExpr[] }
    | { readonly op: 'take'; readonly input: Tabular; readonly count: Expr }
    | { readonly op: 'sort'; readonly input: Tabular; readonly keys: readonly SortKey[] }
    | { readonly op: 'top'; readonly input: Tabular; readonly count: Expr; readonly keys: readonly SortKey[] }
    | {
        readonly op: 'join';
        readonly left: Tabular;
        readonly right: Tabular;
        readonly kind: JoinKind;
        readonly leftKeys: readonly Expr[];
        readonly rightKeys: readonly Expr[];
        /** lookup: right key columns are dropped from the output. */
        readonly isLookup: boolean;
      }
    | {
        readonly op: 'union';
        readonly inputs: readonly { readonly plan: Tabular; readonly name: string }[];
        readonly withSource?: string;
        readonly outer: boolean;
      }
    | {
        readonly op: 'mvexpand';
        readonly input: Tabular;
        readonly items: readonly { readonly name: string; readonly expr: Expr; readonly type: KustoType }[];
        readonly limit?: Expr;
        readonly indexColumn?: string;
        readonly bagexpansion: 'bag' | 'array';
      }
    | {
        readonly op: 'mvapply';
        readonly input: Tabular;
        readonly items: readonly { readonly name: string; readonly expr: Expr; readonly type: KustoType }[];
        /** Input columns expanded by plain (unaliased) name: they leave the output beside the subquery's. */
        readonly consumed: readonly string[];
        readonly indexColumn?: string;
        readonly subquery: Tabular;
        readonly limit?: Expr;
      }
    | {
        readonly op: 'parse';
        readonly input: Tabular;
        readonly source: Expr;
        readonly mode: 'simple' | 'regex' | 'relaxed';
        readonly parts: readonly ParsePart[];
        readonly flags: string;
        readonly keepOnlyMatches: boolean;
      }
    | {
        readonly op: 'makeseries';
        readonly input: Tabular;
        readonly aggregates: readonly {
          readonly name: string;
          readonly expr: Expr;
          readonly defaultValue: Expr;
        }[];
        readonly axis: NamedExpr;
        readonly from?: Expr;
        readonly to?: Expr;
        readonly step: Expr;
        readonly by: readonly NamedExpr[];
      }
    | {
        readonly op: 'render';
        readonly input: Tabular;
        readonly kind: string;
        readonly properties: Readonly<Record<string, string | number | boolean | string[]>>;
      }
    | { readonly op: 'serialize'; readonly input: Tabular; readonly items: readonly NamedExpr[] }
    | { readonly op: 'getschema'; readonly input: Tabular }
    | {
        readonly op: 'parsekv';
        readonly input: Tabular;
        readonly source: Expr;
        readonly keys: readonly ColumnSchema[];
        readonly options: Readonly<Record<string, string>>;
      }
    | { readonly op: 'sample'; readonly input: Tabular; readonly count: Expr }
    | {
        readonly op: 'bagunpack';
        readonly input: Tabular;
        readonly column: Expr;
        readonly prefix: string;
        /** What a property named like an input column does: fail (Kusto's default), replace it, or yield to it. */
        readonly columnsConflict?: 'error' | 'replace_source' | 'keep_source';
        readonly ignoredProperties?: readonly string[];
      }
    | { readonly op: 'topnested'; readonly input: Tabular; readonly levels: readonly TopNestedLevel[] }
    | {
        readonly op: 'search';
        readonly input: Tabular;
        readonly predicate: Expr;
      }
    /** make-graph, graph-match, graph-to-table (see graph/plan.ts). */
    | { readonly op: 'graph'; readonly operation: GraphOperation }
    /** project-by-names: columns picked at run time by constant names, patterns or name arrays. */
    | { readonly op: 'projectbynames'; readonly input: Tabular; readonly specifiers: readonly Expr[] }
    /** One row with the input's column names as a dynamic array (column_names_of). */
    | { readonly op: 'columnnames'; readonly input: Tabular }
    /** Runs `body` with the current row set bound to `input` (used for `as` and `invoke`). */
    | { readonly op: 'passthrough'; readonly input: Tabular }
    | ({ readonly op: 'scan'; readonly input: Tabular } & ScanSpec)
    /** `reduce by expr with threshold, characters` (operators/reduce.ts). */
    | {
        readonly op: 'reduce';
        readonly input: Tabular;
        readonly expr: Expr;
        readonly threshold: number;
        readonly characters?: string;
      }
    /** `partition by Column (subquery)` / `{ query }` (operators/partition.ts). */
    | {
        readonly op: 'partition';
        readonly input: Tabular;
        readonly key: string;
        /** Temporary tables holding, while a partition runs, its rows and its key (one row). */
        readonly rowsTable: string;
        readonly keyTable: string;
        readonly subquery: Tabular;
      }
    /**
     * Several result tables (`fork`, `facet`, `evaluate funnel_sequence`): each a plan of its own, named as Kusto names
     * it. Only a query statement can end with it (kernel: the statement's outputs); anywhere else it is refused.
     */
    | { readonly op: 'results'; readonly tables: readonly NamedResult[] }
    /** `evaluate name(args)`: run by the plugin's module (plugins/); `input` is absent when the plugin starts a query. */
    | {
        readonly op: 'plugin';
        readonly name: string;
        readonly input?: Tabular;
        readonly args: readonly Expr[];
      }
  );

/** One of several result tables; `name` is what the result tab shows. */
export interface NamedResult {
  readonly name: string;
  readonly plan: Tabular;
}

/** `scan`: steps matched in order over the serialized input (operators/scan.ts). */
export interface ScanSpec {
  readonly matchIdColumn?: string;
  readonly declarations: readonly (ColumnSchema & { readonly defaultValue: Expr })[];
  readonly steps: readonly ScanStep[];
}

export interface ScanStep {
  readonly name: string;
  readonly output: 'all' | 'last' | 'none';
  /** Reads the current record's columns and, as `step.column` state columns, the state (see operators/scan.ts). */
  readonly condition: Expr;
  readonly assignments: readonly NamedExpr[];
}

export interface TopNestedLevel {
  readonly count?: Expr;
  readonly of: NamedExpr;
  readonly aggregate: NamedExpr;
  readonly others?: Expr;
  readonly descending: boolean;
}

export interface QueryPlan {
  /** The tabular results, in statement order (most queries have one). */
  readonly outputs: readonly Tabular[];
}

/** A literal of the plan. */
export function literal(type: KustoType, value: unknown): Expr {
  return { kind: 'literal', type, value };
}
