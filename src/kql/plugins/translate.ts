/**
 * Translates `evaluate name(args)` for the plugins in this folder: positional arguments over the input's columns. A
 * tabular argument (ipv4_lookup's lookup table) travels as a `tabularList` expression holding its plan, as it does
 * for scalar functions; an aggregate call (pivot's) as an `aggregate` expression.
 */
import { AGGREGATES } from '../aggregates';
import { unsupported } from '../errors';
import type { ColumnSchema, Expr, NamedResult, Span, Tabular } from '../plan';
import type { Scope, TranslateApi } from '../translateApi';
import { checkPlugin } from './index';
import type { SyntaxNode } from '../syntax/node';

export function translatePlugin(
  api: TranslateApi,
  node: SyntaxNode,
  name: string,
  input: Tabular | undefined,
  scope: Scope,
  schema: ColumnSchema[] | undefined,
): Tabular {
  const span = api.span(node);
  checkPlugin(name, span);
  if (!input) throw unsupported(`plugin '${name}' without input`, span);
  const args = api.elements(node.FunctionCall.ArgumentList.Expressions).map((arg): Expr => {
    // sequence_detect names its steps (`e1 = (Event == "Start")`); Kusto.Language's schema carries the names.
    if (api.kind(arg) === 'SimpleNamedExpression' && name === 'sequence_detect')
      return api.scalar(arg.Expression, scope, input.schema ?? []);
    if (api.kind(arg) === 'SimpleNamedExpression')
      throw unsupported(`named argument '${api.text(arg).trim()}' of plugin '${name}'`, api.span(arg));
    if (api.kind(arg) !== 'FunctionCallExpression' && api.schemaOf(arg))
      return { kind: 'tabularList', query: api.tabular(arg, scope), type: 'dynamic' };
    if (api.kind(arg) === 'FunctionCallExpression') {
      const callee = String(arg.Name.SimpleName).toLowerCase();
      if (callee in AGGREGATES) {
        const callArgs = api
          .elements(arg.ArgumentList.Expressions)
          .map((inner) => api.scalar(inner, scope, input.schema ?? []));
        return {
          kind: 'aggregate',
          name: callee,
          args: callArgs,
          type: api.typeOf(arg),
          span: api.span(arg),
        };
      }
    }
    return api.scalar(arg, scope, input.schema ?? []);
  });
  const several = SEVERAL_RESULTS[name];
  if (several) {
    // Their tables read one input, computed once.
    const shared: Tabular = {
      op: 'shared',
      input,
      id: api.sharedId(),
      schema: input.schema,
      span: input.span,
    };
    return { op: 'results', tables: several({ input: shared, args, schema, span }), span };
  }
  return { op: 'plugin', name, input, args, schema, span };
}

/** A plug-in call whose tables are being planned: its shared input, arguments and Kusto.Language's schema. */
interface PluginCall {
  readonly input: Tabular;
  readonly args: readonly Expr[];
  readonly schema: ColumnSchema[] | undefined;
  readonly span: Span;
}

/** Plug-ins that return several result tables, so that a statement ending with one has several results. */
const SEVERAL_RESULTS: Readonly<Record<string, (call: PluginCall) => NamedResult[]>> = {
  preview: previewTables,
  funnel_sequence: funnelSequenceTables,
};

/**
 * preview's two tables, named as its documentation shows them: up to NumberOfRows rows of the input (Table1), and the
 * input's row count (Table2, `Count`).
 */
function previewTables({ input, args, schema, span }: PluginCall): NamedResult[] {
  const counted: Tabular = {
    op: 'summarize',
    input,
    aggregates: [{ name: 'Count', expr: { kind: 'aggregate', name: 'count', args: [], type: 'long', span } }],
    by: [],
    schema: [{ name: 'Count', type: 'long' }],
    span,
  };
  return [
    { name: 'Table1', plan: { op: 'plugin', name: 'preview', input, args, schema, span } },
    { name: 'Table2', plan: counted },
  ];
}

/**
 * funnel_sequence's three tables (prev-sequence-next, prev-sequence, sequence-next); Kusto.Language's schema is the
 * first table's.
 */
function funnelSequenceTables({ input, args, schema, span }: PluginCall): NamedResult[] {
  const [time, prev, next, dcount, samples] = schema ?? [];
  const columns = (kept: (ColumnSchema | undefined)[]) =>
    kept.every((column) => column !== undefined) ? (kept as ColumnSchema[]) : undefined;
  const tables = [
    { name: 'prev-sequence-next', plugin: 'funnel_sequence', schema },
    {
      name: 'prev-sequence',
      plugin: 'funnel_sequence:prev-sequence',
      schema: columns([time, prev, dcount, samples]),
    },
    {
      name: 'sequence-next',
      plugin: 'funnel_sequence:sequence-next',
      schema: columns([time, next, dcount, samples]),
    },
  ];
  return tables.map((table) => ({
    name: table.name,
    plan: { op: 'plugin', name: table.plugin, input, args, schema: table.schema, span },
  }));
}
