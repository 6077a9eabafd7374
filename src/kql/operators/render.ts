/**
 * `render`: records the chart kind and properties for the output; the rows pass unchanged.
 */
import type { ExecuteApi } from '../executeApi';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, schema } = site;
  const input = site.need();
  const properties: Record<string, string | number | boolean | string[]> = {};
  const collect = (list: SyntaxNode) => {
    for (const parameter of api.elements(list)) {
      if (api.kind(parameter) !== 'NamedParameter') continue;
      const name = parameter.Name.SimpleName as string;
      const value = parameter.Expression;
      const valueKind = api.kind(value);
      if (valueKind === 'ExpressionList' || valueKind === 'ParenthesizedExpression') {
        properties[name] = api
          .text(value)
          .replace(/[()]/g, '')
          .split(',')
          .map((part) => part.trim());
      } else if (value.IsLiteral && value.LiteralValue !== null && typeof value.LiteralValue !== 'object') {
        properties[name] = value.LiteralValue as string | number | boolean;
      } else {
        const text = api.text(value).trim();
        properties[name] = text.includes(',') ? text.split(',').map((part) => part.trim()) : text;
      }
    }
  };
  collect(node.Parameters);
  if (node.WithClause) collect(node.WithClause.Properties);
  return {
    op: 'render',
    input,
    kind: (node.ChartType?.Text as string) ?? 'table',
    properties,
    schema,
    span: api.span(node),
  };
}

export function execute(plan: PlanOf<'render'>, api: ExecuteApi): Table {
  api.setChart({ kind: plan.kind, properties: plan.properties });
  return api.run(plan.input);
}
