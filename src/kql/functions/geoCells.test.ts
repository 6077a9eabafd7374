import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('geohash (docs examples)', () => {
  it('encodes points and rejects invalid input with an empty string', () => {
    expect(call('geo_point_to_geohash', -80.195829, 25.802215, 8)).toBe('dhwfz15h');
    expect(call('geo_point_to_geohash', -122.303404, 47.570482)).toBe('c23n8');
    expect(call('geo_point_to_geohash', 200, 1, 8)).toBe('');
    expect(call('geo_point_to_geohash', 1, 1, null)).toBe('');
  });

  it('decodes to a central point and a polygon', () => {
    expect(call('geo_geohash_to_central_point', 'sunny')).toEqual({
      type: 'Point',
      coordinates: [42.47314453125, 23.70849609375],
    });
    expect(call('geo_geohash_to_polygon', 'dr5ru')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-74.00390625, 40.7373046875],
          [-73.9599609375, 40.7373046875],
          [-73.9599609375, 40.78125],
          [-74.00390625, 40.78125],
          [-74.00390625, 40.7373046875],
        ],
      ],
    });
    expect(call('geo_geohash_to_central_point', 'a')).toBeNull();
    expect(call('geo_geohash_to_polygon', 'a')).toBeNull();
  });

  it('lists the eight neighbours', () => {
    expect(call('geo_geohash_neighbors', 'sunny')).toEqual([
      'sunnt',
      'sunpj',
      'sunnx',
      'sunpn',
      'sunnv',
      'sunpp',
      'sunnz',
      'sunnw',
    ]);
    expect(call('geo_geohash_neighbors', 'a')).toBeNull();
  });
});

describe('H3 (docs examples)', () => {
  it('point to cell, level, parent and children', () => {
    expect(call('geo_point_to_h3cell', -73.956683, 40.807907, 5)).toBe('852a100bfffffff');
    expect(call('geo_point_to_h3cell', 300, 1, 8)).toBe('');
    expect(call('geo_h3cell_level', call('geo_point_to_h3cell', 1, 1, 10))).toBe(10);
    expect(call('geo_h3cell_level', 'abc')).toBeNull();
    expect(call('geo_h3cell_parent', '862a1072fffffff')).toBe('852a1073fffffff');
    expect(call('geo_h3cell_parent', '862a1072fffffff', 15)).toBe('');
    expect(call('geo_h3cell_children', '862a1072fffffff')).toEqual([
      '872a10728ffffff',
      '872a10729ffffff',
      '872a1072affffff',
      '872a1072bffffff',
      '872a1072cffffff',
      '872a1072dffffff',
      '872a1072effffff',
    ]);
    expect((call('geo_h3cell_children', '862a1072fffffff', 9) as string[]).length).toBe(343);
    expect(call('geo_h3cell_children', call('geo_point_to_h3cell', 1, 1, 9), 15)).toBeNull();
  });

  it('central point, polygon, neighbours and rings', () => {
    const point = call('geo_h3cell_to_central_point', '862a1072fffffff') as { coordinates: number[] };
    expect(point.coordinates[0]).toBeCloseTo(-74.01600847979245, 12);
    expect(point.coordinates[1]).toBeCloseTo(40.7041679083504, 12);
    const polygon = call('geo_h3cell_to_polygon', '862a1072fffffff') as { coordinates: number[][][] };
    expect(polygon.coordinates[0]).toHaveLength(7);
    expect(polygon.coordinates[0]![0]![0]).toBeCloseTo(-74.0022744646159, 12);
    expect(call('geo_h3cell_to_polygon', '@')).toBeNull();
    const ring1 = [
      '861f88947ffffff',
      '861f8895fffffff',
      '861f88867ffffff',
      '861f8d497ffffff',
      '861f8d4b7ffffff',
      '861f8896fffffff',
    ];
    expect(call('geo_h3cell_neighbors', '861f8894fffffff')).toEqual(ring1);
    expect(call('geo_h3cell_rings', '861f8894fffffff', 1)).toEqual([['861f8894fffffff'], ring1]);
    expect(call('geo_h3cell_rings', '861f8894fffffff', 150)).toBeNull();
    expect(call('geo_h3cell_rings', 'abc', 3)).toBeNull();
  });
});

describe('geo_polygon_to_h3cells', () => {
  const madrid = {
    type: 'Polygon',
    coordinates: [
      [
        [-3.659, 40.553],
        [-3.913, 40.409],
        [-3.729, 40.273],
        [-3.524, 40.44],
        [-3.659, 40.553],
      ],
    ],
  };

  it('represents a polygon by the cells of one resolution whose centres lie inside it', () => {
    const cells = call('geo_polygon_to_h3cells', madrid) as string[];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(call('geo_h3cell_level', cell)).toBe(6);
      const centre = call('geo_h3cell_to_central_point', cell) as { coordinates: [number, number] };
      expect(call('geo_point_in_polygon', ...centre.coordinates, madrid)).toBe(true);
    }
    // A cell whose centre is inside is never left out: a finer grid covers the same area with more cells.
    const finer = call('geo_polygon_to_h3cells', madrid, 8) as string[];
    expect(finer.length).toBeGreaterThan(cells.length * 40);
    expect(new Set(finer).size).toBe(finer.length);
  });

  it('takes every polygon of a MultiPolygon', () => {
    const shifted = madrid.coordinates[0]!.map(([lng, lat]) => [lng! + 1, lat!]);
    const both = { type: 'MultiPolygon', coordinates: [madrid.coordinates, [shifted]] };
    const one = call('geo_polygon_to_h3cells', madrid, 7) as string[];
    const two = call('geo_polygon_to_h3cells', both, 7) as string[];
    expect(new Set(two).size).toBe(two.length);
    expect(two).toEqual(expect.arrayContaining(one));
    expect(two.length).toBeGreaterThan(one.length);
  });

  it('answers null for an invalid polygon, resolution or radius, and past 61,680 cells', () => {
    const line = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    };
    expect(call('geo_polygon_to_h3cells', line)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, 16)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, -1)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, null)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, 6, -5)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, 12)).toBeNull();
    expect(call('geo_polygon_to_h3cells', madrid, 6, 0)).toEqual(call('geo_polygon_to_h3cells', madrid));
  });
});

describe('S2 (docs examples)', () => {
  it('point to cell token', () => {
    expect(call('geo_point_to_s2cell', -80.195829, 25.802215, 8)).toBe('88d9b');
    expect(call('geo_point_to_s2cell', 10.1234, 53, 8)).toBe('47b1d');
    expect(call('geo_point_to_s2cell', 1, 1, 35)).toBe('');
    expect(call('geo_point_to_s2cell', 300, 1, 8)).toBe('');
  });

  it('central point, polygon and neighbours', () => {
    const point = call('geo_s2cell_to_central_point', '1234567') as { coordinates: number[] };
    expect(point.coordinates[0]).toBeCloseTo(9.86830731850408, 12);
    expect(point.coordinates[1]).toBeCloseTo(27.468392925827605, 12);
    expect(call('geo_s2cell_to_central_point', 'a')).toBeNull();
    const polygon = call('geo_s2cell_to_polygon', '89c259') as { coordinates: number[][][] };
    const ring = polygon.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]![0]).toBeCloseTo(-74.03001224983848, 12);
    expect(ring[0]![1]).toBeCloseTo(40.8012684339439, 12);
    expect(ring[2]![0]).toBeCloseTo(-73.93598211433742, 12);
    expect(ring[2]![1]).toBeCloseTo(40.708880489804564, 12);
    // Kusto does not define the order; the docs example fixes it.
    expect(call('geo_s2cell_neighbors', '89c259')).toEqual([
      '89c25d',
      '89c2f9',
      '89c251',
      '89c257',
      '89c25f',
      '89c25b',
      '89c2f7',
      '89c2f5',
    ]);
    // Elsewhere too: eight distinct cells of the same level, each touching the cell.
    const cell = call('geo_point_to_s2cell', 151.2, -33.87, 14) as string;
    const neighbors = call('geo_s2cell_neighbors', cell) as string[];
    expect(new Set(neighbors).size).toBe(8);
    const centre = call('geo_s2cell_to_central_point', cell) as { coordinates: [number, number] };
    for (const neighbor of neighbors) {
      expect(neighbor).toHaveLength(cell.length);
      const other = call('geo_s2cell_to_central_point', neighbor) as { coordinates: [number, number] };
      const meters = call('geo_distance_2points', ...centre.coordinates, ...other.coordinates) as number;
      // Level-14 cells are about 600 m across: neighbours' centres lie one or two cells away.
      expect(meters).toBeGreaterThan(200);
      expect(meters).toBeLessThan(1200);
    }
    expect(call('geo_s2cell_neighbors', 'a')).toBeNull();
  });

  it("covers polygons and lines with cells of one level, within Kusto's limit of 65,536 tokens", () => {
    const triangle = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 50],
          [100, 50],
          [0, 0],
        ],
      ],
    };
    expect(call('geo_polygon_to_s2cells', triangle, 5) as string[]).toHaveLength(286);
    expect(call('geo_polygon_to_s2cells', triangle, 30)).toBeNull();
    const tokens = call(
      'geo_line_to_s2cells',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [0.01, 0],
        ],
      },
      20,
    ) as string[];
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.every((token) => call('geo_s2cell_to_central_point', token) !== null)).toBe(true);
    expect(
      call('geo_line_to_s2cells', {
        type: 'LineString',
        coordinates: [
          [
            [0, 0],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
    expect(() => call('geo_polygon_to_s2cells', triangle, 5, 100)).toThrow(/not supported yet/);
  });

  it('the union of a geohash cell and its neighbours is the 3x3 block (shared edges drop out)', () => {
    const cells = ['sunny', ...(call('geo_geohash_neighbors', 'sunny') as string[])];
    const union = call(
      'geo_union_polygons_array',
      cells.map((cell) => call('geo_geohash_to_polygon', cell)),
    ) as { type: string; coordinates: number[][][] };
    expect(union.type).toBe('Polygon');
    expect(union.coordinates).toHaveLength(1);
    const ring = union.coordinates[0]!;
    expect(ring[0]![0]).toBeCloseTo(42.4072265625, 12);
    expect(ring[0]![1]).toBeCloseTo(23.642578125, 12);
    // Twelve boundary vertices (corners and the collinear junctions between cells) plus the closing one.
    expect(ring).toHaveLength(13);
    const area = call('geo_polygon_area', union) as number;
    const cellAreas = cells.reduce(
      (sum, cell) => sum + (call('geo_polygon_area', call('geo_geohash_to_polygon', cell)) as number),
      0,
    );
    expect(area).toBeCloseTo(cellAreas, 0);
  });
});
