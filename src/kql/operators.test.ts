// Golden tests per tabular operator. Expected results are worked out by hand from the Kusto documentation.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from './testing/testEngine';

const engine = testEngine();
const rows = (query: string) => run(engine, query).rows;

describe('tabular operators', () => {
  it('where / filter keep rows whose predicate is true (null is not true)', () => {
    expect(rows('Events | where Bytes > 200 | project User')).toEqual([['bob'], ['alice']]);
    expect(rows('Events | filter Bytes < 1000 | count')).toEqual([[2]]);
  });

  it('project computes and renames; project-away, project-keep, project-rename, project-reorder pick columns', () => {
    expect(run(engine, 'Events | take 1 | project User, kb = Bytes / 100').rows).toEqual([['alice', 1]]);
    expect(run(engine, 'Events | project-away TimeGenerated, Props, Action | take 1').columns).toEqual([
      'User',
      'Bytes',
    ]);
    expect(run(engine, 'Events | project-keep B* , User | take 1').columns).toEqual(['User', 'Bytes']);
    expect(run(engine, 'Users | project-rename Department = Dept | take 1').columns).toEqual([
      'User',
      'Department',
    ]);
    expect(run(engine, 'Users | project-reorder Dept | take 1').columns).toEqual(['Dept', 'User']);
  });

  it('extend adds or replaces columns', () => {
    const result = run(engine, 'Users | take 1 | extend Dept = strcat(Dept, "!"), n = 1');
    expect(result.columns).toEqual(['User', 'Dept', 'n']);
    expect(result.rows).toEqual([['alice', 'IT!', 1]]);
  });

  it('summarize by keys and bin, with automatic names', () => {
    const result = run(
      engine,
      'Events | summarize count(), sum(Bytes) by bin(TimeGenerated, 1h) | order by TimeGenerated asc',
    );
    expect(result.columns).toEqual(['TimeGenerated', 'count_', 'sum_Bytes']);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 2, 350],
      ['2024-01-01T01:00:00Z', 1, 4000],
      ['2024-01-01T02:00:00Z', 1, null],
    ]);
    expect(rows('Events | summarize dcount(User), make_set(User) by x = 1')).toEqual([
      [1, 3, ['alice', 'bob', 'carol']],
    ]);
    expect(rows('Events | summarize countif(Bytes > 200), avg(Bytes), min(Bytes), max(Bytes)')).toEqual([
      [2, (100 + 250 + 4000) / 3, 100, 4000],
    ]);
  });

  it('summarize with no rows and no keys returns one row', () => {
    expect(rows('Events | where User == "nobody" | summarize count(), sum(Bytes)')).toEqual([[0, null]]);
  });

  it('arg_max and arg_min return the row of the extreme value', () => {
    expect(rows('Events | summarize arg_max(Bytes, Action) by User | order by User asc')).toEqual([
      ['alice', 4000, 'FileDownload'],
      ['bob', 250, 'login'],
      ['carol', null, 'logout'],
    ]);
    expect(run(engine, 'Events | summarize arg_min(Bytes, *) by User | where User == "bob"').columns).toEqual(
      ['User', 'Bytes', 'TimeGenerated', 'Action', 'Props'],
    );
  });

  it('count, distinct, take/limit', () => {
    expect(run(engine, 'Events | count').columns).toEqual(['Count']);
    expect(rows('Events | distinct User | order by User asc')).toEqual([['alice'], ['bob'], ['carol']]);
    expect(rows('Events | limit 2 | count')).toEqual([[2]]);
    expect(rows('Events | take 0 | count')).toEqual([[0]]);
  });

  it('sort and top: descending by default, nulls last when descending and first when ascending', () => {
    expect(rows('Events | sort by Bytes | project Bytes')).toEqual([[4000], [250], [100], [null]]);
    expect(rows('Events | order by Bytes asc | project Bytes')).toEqual([[null], [100], [250], [4000]]);
    expect(rows('Events | top 2 by Bytes | project User')).toEqual([['alice'], ['bob']]);
    expect(rows('Events | sort by User asc, Bytes desc | project User, Bytes')).toEqual([
      ['alice', 4000],
      ['alice', 100],
      ['bob', 250],
      ['carol', null],
    ]);
  });

  it('join kinds and $left/$right', () => {
    const q = (kind: string) =>
      `Events | summarize n = count() by User | join kind=${kind} (Users) on User | order by User asc` +
      (['leftanti', 'leftsemi'].includes(kind) ? '' : ', Dept asc');
    // innerunique: the left side keeps one row per key.
    expect(rows('Users | join (Events | project User, Action) on User | count')).toEqual([[3]]);
    expect(rows(q('inner'))).toEqual([
      ['alice', 2, 'alice', 'IT'],
      ['alice', 2, 'alice', 'Security'],
      ['bob', 1, 'bob', 'HR'],
    ]);
    expect(rows(q('leftouter'))).toHaveLength(4);
    expect(rows(q('rightouter'))).toHaveLength(4);
    expect(rows(q('fullouter'))).toHaveLength(5);
    expect(rows(q('leftanti'))).toEqual([['carol', 1]]);
    expect(rows(q('rightanti'))).toEqual([['dave', 'Sales']]);
    expect(rows(q('leftsemi'))).toEqual([
      ['alice', 2],
      ['bob', 1],
    ]);
    expect(rows(q('rightsemi'))).toHaveLength(3);
    expect(
      rows('Events | project Who = User | join kind=inner (Users) on $left.Who == $right.User | count'),
    ).toEqual([[5]]);
  });

  it('union with withsource, and lookup', () => {
    const result = run(engine, 'union withsource=Source Users, (print User = "zed") | where User == "zed"');
    expect(result.columns).toEqual(['Source', 'User', 'Dept']);
    expect(result.rows).toEqual([['union_arg1', 'zed', '']]);
    expect(
      rows(
        'Events | lookup (Users | where Dept != "Security") on User | project User, Dept | order by User asc',
      ),
    ).toEqual([
      ['alice', 'IT'],
      ['alice', 'IT'],
      ['bob', 'HR'],
      ['carol', ''],
    ]);
  });

  it('mv-expand and mv-apply', () => {
    expect(rows('print a = dynamic([1, 2, 3]) | mv-expand a to typeof(long) | summarize sum(a)')).toEqual([
      [6],
    ]);
    expect(rows('print b = dynamic({"x": 1, "y": 2}) | mv-expand b | count')).toEqual([[2]]);
    expect(
      rows('print a = dynamic([5, 1, 3]) | mv-apply v = a to typeof(long) on (top 1 by v) | project v'),
    ).toEqual([[5]]);
  });

  it("mv-apply runs its subquery over each row's own values, with its own `as` and toscalar()", () => {
    const result = run(
      engine,
      'range x from 1 to 2 step 1 | extend a = pack_array(x, x * 10) | mv-apply a to typeof(long) on (as Q | extend s = toscalar(Q | summarize sum(a)))',
    );
    expect(result.rows).toEqual([
      [1, 1, 11],
      [1, 10, 11],
      [2, 2, 22],
      [2, 20, 22],
    ]);
  });

  it('mv-apply reads a value computed outside the rows (materialize, toscalar) the same for every row', () => {
    const result = run(
      engine,
      'let M = materialize(range y from 1 to 3 step 1); range x from 1 to 2 step 1 | extend a = pack_array(x) | mv-apply a to typeof(long) on (extend s = toscalar(M | summarize sum(y)) + a)',
    );
    expect(result.rows).toEqual([
      [1, 1, 7],
      [2, 2, 8],
    ]);
  });

  it('mv-apply drops a column expanded by its plain name, keeps one expanded under an alias', () => {
    const plain = run(engine, 'print a = dynamic([1, 2]), b = 7 | mv-apply a on (take 1)');
    expect(plain.columns).toEqual(['b', 'a']);
    expect(plain.rows).toEqual([[7, 1]]);
    const typed = run(
      engine,
      'print a = dynamic([1, 2]), b = 7 | mv-apply a to typeof(long) on (summarize s = sum(a))',
    );
    expect(typed.columns).toEqual(['b', 's']);
    expect(typed.rows).toEqual([[7, 3]]);
    const aliased = run(
      engine,
      'print a = dynamic([1, 2]), b = 7 | mv-apply x = a to typeof(long) on (summarize s = sum(x))',
    );
    expect(aliased.columns).toEqual(['a', 'b', 's']);
    expect(aliased.rows).toEqual([[[1, 2], 7, 3]]);
    // A subquery column named like an input column takes that column's place.
    const replaced = run(
      engine,
      'print a = dynamic([1, 2]), b = 7 | mv-apply a on (project q = 1, b = b + a)',
    );
    expect(replaced.columns).toEqual(['b', 'q']);
    expect(replaced.rows).toEqual([
      [8, 1],
      [9, 1],
    ]);
    const empty = run(engine, 'Events | where Bytes < 0 | mv-apply Props on (summarize n = count())');
    expect(empty.columns).toEqual(['TimeGenerated', 'User', 'Action', 'Bytes', 'n']);
    expect(empty.rows).toEqual([]);
  });

  it('parse (simple, regex, relaxed) and parse-where', () => {
    expect(
      rows('print s = "user=alice id=42" | parse s with "user=" name " id=" id:long | project name, id'),
    ).toEqual([['alice', 42]]);
    expect(rows('print s = "a-17-b" | parse kind=regex s with "-" n:long "-" | project n')).toEqual([[17]]);
    expect(rows('print s = "x" | parse-where s with "user=" name | count')).toEqual([[0]]);
    expect(rows('print s = "id=abc" | parse kind=relaxed s with "id=" id:long | project id')).toEqual([
      [null],
    ]);
  });

  it('make-series fills missing bins with the default', () => {
    const result = run(
      engine,
      'Events | make-series n = count() default = 0 on TimeGenerated from datetime(2024-01-01) to datetime(2024-01-01 03:00) step 1h',
    );
    expect(result.columns).toEqual(['n', 'TimeGenerated']);
    expect(result.rows[0]![0]).toEqual([2, 1, 1]);
  });

  it('render returns chart metadata beside the result', () => {
    const outcome = engine.query(
      'Events | summarize count() by User | render barchart with (title="Per user")',
    );
    expect(outcome.ok && outcome.chart).toEqual({ kind: 'barchart', properties: { title: 'Per user' } });
  });

  it('search, print, range, datatable', () => {
    // search without `in` looks through every table of the database.
    expect(rows('search "HR" | project $table, User')).toEqual([['Users', 'bob']]);
    // search "term" is `where * has "term"`: whole terms, any case.
    expect(rows('Events | search "filedownload" | project User')).toEqual([['alice']]);
    expect(rows('Events | search "download" | project User')).toEqual([]);
    expect(run(engine, 'print 1, "a"').columns).toEqual(['print_0', 'print_1']);
    expect(rows('range i from 1 to 10 step 3')).toEqual([[1], [4], [7], [10]]);
    expect(rows('datatable(a:long, b:string)[1, "x", 2, "y"] | where a > 1')).toEqual([[2, 'y']]);
  });

  it('let: scalars, tables, functions; materialize, toscalar, as, invoke', () => {
    expect(rows('let limit = 200; Events | where Bytes > limit | count')).toEqual([[2]]);
    expect(rows('let big = Events | where Bytes > 200; big | count')).toEqual([[2]]);
    expect(rows('let f = (x:long) { x * 2 }; print f(21)')).toEqual([[42]]);
    expect(rows('let T = materialize(Users); T | join kind=inner T on User | count')).toEqual([[6]]);
    expect(
      rows('let m = toscalar(Events | summarize max(Bytes)); Events | where Bytes == m | project User'),
    ).toEqual([['alice']]);
    expect(rows('let g = (T:(User:string)) { T | count }; Users | invoke g()')).toEqual([[4]]);
    expect(rows('Users | as U | where User == "bob" | count')).toEqual([[1]]);
  });

  it('evaluate bag_unpack, serialize with row_number/prev/next, getschema', () => {
    expect(run(engine, 'print d = dynamic({"a": 1, "b": "x"}) | evaluate bag_unpack(d)').rows).toEqual([
      [1, 'x'],
    ]);
    // columnsConflict (docs example): a property named like an input column fails, replaces it, or yields to it.
    const people = `datatable(Name:string, d:dynamic) ['James', dynamic({"Name": "John", "Age":20}),
      'David', dynamic({"Age":40}), 'Emily', dynamic({"Name": "Jasmine", "Age":30})]`;
    expect(run(engine, `${people} | evaluate bag_unpack(d, columnsConflict='replace_source')`)).toMatchObject(
      {
        columns: ['Name', 'Age'],
        rows: [
          ['John', 20],
          ['', 40],
          ['Jasmine', 30],
        ],
      },
    );
    expect(rows(`${people} | evaluate bag_unpack(d, columnsConflict='keep_source')`)).toEqual([
      ['James', 20],
      ['David', 40],
      ['Emily', 30],
    ]);
    expect(runError(engine, `${people} | evaluate bag_unpack(d)`).message).toMatch(/'Name' already exists/);
    expect(rows('range x from 1 to 3 step 1 | serialize r = row_number(), p = prev(x), n = next(x)')).toEqual(
      [
        [1, 1, null, 2],
        [2, 2, 1, 3],
        [3, 3, 2, null],
      ],
    );
    expect(rows('Users | getschema | project ColumnName, ColumnType')).toEqual([
      ['User', 'string'],
      ['Dept', 'string'],
    ]);
  });

  it('top-nested and seeded sample', () => {
    expect(rows('Events | top-nested 1 of User by sum(Bytes)')).toEqual([['alice', 4100]]);
    const first = rows('Events | sample 2');
    expect(first).toHaveLength(2);
    expect(rows('Events | sample 2')).toEqual(first);
  });

  it('externaldata answers with a clear error (no network)', () => {
    const error = runError(engine, 'externaldata (a:string) [ "https://example.com/x.csv" ]');
    expect(error.code).toBe('KQL_NO_NETWORK');
    expect(error.line).toBe(1);
  });

  it('legacy spellings and hint options are accepted', () => {
    expect(rows('print d = parsejson("[1,2]") | mvexpand d | count')).toEqual([[2]]);
    expect(rows('Events | summarize makeset(User) by x = 1 | project array_length(set_User)')).toEqual([[3]]);
    expect(rows('Users | join hint.strategy=shuffle kind=inner (Users) on User | count')).toEqual([[6]]);
  });
});
