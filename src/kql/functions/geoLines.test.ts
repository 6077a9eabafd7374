import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);
const coordinatesOf = (point: unknown) => (point as { coordinates: [number, number] }).coordinates;

const road = {
  type: 'LineString',
  coordinates: [
    [10.0, 50.0],
    [10.02, 50.01],
    [10.05, 50.0],
    [10.08, 50.02],
  ],
};
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

describe('geo_closest_point_on_line', () => {
  it('finds the point of the line at the distance geo_distance_point_to_line measures', () => {
    for (const [lng, lat] of [
      [10.03, 50.03],
      [10.01, 49.99],
      [10.1, 50.05],
      [9.9, 50.0],
    ] as const) {
      const point = coordinatesOf(call('geo_closest_point_on_line', lng, lat, road));
      const toPoint = call('geo_distance_2points', lng, lat, ...point) as number;
      expect(toPoint).toBeCloseTo(call('geo_distance_point_to_line', lng, lat, road) as number, 4);
      expect(call('geo_distance_point_to_line', ...point, road) as number).toBeLessThan(1e-6);
    }
  });

  it('answers a vertex with its own coordinates, and null for invalid input', () => {
    expect(call('geo_closest_point_on_line', 9.9, 50.0, road)).toEqual({
      type: 'Point',
      coordinates: [10.0, 50.0],
    });
    expect(call('geo_closest_point_on_line', 300, 3, road)).toBeNull();
    expect(call('geo_closest_point_on_line', 1, 1, { type: 'LineString', coordinates: [[1, 1]] })).toBeNull();
  });
});

describe('geo_closest_point_on_polygon', () => {
  it('is the point itself inside, else the nearest point of the boundary', () => {
    expect(call('geo_closest_point_on_polygon', 0.5, 0.5, square)).toEqual({
      type: 'Point',
      coordinates: [0.5, 0.5],
    });
    const point = coordinatesOf(call('geo_closest_point_on_polygon', 2, 0.5, square));
    expect(point[0]).toBeCloseTo(1, 9);
    expect(point[1]).toBeGreaterThan(0.4);
    expect(point[1]).toBeLessThan(0.6);
    const distance = call('geo_distance_2points', 2, 0.5, ...point) as number;
    expect(distance).toBeCloseTo(call('geo_distance_point_to_polygon', 2, 0.5, square) as number, 4);
    expect(call('geo_closest_point_on_polygon', -1, -1, square)).toEqual({
      type: 'Point',
      coordinates: [0, 0],
    });
  });

  it('answers null for invalid coordinates or polygons', () => {
    expect(call('geo_closest_point_on_polygon', 500, 1, square)).toBeNull();
    const degenerate = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 10],
          [10, 10],
          [0, 0],
        ],
      ],
    };
    expect(call('geo_closest_point_on_polygon', 1, 1, degenerate)).toBeNull();
  });
});

describe('geo_line_interpolate_point and geo_line_locate_point', () => {
  it('interpolate from the first vertex (0) to the last (1) by geodesic length', () => {
    expect(call('geo_line_interpolate_point', road, 0)).toEqual({ type: 'Point', coordinates: [10.0, 50.0] });
    expect(call('geo_line_interpolate_point', road, 1)).toEqual({
      type: 'Point',
      coordinates: [10.08, 50.02],
    });
    const total = call('geo_line_length', road) as number;
    const fifth = coordinatesOf(call('geo_line_interpolate_point', road, 0.2));
    const firstLeg = call('geo_distance_2points', 10.0, 50.0, 10.02, 50.01) as number;
    // Within the first leg, so the distance from the start is the length along the line.
    expect(firstLeg).toBeGreaterThan(total / 5);
    expect(call('geo_distance_2points', 10.0, 50.0, ...fifth) as number).toBeCloseTo(total / 5, 3);
  });

  it('locate is the inverse of interpolate, and projects points off the line', () => {
    for (const fraction of [0, 0.1, 0.37, 0.5, 0.92, 1]) {
      const point = coordinatesOf(call('geo_line_interpolate_point', road, fraction));
      expect(call('geo_line_locate_point', road, ...point) as number).toBeCloseTo(fraction, 9);
    }
    const off = [10.03, 50.03] as const;
    const nearest = coordinatesOf(call('geo_closest_point_on_line', ...off, road));
    expect(call('geo_line_locate_point', road, ...off) as number).toBeCloseTo(
      call('geo_line_locate_point', road, ...nearest) as number,
      9,
    );
  });

  it('answer null for a fraction outside [0, 1], a line of one position or a MultiLineString', () => {
    expect(call('geo_line_interpolate_point', road, 1.5)).toBeNull();
    expect(call('geo_line_interpolate_point', road, -0.1)).toBeNull();
    expect(call('geo_line_interpolate_point', { type: 'LineString', coordinates: [[1, 1]] }, 0.5)).toBeNull();
    const multi = { type: 'MultiLineString', coordinates: [road.coordinates] };
    expect(call('geo_line_interpolate_point', multi, 0.5)).toBeNull();
    expect(call('geo_line_locate_point', road, 200, 0)).toBeNull();
  });
});
