/**
 * `fork` and `facet`: operators that end a query statement with several result tables.
 *
 * `T | fork [name=](subquery) ...` runs each subquery over T (computed once) and returns one table per subquery. A
 * table is named by `name=` or by the subquery's closing `as Name`; unnamed ones are `GenericResult`,
 * `GenericResult_2`, `GenericResult_3`... as Kusto names them.
 *
 * `T | facet by Col1, Col2 [with (filterPipe)]` returns the `with` pipe's table first, then per column a table of its
 * values and their counts (`Col`, `count_Col`). Kusto does not document the names of facet tables: the engine names a
 * column's table after the column and the `with` table `GenericResult`.
 *
 * Nothing can follow either operator (Kusto: "facet result tables can't be renamed or referenced by any additional
 * operators"): the plan's `results` node is only run where a statement ends (execute.ts).
 */
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { NamedResult, Tabular } from '../plan';
import type { SyntaxNode } from '../syntax/node';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

const UNNAMED_RESULT = 'GenericResult';

export function translateFork(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, span } = site;
  const input = shareInput(site, api);
  const branches = api.elements(node.Expressions).map((branch) => {
    const plan = api.pipelineOver(branch.Expression, input, scope);
    const name = branch.NameEquals
      ? String(branch.NameEquals.Name.SimpleName)
      : closingAsName(branch.Expression, api);
    return { name, plan };
  });
  return { op: 'results', tables: nameUnnamed(branches), span };
}

export function translateFacet(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, span } = site;
  const input = shareInput(site, api);
  const tables: { name: string | undefined; plan: Tabular }[] = [];
  const withClause = node.WithClause;
  if (withClause) {
    const pipe =
      api.kind(withClause) === 'FacetWithOperatorClause' ? withClause.Operator : withClause.Expression;
    tables.push({ name: undefined, plan: api.pipelineOver(pipe, input, scope) });
  }
  for (const columnNode of api.elements(node.Expressions)) {
    const column = api.text(columnNode).trim();
    const countName = `count_${column}`;
    const columnSpan = api.span(columnNode);
    const counted: Tabular = {
      op: 'summarize',
      input,
      aggregates: [
        {
          name: countName,
          expr: { kind: 'aggregate', name: 'count', args: [], type: 'long', span: columnSpan },
        },
      ],
      by: [{ name: column, expr: api.scalar(columnNode, scope, input.schema) }],
      schema: [
        { name: column, type: api.typeOf(columnNode) },
        { name: countName, type: 'long' },
      ],
      span: columnSpan,
    };
    tables.push({ name: column, plan: counted });
  }
  return { op: 'results', tables: nameUnnamed(tables), span };
}

/** Reached only when something follows `fork`/`facet` or reads their result, which Kusto does not allow either. */
export function execute(plan: PlanOf<'results'>, _api: ExecuteApi): Table {
  throw unsupported(
    'an operator after fork, facet or funnel_sequence, or their tables used as one input: they return several result tables and end the query statement',
    plan.span,
  );
}

/** The operator's input as a shared plan, so the branches compute it once. */
function shareInput(site: OperatorSite, api: TranslateApi): Tabular {
  const input = site.need();
  return { op: 'shared', input, id: api.sharedId(), schema: input.schema, span: input.span };
}

/** `(... | as Name)` names its branch's table. */
function closingAsName(pipe: SyntaxNode, api: TranslateApi): string | undefined {
  let last = pipe;
  while (api.kind(last) === 'ParenthesizedExpression') last = last.Expression;
  if (api.kind(last) === 'PipeExpression') last = last.Operator;
  return api.kind(last) === 'AsOperator' ? String(last.Name.SimpleName) : undefined;
}

/** Unnamed tables get Kusto's `GenericResult`, `GenericResult_2`... in order. */
export function nameUnnamed(tables: readonly { name: string | undefined; plan: Tabular }[]): NamedResult[] {
  let unnamed = 0;
  return tables.map(({ name, plan }) => {
    if (name !== undefined) return { name, plan };
    unnamed += 1;
    return { name: unnamed === 1 ? UNNAMED_RESULT : `${UNNAMED_RESULT}_${unnamed}`, plan };
  });
}
