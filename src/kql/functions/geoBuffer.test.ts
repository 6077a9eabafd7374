import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { bufferSize, circumscribedPolygon, destination } from './geoBuffer';
import { EARTH_RADIUS_METERS, pointOf } from './geoShapes';
import { alongArc, angleBetween } from './sphere';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

type Ring = [number, number][];
const ringOf = (polygon: unknown) => (polygon as { coordinates: Ring[] }).coordinates[0]!;
const at = ([lng, lat]: [number, number]) => pointOf({ lng, lat });
const meters = (a: [number, number], b: [number, number]) => angleBetween(at(a), at(b)) * EARTH_RADIUS_METERS;

describe('geo_point_buffer', () => {
  it('answers null for an invalid point, radius or tolerance (docs examples and rules)', () => {
    expect(call('geo_point_buffer', 200, 1, 0.1)).toBeNull();
    expect(call('geo_point_buffer', 10, 10, -1)).toBeNull();
    expect(call('geo_point_buffer', 10, 10, 0)).toBeNull();
    expect(call('geo_point_buffer', 10, 10, null)).toBeNull();
    expect(call('geo_point_buffer', 10, 10, 1000, -5)).toBeNull();
    // Below 0.0001% of the radius.
    expect(call('geo_point_buffer', 10, 10, 1000, 0.0001)).toBeNull();
  });

  const cases: { center: [number, number]; radius: number; tolerance?: number }[] = [
    { center: [-115.1745008278, 36.1497251277], radius: 20_000 },
    { center: [-80.3212217992616, 25.268683367546604], radius: 5000, tolerance: 1 },
    { center: [0, 0], radius: 4, tolerance: 0.1 },
    { center: [179.99, -12], radius: 50_000, tolerance: 25 },
    { center: [30, 89.999], radius: 1000 },
    { center: [0, 90], radius: 300_000, tolerance: 500 },
    { center: [12, 45], radius: 2_000_000, tolerance: 1000 },
  ];

  it.each(cases)('is a closed ring that holds the whole circle within the tolerance: %o', (c) => {
    const tolerance = c.tolerance ?? 10;
    const args: unknown[] = [c.center[0], c.center[1], c.radius];
    if (c.tolerance !== undefined) args.push(c.tolerance);
    const polygon = call('geo_point_buffer', ...args);
    expect(polygon).toMatchObject({ type: 'Polygon' });
    const ring = ringOf(polygon);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const slack = c.radius * 1e-9 + 1e-6;
    for (const vertex of ring) {
      const d = meters(c.center, vertex);
      expect(d).toBeGreaterThanOrEqual(c.radius - slack);
      expect(d).toBeLessThanOrEqual(c.radius + tolerance + slack);
    }
    // Every point of every (geodesic) edge is at least the radius away: the circle lies inside.
    const center = at(c.center);
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = at(ring[i]!);
      const b = at(ring[i + 1]!);
      for (let t = 0; t <= 1; t += 1 / 16) {
        expect(angleBetween(center, alongArc(a, b, t)) * EARTH_RADIUS_METERS).toBeGreaterThanOrEqual(
          c.radius - slack,
        );
      }
    }
    // Points just inside the circle in every direction are inside the polygon (as Kusto's own predicate sees it).
    for (let k = 0; k < 36; k++) {
      const [lng, lat] = destination(
        { lng: c.center[0], lat: c.center[1] },
        (0.999 * c.radius) / EARTH_RADIUS_METERS,
        (k * Math.PI) / 18,
      );
      expect(call('geo_point_in_polygon', lng, lat, polygon)).toBe(true);
    }
  });

  it('uses as few vertices as the tolerance allows', () => {
    const r = 20_000 / EARTH_RADIUS_METERS;
    const deviation = 10 / EARTH_RADIUS_METERS;
    const { sides, vertexAngle } = circumscribedPolygon(r, deviation);
    expect(vertexAngle - r).toBeLessThanOrEqual(deviation);
    const fewer = Math.atan(Math.tan(r) / Math.cos(Math.PI / (sides - 1)));
    expect(fewer - r).toBeGreaterThan(deviation);
    expect(ringOf(call('geo_point_buffer', -115.1745008278, 36.1497251277, 20_000))).toHaveLength(sides + 1);
  });

  it('lowers a tolerance above the radius below it', () => {
    expect(bufferSize(10, 50, true)!.tolerance).toBeLessThan(10);
    expect(bufferSize(10, undefined, false)!.tolerance).toBeLessThan(10);
    expect(bufferSize(1000, undefined, false)!.tolerance).toBe(10);
    const ring = ringOf(call('geo_point_buffer', 5, 5, 10, 50));
    for (const vertex of ring) expect(meters([5, 5], vertex)).toBeLessThan(20);
  });
});

describe('geo_line_buffer and geo_polygon_buffer', () => {
  const line = {
    type: 'LineString',
    coordinates: [
      [0, 0],
      [1, 1],
    ],
  };
  const polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  };

  it('answer null for an invalid shape, radius or tolerance (docs examples)', () => {
    expect(call('geo_line_buffer', { type: 'LineString' }, 5)).toBeNull();
    expect(call('geo_line_buffer', line, 0)).toBeNull();
    expect(call('geo_line_buffer', line, 5, -1)).toBeNull();
    expect(call('geo_polygon_buffer', { type: 'p' }, 1)).toBeNull();
    expect(call('geo_polygon_buffer', polygon, -1)).toBeNull();
    expect(call('geo_polygon_buffer', polygon, 100, 0)).toBeNull();
  });

  it('say "not supported yet" for a valid shape rather than answer a shape that could be wrong', () => {
    expect(() => call('geo_line_buffer', line, 5)).toThrow(/^not supported yet: geo_line_buffer/);
    expect(() => call('geo_polygon_buffer', polygon, 5)).toThrow(/^not supported yet: geo_polygon_buffer/);
  });
});
