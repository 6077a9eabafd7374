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

export function executePlan(
  plan: QueryPlan,
  getTable: (name: string) => Table,
  limits: ExecutionLimits,
): { table: Table; chart?: ChartSpec }[] {
  const budget = new QueryBudget(limits.maxOperatorRows, limits.memoryBudgetBytes);
  return plan.outputs.map((output) => {
    const context = new Context(getTable, limits, budget, run);
    const table = context.run(output);
    return context.chart ? { table, chart: context.chart } : { table };
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
