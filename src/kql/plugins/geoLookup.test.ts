import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
const boxes = `let Boxes = datatable(name: string, poly: dynamic) [
  "west", dynamic({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}),
  "east", dynamic({"type":"Polygon","coordinates":[[[2,0],[3,0],[3,1],[2,1],[2,0]]]})];`;
const points = 'datatable(id: long, lng: real, lat: real) [1, 0.5, 0.5, 2, 2.5, 0.5, 3, 1.5, 0.5]';

describe('geo lookups', () => {
  it('geo_polygon_lookup joins each point to the polygons holding it and drops the rest', () => {
    const result = run(
      engine,
      `${boxes} ${points} | evaluate geo_polygon_lookup(Boxes, poly, lng, lat) | project id, name`,
    );
    expect(result.rows).toEqual([
      [1, 'west'],
      [2, 'east'],
    ]);
  });

  it('a radius widens the polygons; return_unmatched keeps points without one', () => {
    const wide = run(
      engine,
      `${boxes} ${points} | evaluate geo_polygon_lookup(Boxes, poly, lng, lat, 60000) | where id == 3 | project name`,
    );
    expect(wide.rows.map((r) => r[0]).sort()).toEqual(['east', 'west']);
    const kept = run(
      engine,
      `${boxes} ${points} | evaluate geo_polygon_lookup(Boxes, poly, lng, lat, 0.0, true) | where id == 3 | project name`,
    );
    expect(kept.rows).toEqual([['']]);
  });

  it('geo_line_lookup joins each point to the lines within radius meters', () => {
    const result = run(
      engine,
      `let Roads = datatable(road: string, line: dynamic) ["equator", dynamic({"type":"LineString","coordinates":[[0,0],[3,0]]})];
       ${points} | evaluate geo_line_lookup(Roads, line, lng, lat, 60000) | project id, road`,
    );
    expect(result.rows).toEqual([
      [1, 'equator'],
      [2, 'equator'],
      [3, 'equator'],
    ]);
    expect(
      run(
        engine,
        `let Roads = datatable(road: string, line: dynamic) ["equator", dynamic({"type":"LineString","coordinates":[[0,0],[3,0]]})];
         ${points} | evaluate geo_line_lookup(Roads, line, lng, lat, 1000) | count`,
      ).rows,
    ).toEqual([[0]]);
  });
});
