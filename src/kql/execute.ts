/**
 * Executes a plan over columnar tables: each plan node runs through its operator (operators/index.ts) with the
 * kernel's Context (kernel/context.ts) as its ExecuteApi. Expressions compile to closures `(row) => value` over the
 * input's columns (kernel/compile.ts); streaming operators produce new columns, blocking ones collect.
 */
import { QueryBudget } from './budget';
import { Context, type ExecutionLimits } from './kernel/context';
import { regexError } from './kernel/errors';
import { conform } from './kernel/tables';
import { OPERATOR_EXECUTORS } from './operators/index';
import type { OperatorExecutor } from './operators/operator';
import type { QueryPlan, Tabular } from './plan';
import { RegexSyntaxError } from './regex';
import type { Table } from './table';
import type { ChartSpec } from './types';

export type { ExecutionLimits } from './kernel/context';

/** A statement's result table; `name` is what Kusto names it (`PrimaryResult`, a fork branch's name...). */
export interface PlanOutput {
  readonly name: string;
  readonly table: Table;
  readonly chart?: ChartSpec;
}

const PRIMARY_RESULT = 'PrimaryResult';

export function executePlan(
  plan: QueryPlan,
  getTable: (name: string) => Table,
  limits: ExecutionLimits,
): PlanOutput[] {
  const budget = new QueryBudget(limits.maxOperatorRows, limits.memoryBudgetBytes);
  const outputs = plan.outputs.flatMap((output) => {
    // fork, facet and funnel_sequence end a statement with several tables, which share one run (and its input).
    const context = new Context(getTable, limits, budget, run);
    const named = output.op === 'results' ? output.tables : [{ name: PRIMARY_RESULT, plan: output }];
    return named.map(({ name, plan: table }) => {
      const result = context.run(table);
      const chart = context.takeChart();
      return chart ? { name, table: result, chart } : { name, table: result };
    });
  });
  return distinctNames(outputs);
}

/** Several statements each give a `PrimaryResult`: the second and later ones get `_2`, `_3`... to tell them apart. */
function distinctNames(outputs: readonly PlanOutput[]): PlanOutput[] {
  const seen = new Map<string, number>();
  return outputs.map((output) => {
    const count = (seen.get(output.name) ?? 0) + 1;
    seen.set(output.name, count);
    return count === 1 ? output : { ...output, name: `${output.name}_${count}` };
  });
}

function run(plan: Tabular, context: Context): Table {
  context.check(plan.span);
  let result: Table;
  try {
    const execute = OPERATOR_EXECUTORS[plan.op] as OperatorExecutor<Tabular['op']>;
    result = execute(plan, context);
  } catch (error) {
    // A pattern of an operator (parse, parse-kv) that RE2 rejects: positioned at the operator.
    if (error instanceof RegexSyntaxError) throw regexError(error, plan.span);
    throw error;
  }
  return conform(result, plan.schema);
}
