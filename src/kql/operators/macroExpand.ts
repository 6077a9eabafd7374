/**
 * `macro-expand [kind=outer|inner] [isfuzzy=...] EntityGroup as X (Subquery)`: the union of Subquery run once per
 * entity of the group, X standing for that entity. The group is `entity_group [...]` written in place or a
 * `let G = entity_group [...]`. An entity is a database (`database("Sentinel")`: `X.Table` reads its tables; any other
 * database or cluster cannot be reached offline and answers KQL_NO_NETWORK) or a table (`X` reads it). `kind=outer`
 * (the default) keeps every column of any expansion, `inner` the columns common to all, as union does.
 */
import { unsupported } from '../errors';
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span } = site;
  const parameters = api.parameters(node.Parameters);
  const outer = (parameters.get('kind')?.text.toLowerCase() ?? 'outer') === 'outer';
  const groupNode = node.EntityGroup;
  let group = groupNode;
  if (api.kind(groupNode) === 'NameReference') {
    const binding = scope.get(groupNode.SimpleName);
    if (binding?.kind !== 'entityGroup')
      throw unsupported(
        `the stored entity group '${api.text(groupNode).trim()}': the lab's database stores none`,
        api.span(groupNode),
      );
    group = binding.node;
  }
  const identifier = String(node.ScopeReferenceName.EntityGroupReferenceName.Name.SimpleName);
  const statements = api.elements(node.StatementList);
  const inputs = api.elements(group.Entities).map((entity) => {
    const outputs = api.block(statements, api.withEntity(scope, identifier, entity));
    const plan = outputs[outputs.length - 1];
    if (!plan) throw unsupported('a macro-expand subquery without a tabular expression', span);
    return { plan, name: api.text(entity).trim() };
  });
  // Kusto.Language 12.4.1 types the subquery once, with every column any expansion may have: an inner macro-expand
  // leaves the common columns to union, which finds them in the tables the expansions return.
  return { op: 'union', inputs, outer, ...(outer ? { schema } : {}), span };
}
