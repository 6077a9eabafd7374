// Golden tests of Kusto's graph operators. Expected results are worked out from the Kusto documentation
// (make-graph, graph-match, graph-to-table, graph-mark-components, graph-shortest-paths and the graph functions).
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();
const rows = (query: string) => run(engine, query).rows;
// The documentation's hash ids, as the nearest doubles (a long beyond 2^53 is a documented limit of the engine).
const long = (digits: string) => Number(BigInt(digits));
const sorted = (values: unknown[][]) => values.map((row) => JSON.stringify(row)).sort();

const PEOPLE = `let nodes = datatable(name:string, type:string, age:long)
[ "Alice", "Person", 23, "Bob", "Person", 31, "Eve", "Person", 17, "Mallory", "Person", 29, "Trent", "System", 99 ];
let edges = datatable(source:string, destination:string, edge_type:string)
[ "Alice", "Bob", "communicatesWith", "Alice", "Trent", "trusts", "Bob", "Trent", "hasPermission",
  "Eve", "Alice", "attacks", "Mallory", "Alice", "attacks", "Mallory", "Bob", "attacks" ];`;

const ORG = `let employees = datatable(name:string, age:long)
[ "Alice", 32, "Bob", 31, "Eve", 27, "Joe", 29, "Chris", 45, "Alex", 35, "Ben", 23, "Richard", 39 ];
let reportsTo = datatable(employee:string, manager:string)
[ "Bob", "Alice", "Chris", "Alice", "Eve", "Bob", "Ben", "Chris", "Joe", "Alice", "Richard", "Bob" ];`;

const STATIONS = `let connections = datatable(from_station:string, to_station:string, line:string)
[ "Central", "North", "red", "North", "Central", "red", "Central", "South", "red", "South", "Central", "red",
  "South", "South-West", "red", "South-West", "South", "red", "South-West", "West", "red", "West", "South-West", "red",
  "Central", "East", "blue", "East", "Central", "blue", "Central", "West", "blue", "West", "Central", "blue" ];
let stations = datatable(station:string, wifi:bool, temperature:long)
[ "Central", true, 14, "North", false, 5, "South", false, 20, "South-West", true, 21, "West", true, 22, "East", false, 16 ];`;

describe('make-graph and graph-match', () => {
  it('matches a fixed pattern with conditions on nodes and edges (attack path)', () => {
    const result = run(
      engine,
      `${PEOPLE} edges | make-graph source --> destination with nodes on name
       | graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(trent)
         where mallory.name == "Mallory" and trent.name == "Trent" and attacks.edge_type == "attacks"
           and hasPermission.edge_type == "hasPermission"
         project Attacker = mallory.name, Compromised = compromised.name, System = trent.name`,
    );
    expect(result.columns).toEqual(['Attacker', 'Compromised', 'System']);
    expect(result.rows).toEqual([['Mallory', 'Bob', 'Trent']]);
  });

  it('joins several sequences on shared node names (star pattern)', () => {
    expect(
      rows(`${PEOPLE} edges | make-graph source --> destination with nodes on name
       | graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(trent), (compromised)-[c]-(alice)
         where mallory.name == "Mallory" and trent.name == "Trent" and alice.name == "Alice"
           and attacks.edge_type == "attacks" and hasPermission.edge_type == "hasPermission"
         project compromised.name, c.edge_type`),
    ).toEqual([['Bob', 'communicatesWith']]);
  });

  it('returns a variable length edge property as an array, in pattern order', () => {
    const result = rows(`${ORG} reportsTo | make-graph employee --> manager with employees on name
       | graph-match (alice)<-[reports*1..5]-(employee)
         where alice.name == "Alice" and employee.age < 30
         project employee = employee.name, age = employee.age, reportingPath = map(reports, manager), same = reports.manager`);
    expect(sorted(result)).toEqual(
      sorted([
        ['Joe', 29, ['Alice'], ['Alice']],
        ['Eve', 27, ['Alice', 'Bob'], ['Alice', 'Bob']],
        ['Ben', 23, ['Alice', 'Chris'], ['Alice', 'Chris']],
      ]),
    );
  });

  it('all() and map() over inner_nodes() see the nodes between the ends', () => {
    const result = rows(`${ORG} reportsTo | make-graph employee --> manager with employees on name
       | graph-match (manager)<-[reports*1..5]-(employee)
         where manager.name == "Alice" and all(inner_nodes(reports), age < 40)
         project employee = employee.name, reportingPath = map(inner_nodes(reports), name)`);
    expect(sorted(result)).toEqual(
      sorted([
        ['Bob', []],
        ['Chris', []],
        ['Joe', []],
        ['Eve', ['Bob']],
        ['Richard', ['Bob']],
      ]),
    );
  });

  it('cycles=unique_edges (default) revisits nodes but never an edge; cycles=none visits each node once', () => {
    const temperatures =
      rows(`${STATIONS} connections | make-graph from_station --> to_station with stations on station
       | graph-match (start)-[connections*1..5]->(destination)
         where start.station == "South-West" and destination.station == "North"
         project t = array_sort_asc(map(inner_nodes(connections), temperature))`);
    expect(sorted(temperatures)).toEqual(
      sorted([
        [[14, 22]],
        [[14, 20]],
        [[14, 14, 20, 22]],
        [[14, 14, 16, 20]],
        [[14, 20, 21, 22]],
        [[14, 20, 21, 22]],
        [[14, 14, 16, 22]],
        [[14, 14, 20, 22]],
      ]),
    );
    const simple =
      rows(`${STATIONS} connections | make-graph from_station --> to_station with stations on station
       | graph-match cycles=none (start)-[connections*1..5]->(destination)
         where start.station == "South-West" and destination.station == "East"
         project stopovers = strcat_array(map(inner_nodes(connections), station), "->")`);
    expect(sorted(simple)).toEqual(sorted([['West->Central'], ['South->Central']]));
  });

  it('an any-direction edge is not walked back unless cycles=all', () => {
    const query = (cycles: string) =>
      `datatable(a:string, b:string)["x", "y"] | make-graph a --> b
       | graph-match ${cycles} (p)--(q)--(r) project p = node_id(p), q = node_id(q), r = node_id(r)`;
    expect(rows(query(''))).toEqual([]);
    expect(sorted(rows(query('cycles=all')))).toEqual(
      sorted([
        ['x', 'y', 'x'],
        ['y', 'x', 'y'],
      ]),
    );
  });

  it('node_degree_in/out count edges with multiplicity and a self loop once each way', () => {
    expect(
      rows(`datatable(s:string, t:string)["A", "B", "A", "B", "A", "A", "C", "A"] | make-graph s --> t
       | graph-match (n)-->(m) where node_id(n) == "C"
         project node_id(m), i = node_degree_in(m), o = node_degree_out(m)`),
    ).toEqual([['A', 2, 3]]);
  });
});

describe('graph-to-table', () => {
  it('exports nodes with their hash ids; a node known only from the edges keeps just its id', () => {
    const result = run(
      engine,
      `${PEOPLE} edges | where source != "Trent" | make-graph source --> destination with (nodes | where name != "Mallory") on name
       | graph-to-table nodes with_node_id=NodeId`,
    );
    expect(result.columns).toEqual(['NodeId', 'name', 'type', 'age']);
    expect(sorted(result.rows)).toEqual(
      sorted([
        [long('-3122868243544336885'), 'Alice', 'Person', 23],
        [long('-7133945255344544237'), 'Bob', 'Person', 31],
        [long('4363395278938690453'), 'Eve', 'Person', 17],
        [long('2533909231875758225'), 'Trent', 'System', 99],
        [long('3855580634910899594'), 'Mallory', '', null],
      ]),
    );
  });

  it('exports edges with source and target hash ids, and binds nodes and edges as named tables', () => {
    const edges = run(
      engine,
      `${PEOPLE} edges | make-graph source --> destination with nodes on name
       | graph-to-table edges with_source_id=SourceId with_target_id=TargetId | where edge_type == "trusts"`,
    );
    expect(edges.columns).toEqual(['SourceId', 'TargetId', 'source', 'destination', 'edge_type']);
    expect(edges.rows).toEqual([
      [long('-3122868243544336885'), long('2533909231875758225'), 'Alice', 'Trent', 'trusts'],
    ]);
    const both = engine.query(
      `${PEOPLE} edges | make-graph source --> destination with nodes on name
       | graph-to-table nodes as N with_node_id=NodeId, edges as E with_source_id=SourceId;
       N | count; E | count`,
    );
    if (!both.ok) throw new Error(both.message);
    expect(both.rows()).toEqual([[5]]);
    expect(both.extraTables?.map((table) => table.rows())).toEqual([[[6]]]);
  });
});

describe('graph-mark-components, graph-shortest-paths, partitioned-by', () => {
  const CHILD_OF = `datatable(child:string, parent:string)
    [ "Alice", "Bob", "Carol", "Alice", "Carol", "Dave", "Greg", "Alice", "Greg", "Dave", "Howard", "Alice",
      "Howard", "Dave", "Eve", "Frank", "Frank", "Mallory", "Eve", "Kirk" ]
    | make-graph child --> parent with_node_id=name`;

  it('numbers weak components from 0 in order of their first node', () => {
    expect(
      rows(`${CHILD_OF} | graph-mark-components with_component_id = family | graph-to-table nodes`),
    ).toEqual([
      ['Alice', 0],
      ['Bob', 0],
      ['Carol', 0],
      ['Dave', 0],
      ['Greg', 0],
      ['Howard', 0],
      ['Eve', 1],
      ['Frank', 1],
      ['Mallory', 1],
      ['Kirk', 1],
    ]);
  });

  it('strong components follow edge directions', () => {
    expect(
      rows(`datatable(a:string, b:string)["x", "y", "y", "x", "y", "z"] | make-graph a --> b with_node_id=id
        | graph-mark-components kind=strong | graph-to-table nodes`),
    ).toEqual([
      ['x', 0],
      ['y', 0],
      ['z', 1],
    ]);
  });

  it('finds one shortest path per pair (output=any) or all of them (output=all)', () => {
    const query = (output: string) =>
      `${STATIONS} connections | make-graph from_station --> to_station with_node_id=station
       | graph-shortest-paths ${output} (start)-[connections*1..5]->(destination)
         where start.station == "South-West" and destination.station == "North"
         project path = map(connections, to_station), line = map(connections, line)`;
    expect(rows(query(''))).toEqual([
      [
        ['South', 'Central', 'North'],
        ['red', 'red', 'red'],
      ],
    ]);
    expect(sorted(rows(query('output=all')))).toEqual(
      sorted([
        [
          ['South', 'Central', 'North'],
          ['red', 'red', 'red'],
        ],
        [
          ['West', 'Central', 'North'],
          ['red', 'blue', 'red'],
        ],
      ]),
    );
  });

  it('partitioned-by builds one graph per partition value', () => {
    expect(
      sorted(
        rows(`datatable(a:string, b:string, t:string)["x", "y", "1", "y", "z", "2", "y", "w", "1"]
          | make-graph a --> b partitioned-by t (graph-match (p)-->(q)-->(r) project node_id(p), node_id(r))`),
      ),
    ).toEqual(sorted([['x', 'w']]));
  });
});

describe('graph forms that are not supported answer at their position', () => {
  it('a graph as the result of a query', () => {
    const error = runError(engine, 'datatable(a:string, b:string)["x", "y"] | make-graph a --> b');
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toMatch(/graph as a query result/);
    expect(error.column).toBe(43);
  });

  it("a graph-match after a malformed make-graph gets the parser's error, not an analyzer crash", () => {
    const error = runError(
      engine,
      'datatable(s:string, t:string)["a", "b"] | make-graph s e--> t | graph-match (x)-->(y) project x.s',
    );
    expect(error.code).toBe('KS005');
    expect(error.line).toBe(1);
  });

  it('projecting a whole node', () => {
    const error = runError(
      engine,
      'datatable(s:string, t:string)["a", "b"] | make-graph s --> t with_node_id=n | graph-match (x)-->(y) project x',
    );
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.column).toBe(109);
  });
});
