/**
 * The shape of a plan operator module: `translate` turns the operator's syntax node into a plan node, `execute` runs
 * that plan node. Both reach child plans, scalars and the query's state only through TranslateApi and ExecuteApi.
 */
import type { ExecuteApi } from '../executeApi';
import type { ColumnSchema, Span, Tabular } from '../plan';
import type { Scope } from '../syntax/scope';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { SyntaxNode } from '../syntax/node';

/** The plan node of one operation. */
export type PlanOf<Op extends Tabular['op']> = Extract<Tabular, { op: Op }>;

/** Where an operator stands in the query: its syntax node, the plan piped into it, the names in scope. */
export interface OperatorSite {
  readonly node: SyntaxNode;
  /** The piped input; undefined for an operator that starts a query (`union`, `search`, `print`, `range`...). */
  readonly input: Tabular | undefined;
  readonly scope: Scope;
  /** The columns Kusto.Language computed for the operator's result. */
  readonly schema: ColumnSchema[] | undefined;
  readonly span: Span;
  /** The input's columns ([] without input). */
  readonly inputSchema: readonly ColumnSchema[];
  /** The piped input, or KQL_UNSUPPORTED when the operator has none. */
  need(): Tabular;
}

export type OperatorTranslator = (site: OperatorSite, api: TranslateApi) => Tabular;

export type OperatorExecutor<Op extends Tabular['op']> = (plan: PlanOf<Op>, api: ExecuteApi) => Table;

/** One executor per plan operation: the compiler checks that none is missing. */
export type OperatorExecutors = { readonly [Op in Tabular['op']]: OperatorExecutor<Op> };
