/**
 * `join`: every Kusto join kind over hash matches of the key columns (innerunique keeps the first left row
 * per key, so results repeat); `lookup` shares the execution (see lookup.ts).
 */
import { valueKey } from '../compare';
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { isNull } from '../functions/helpers';
import { firstRowPerKey, type JoinSide, matchFlags, matchPairs } from '../hashJoin';
import { columnByName, gather, makeTable } from '../kernel/tables';
import type { ColumnSchema, Expr, JoinKind, Tabular } from '../plan';
import { type Column, gatherColumn, lazyColumn, type Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  return translateJoin(site, api, false);
}

export function translateJoin(site: OperatorSite, api: TranslateApi, isLookup: boolean): Tabular {
  const { node, scope, schema } = site;
  const left = site.need();
  const span = api.span(node);
  const parameters = api.parameters(node.Parameters);
  const kindText = parameters.get('kind')?.text.toLowerCase() ?? (isLookup ? 'leftouter' : 'innerunique');
  const joinKind = JOIN_KINDS[kindText];
  if (!joinKind) throw unsupported(`join kind '${kindText}'`, span);
  const right = api.tabular(node.Expression, scope);
  const clause = isLookup ? node.LookupClause : node.ConditionClause;
  if (!clause || api.kind(clause) !== 'JoinOnClause') throw unsupported('join with a where clause', span);
  const leftKeys: Expr[] = [];
  const rightKeys: Expr[] = [];
  const leftSchema = left.schema ?? [];
  const rightSchema = right.schema ?? [];
  for (const condition of api.elements(clause.Expressions)) {
    const conditionKind = api.kind(condition);
    if (conditionKind === 'NameReference' || conditionKind === 'BracketedExpression') {
      const name =
        (condition.SimpleName as string | undefined) ?? (condition.Expression?.LiteralValue as string);
      leftKeys.push(columnRef(api, name, leftSchema, condition));
      rightKeys.push(columnRef(api, name, rightSchema, condition));
    } else if (conditionKind === 'EqualExpression') {
      const sides = [condition.Left, condition.Right].map((side) => joinSide(api, side));
      const leftSide = sides.find((side) => side.side === 'left') ?? sides[0]!;
      const rightSide = sides.find((side) => side !== leftSide)!;
      leftKeys.push(columnRef(api, leftSide.name, leftSchema, condition));
      rightKeys.push(columnRef(api, rightSide.name, rightSchema, condition));
    } else {
      throw unsupported(`join condition '${api.text(condition)}'`, api.span(condition));
    }
  }
  return { op: 'join', left, right, kind: joinKind, leftKeys, rightKeys, isLookup, schema, span };
}

function joinSide(api: TranslateApi, node: SyntaxNode): { side: 'left' | 'right' | 'none'; name: string } {
  if (api.kind(node) === 'PathExpression') {
    const target = (api.text(node.Expression) as string).trim();
    const name = node.Selector.SimpleName ?? node.Selector.Expression?.LiteralValue;
    if (target === '$left') return { side: 'left', name };
    if (target === '$right') return { side: 'right', name };
  }
  if (api.kind(node) === 'NameReference') return { side: 'none', name: node.SimpleName };
  throw unsupported(`join condition '${api.text(node)}'`, api.span(node));
}

function columnRef(api: TranslateApi, name: string, schema: readonly ColumnSchema[], node: SyntaxNode): Expr {
  const column = schema.find((c) => c.name === name);
  return { kind: 'column', name, type: column?.type ?? 'dynamic', span: api.span(node) };
}

const JOIN_KINDS: Record<string, JoinKind> = {
  innerunique: 'innerunique',
  inner: 'inner',
  leftouter: 'leftouter',
  rightouter: 'rightouter',
  fullouter: 'fullouter',
  outer: 'fullouter',
  leftanti: 'leftanti',
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightanti: 'rightanti',
  rightantisemi: 'rightanti',
  leftsemi: 'leftsemi',
  semi: 'leftsemi',
  rightsemi: 'rightsemi',
};

export function execute(plan: PlanOf<'join'>, api: ExecuteApi): Table {
  const left = api.run(plan.left);
  const right = api.run(plan.right);
  const check = () => api.check(plan.span);
  const leftSide: JoinSide = {
    keys: joinKeys(plan.leftKeys, left, api),
    length: left.length,
    dictionary: keyDictionary(plan.leftKeys, left),
  };
  const rightSide: JoinSide = {
    keys: joinKeys(plan.rightKeys, right, api),
    length: right.length,
    dictionary: keyDictionary(plan.rightKeys, right),
  };
  const kind = plan.kind;
  if (kind === 'leftsemi' || kind === 'leftanti' || kind === 'rightsemi' || kind === 'rightanti') {
    const matched = matchFlags(leftSide, rightSide, check);
    const [table, flags, wanted] =
      kind === 'leftsemi' || kind === 'leftanti'
        ? [left, matched.left, kind === 'leftsemi' ? 1 : 0]
        : [right, matched.right, kind === 'rightsemi' ? 1 : 0];
    const rows: number[] = [];
    for (let row = 0; row < table.length; row++) if (flags[row] === wanted) rows.push(row);
    return gather(table, rows);
  }
  // innerunique: the left side is deduplicated on the key first. Kusto keeps an arbitrary row per key; this
  // engine keeps the first, so results are repeatable.
  const leftRows = kind === 'innerunique' ? firstRowPerKey(leftSide) : undefined;
  const width = left.columns.length + right.columns.length;
  const matches = matchPairs({ ...leftSide, rows: leftRows }, rightSide, check, (pairs) => {
    const unmatched = kind === 'inner' || kind === 'innerunique' ? 0 : left.length + right.length;
    // Two row-number arrays plus the gathered columns.
    api.budget.reserveRows('join', pairs + unmatched, width + 2, plan.span);
  });
  let pairsLeft: ArrayLike<number> = matches.left;
  let pairsRight: ArrayLike<number> = matches.right;
  if (kind === 'leftouter' || kind === 'rightouter' || kind === 'fullouter') {
    // Unmatched left rows take their place among the pairs (left and full outer); unmatched right rows follow.
    const outLeft: number[] = [];
    const outRight: number[] = [];
    const matchedRight = new Uint8Array(right.length);
    for (let i = 0; i < matches.right.length; i++) matchedRight[matches.right[i]!] = 1;
    let at = 0;
    for (let row = 0; row < left.length; row++) {
      if (at < matches.left.length && matches.left[at] === row) {
        while (at < matches.left.length && matches.left[at] === row) {
          outLeft.push(row);
          outRight.push(matches.right[at++]!);
        }
      } else if (kind !== 'rightouter') {
        outLeft.push(row);
        outRight.push(-1);
      }
    }
    if (kind !== 'leftouter') {
      for (let row = 0; row < right.length; row++) {
        if (matchedRight[row] !== 1) {
          outLeft.push(-1);
          outRight.push(row);
        }
      }
    }
    pairsLeft = outLeft;
    pairsRight = outRight;
  }
  const withoutGaps = kind === 'inner' || kind === 'innerunique';
  const pick = (column: Column, rows: ArrayLike<number>, name = column.name): Column =>
    withoutGaps
      ? gatherColumn(column, rows, name)
      : lazyColumn(name, column.type, () => {
          const source = column.values;
          const empty = column.type === 'string' ? '' : null;
          const values = new Array<unknown>(rows.length);
          for (let i = 0; i < rows.length; i++) values[i] = rows[i]! < 0 ? empty : source[rows[i]!];
          return values;
        });
  const columns: Column[] = left.columns.map((column) => pick(column, pairsLeft));
  const leftNames = new Set(left.columns.map((c) => c.name));
  const rightKeyNames = new Set(plan.rightKeys.map((k) => (k.kind === 'column' ? k.name : '')));
  const leftKeyNames = plan.leftKeys.map((k) => (k.kind === 'column' ? k.name : ''));
  for (const column of right.columns) {
    if (plan.isLookup && rightKeyNames.has(column.name)) continue;
    let name = column.name;
    if (leftNames.has(name)) {
      let n = 1;
      while (leftNames.has(`${column.name}${n}`)) n++;
      name = `${column.name}${n}`;
    }
    leftNames.add(name);
    columns.push(pick(column, pairsRight, name));
  }
  if (plan.isLookup) {
    // lookup keeps the key from the left; a rightouter-like fill is not needed (lookup is left-based).
    void leftKeyNames;
  }
  return makeTable(columns, pairsLeft.length);
}

/**
 * The join key of every row of a side: the value itself for one key (a dynamic value by its key text), the keys'
 * texts joined for several; null when a key is null (it matches nothing).
 */
function joinKeys(keyExprs: readonly Expr[], table: Table, api: ExecuteApi): ArrayLike<unknown> {
  const only = keyExprs.length === 1 ? keyExprs[0]! : undefined;
  if (only?.kind === 'column') {
    const column = columnByName(table, only.name, only.span);
    // Strings are never null: a string column's values are its keys.
    if ((column.type === 'string' || column.type === 'guid') && column.type === only.type)
      return column.values;
  }
  const fns = keyExprs.map((key) => api.compile(key, table));
  const keys = new Array<unknown>(table.length);
  for (let row = 0; row < table.length; row++) {
    if (only) {
      const value = fns[0]!(row);
      keys[row] = isNull(value) ? null : typeof value === 'object' ? valueKey(value) : value;
      continue;
    }
    let key: string | null = '';
    for (const fn of fns) {
      const value = fn(row);
      if (isNull(value)) {
        key = null;
        break;
      }
      key += partKey(value) + '\u0001';
    }
    keys[row] = key;
  }
  return keys;
}

/** The codes of a side keyed by one dictionary-coded string column (its keys are that column's values). */
function keyDictionary(keyExprs: readonly Expr[], table: Table): JoinSide['dictionary'] {
  const only = keyExprs.length === 1 ? keyExprs[0]! : undefined;
  if (only?.kind !== 'column') return undefined;
  const column = table.columns.find((c) => c.name === only.name);
  if (!column?.dictionary || column.type !== only.type || 'value' in column) return undefined;
  return { codes: column.dictionary.codes, size: column.dictionary.texts.length };
}

/** Grouping key of one value inside a composite key: columns are typed, so no type tag is needed. */
function partKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '\u0000';
  return typeof value === 'object' ? valueKey(value) : String(value);
}
