// Golden tests for project-by-names and column_names_of(). Expected results are worked out from the Kusto
// documentation (project-by-names-operator.md, column-names-of-function.md) and the schema Kusto.Language computes.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';
import { namesOfSpecifier, pickColumnsByNames } from './projectByNames';

const engine = testEngine();
const PEOPLE = `datatable(Name:string, Age:int, City:string, Country:string) ['Peter', 39, 'New York', 'USA']`;

describe('pickColumnsByNames', () => {
  const columns = ['Name', 'Age', 'City', 'Country'].map((name) => ({ name }));
  const pick = (...values: unknown[]) => pickColumnsByNames(columns, values).map((column) => column.name);

  it('orders columns as they are named, then as a pattern matches them', () => {
    expect(pick('Country', 'Name')).toEqual(['Country', 'Name']);
    expect(pick('C*')).toEqual(['City', 'Country']);
    expect(pick('*y')).toEqual(['City', 'Country']);
    expect(pick('*')).toEqual(['Name', 'Age', 'City', 'Country']);
  });

  it('keeps the first place of a column matched twice', () => {
    expect(pick('C*', 'City')).toEqual(['City', 'Country']);
    expect(pick('Country', 'C*')).toEqual(['Country', 'City']);
    expect(pick(['Age', 'Age'])).toEqual(['Age']);
  });

  it('ignores unknown names, other case, non-string elements and null', () => {
    expect(pick('name', 'Nope', null, 7)).toEqual([]);
    expect(pick(['Age', 1, { a: 1 }, 'NonExistent'])).toEqual(['Age']);
  });

  it('treats only * as a wildcard; other characters match themselves', () => {
    expect(pick('Ag?', 'A.e', '[A]ge')).toEqual([]);
    expect(pickColumnsByNames([{ name: 'a.b' }, { name: 'axb' }], ['a.b']).map((c) => c.name)).toEqual([
      'a.b',
    ]);
  });

  it('reads a specifier as one name or an array of names', () => {
    expect(namesOfSpecifier('A')).toEqual(['A']);
    expect(namesOfSpecifier(['A', 2, 'B'])).toEqual(['A', 'B']);
    expect(namesOfSpecifier(null)).toEqual([]);
  });
});

describe('project-by-names operator (docs examples)', () => {
  it('keeps and reorders named columns', () => {
    const result = run(engine, `${PEOPLE} | project-by-names "City", "Name"`);
    expect(result.columns).toEqual(['City', 'Name']);
    expect(result.rows).toEqual([['New York', 'Peter']]);
  });

  it('takes a dynamic array of names', () => {
    const result = run(engine, `${PEOPLE} | project-by-names dynamic(["Name", "Country"])`);
    expect(result.columns).toEqual(['Name', 'Country']);
    expect(result.types).toEqual(['string', 'string']);
    expect(result.rows).toEqual([['Peter', 'USA']]);
  });

  it('matches wildcard patterns, also inside an array', () => {
    expect(run(engine, `${PEOPLE} | project-by-names "C*"`).rows).toEqual([['New York', 'USA']]);
    expect(run(engine, `${PEOPLE} | project-by-names dynamic(["A*", "N*"])`).rows).toEqual([[39, 'Peter']]);
  });

  const lookupColumns = (names: string) => `
let LookupTable = ${PEOPLE};
let LookupColumns = (Source:(Name:string), lookup_columns: dynamic) {
    Source
    | lookup LookupTable on Name
    | project-by-names column_names_of(Source), lookup_columns
};
datatable(Name:string, Data:string) ['Peter', 'Source-data']
| invoke LookupColumns(dynamic(${names}))`;

  it('keeps the caller columns and the chosen lookup columns inside a function', () => {
    const result = run(engine, lookupColumns(`['Country']`));
    expect(result.columns).toEqual(['Name', 'Data', 'Country']);
    expect(result.rows).toEqual([['Peter', 'Source-data', 'USA']]);
  });

  it('ignores names that match no column', () => {
    const result = run(engine, lookupColumns(`['Country', 'NonExistent']`));
    expect(result.columns).toEqual(['Name', 'Data', 'Country']);
    expect(result.rows).toEqual([['Peter', 'Source-data', 'USA']]);
  });
});

describe('project-by-names operator (semantics)', () => {
  it('works on a table, with let constants, and feeds later operators', () => {
    const result = run(
      engine,
      `let keep = dynamic(["User", "B*"]); Events | project-by-names keep, "User" | where Bytes > 200`,
    );
    expect(result.columns).toEqual(['User', 'Bytes']);
    expect(result.rows).toEqual([
      ['bob', 250],
      ['alice', 4000],
    ]);
    expect(run(engine, `${PEOPLE} | project-by-names "Age" | extend Next = Age + 1`).rows).toEqual([
      [39, 40],
    ]);
  });

  it('names the result from the actual input inside a function, not from the declared parameter schema', () => {
    const query = `
let Pick = (T:(A:string, B:string)) { T | project-by-names "*" };
datatable(B:string, A:string) ['b', 'a']
| invoke Pick()`;
    const result = run(engine, query);
    expect(result.columns).toEqual(['B', 'A']);
    expect(result.rows).toEqual([['b', 'a']]);
  });

  it('refuses a specifier that is not a constant, at its position', () => {
    const computed = `${PEOPLE} | project-by-names pack_array("Age")`;
    const error = runError(engine, computed);
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toMatch(/^not supported yet: project-by-names/);
    expect(error.start).toBe(computed.indexOf('pack_array'));
    const column = runError(engine, `${PEOPLE} | project-by-names Name`);
    expect(column.code).toBe('KQL_UNSUPPORTED');
  });
});

describe('column_names_of() (docs examples)', () => {
  it('lists the columns of a let-bound datatable', () => {
    const result = run(engine, 'let T = datatable(A:string, B:int) [];\nprint Columns=column_names_of(T)');
    expect(result.columns).toEqual(['Columns']);
    expect(result.types).toEqual(['dynamic']);
    expect(result.rows).toEqual([[['A', 'B']]]);
  });

  it('lists the columns of a function result, with or without arguments', () => {
    expect(run(engine, 'let F = () { print A="", B=1 };\nprint Columns=column_names_of(F())').rows).toEqual([
      [['A', 'B']],
    ]);
    expect(
      run(engine, 'let F = (param1:int) { print A="", B=1 };\nprint Columns=column_names_of(F(1))').rows,
    ).toEqual([[['A', 'B']]]);
  });

  it('lists the columns of a database table and of a tabular parameter as the caller passed it', () => {
    expect(run(engine, 'print c = column_names_of(Users)').rows).toEqual([[['User', 'Dept']]]);
    const query = `
let Names = (T:(A:string)) { print c = column_names_of(T) };
datatable(A:string, Extra:long) ['a', 1]
| invoke Names()`;
    expect(run(engine, query).rows).toEqual([[['A', 'Extra']]]);
  });
});
