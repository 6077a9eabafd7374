import { describe, expect, it } from 'vitest';
import { parseWkt } from './geoWkt';

describe('geo_from_wkt', () => {
  it('reads every two-dimensional geometry type into GeoJSON', () => {
    expect(parseWkt('POINT (30 10)')).toEqual({ type: 'Point', coordinates: [30, 10] });
    expect(parseWkt('linestring(30 10,10 30, 40 40)')).toEqual({
      type: 'LineString',
      coordinates: [
        [30, 10],
        [10, 30],
        [40, 40],
      ],
    });
    expect(parseWkt('POLYGON ((35 10, 45 45, 15 40, 35 10), (20 30, 35 35, 30 20, 20 30))')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [35, 10],
          [45, 45],
          [15, 40],
          [35, 10],
        ],
        [
          [20, 30],
          [35, 35],
          [30, 20],
          [20, 30],
        ],
      ],
    });
    const points = {
      type: 'MultiPoint',
      coordinates: [
        [-1.5, 2e1],
        [0.25, -3],
      ],
    };
    expect(parseWkt('MULTIPOINT (-1.5 2e1, .25 -3)')).toEqual(points);
    expect(parseWkt('MULTIPOINT ((-1.5 2e1), (.25 -3))')).toEqual(points);
    expect(parseWkt('MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))')).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
        [
          [2, 2],
          [3, 3],
        ],
      ],
    });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))')).toMatchObject({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
      ],
    });
    expect(parseWkt('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))')).toEqual({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
    });
  });

  it('answers null for malformed, unsupported or off-globe text', () => {
    for (const text of [
      '',
      'POINT',
      'POINT ()',
      'POINT (1)',
      'POINT (1 2 3)',
      'POINT Z (1 2 3)',
      'POINT EMPTY',
      'POINT (1 2) extra',
      'LINESTRING (1 2, 3)',
      'POLYGON ((0 0, 1 1)',
      'CIRCLE (1 2)',
      'POINT (200 0)',
      'POINT (0 -91)',
    ])
      expect(parseWkt(text), text).toBeNull();
  });
});
