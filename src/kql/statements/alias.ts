/**
 * `alias database name = cluster("...").database("...")` and references to tables through `database("...")` and
 * `cluster("...").database("...")`. The lab holds one database (LOCAL_DATABASE in syntax/kusto.ts): a reference to it reads
 * the table; a reference to another cluster or database (through an alias or not) cannot be reached offline and
 * answers KQL_NO_NETWORK at the reference.
 */
import { EngineError } from '../errors';
import type { Span, Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { SyntaxNode } from '../syntax/node';

export interface DatabaseTarget {
  readonly cluster?: string;
  readonly database?: string;
}

export type Aliases = Map<string, DatabaseTarget>;

function stringArgument(api: TranslateApi, call: SyntaxNode): string | undefined {
  const [first] = api.elements(call.ArgumentList.Expressions);
  const value: unknown = first?.LiteralValue;
  return typeof value === 'string' ? value : undefined;
}

function callName(api: TranslateApi, node: SyntaxNode): string | undefined {
  return api.kind(node) === 'FunctionCallExpression' ? String(node.Name.SimpleName).toLowerCase() : undefined;
}

/** The cluster and database that `cluster(c).database(d)`, `database(d)` or `cluster(c)` names. */
export function databaseTarget(
  api: TranslateApi,
  node: SyntaxNode,
  aliases: Aliases,
): DatabaseTarget | undefined {
  const name = callName(api, node);
  if (name === 'database') {
    const database = stringArgument(api, node);
    return (database !== undefined ? aliases.get(database) : undefined) ?? { database };
  }
  if (name === 'cluster') return { cluster: stringArgument(api, node) };
  if (api.kind(node) === 'PathExpression') {
    const left = databaseTarget(api, node.Expression, aliases);
    const right = databaseTarget(api, node.Selector, aliases);
    if (left && right)
      return { cluster: left.cluster ?? right.cluster, database: right.database ?? left.database };
  }
  return undefined;
}

/** Records `alias database name = ...` (Kusto.Language resolves the alias for analysis; the engine needs its target). */
export function declareAlias(api: TranslateApi, statement: SyntaxNode, aliases: Aliases): void {
  const target = databaseTarget(api, statement.Expression, aliases);
  const name = api
    .text(statement.Name)
    .trim()
    .replace(/^\[\s*(['"])(.*)\1\s*\]$/, '$2');
  if (target) aliases.set(name, target);
}

/** `database(d).Table` or `cluster(c).database(d).Table`; undefined when the path is not such a reference. */
export function tableReference(
  api: TranslateApi,
  node: SyntaxNode,
  aliases: Aliases,
  localDatabase: string,
  span: Span,
): Tabular | undefined {
  const target = databaseTarget(api, node.Expression, aliases);
  return target ? tableInDatabase(api, target, node, localDatabase, span) : undefined;
}

/** `Path.Table` where Path names `target`: the local table, or KQL_NO_NETWORK for another database or cluster. */
export function tableInDatabase(
  api: TranslateApi,
  target: DatabaseTarget,
  node: SyntaxNode,
  localDatabase: string,
  span: Span,
): Tabular {
  const table = String(node.Selector.SimpleName ?? api.text(node.Selector).trim());
  const local =
    target.cluster === undefined &&
    (target.database === undefined || target.database.toLowerCase() === localDatabase.toLowerCase());
  if (local) return { op: 'table', name: table, schema: api.schemaOf(node), span };
  const where = [
    target.database ? `The database '${target.database}'` : 'A database',
    target.cluster ? ` on cluster '${target.cluster}'` : '',
  ].join('');
  throw new EngineError(
    'KQL_NO_NETWORK',
    `${where} cannot be reached: the lab works offline with its own database (${localDatabase}) only.`,
    span,
    `Query the lab's tables directly, for example ${table} | take 10.`,
  );
}
