import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { canonicalLoop } from './geoUnion';
import { pointOf } from './geoShapes';
import { arcMeetings, type Vector } from './sphere';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);
const polygon = (...ring: [number, number][]) => ({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
const ringOf = (shape: unknown) => (shape as { coordinates: [number, number][][] }).coordinates[0]!;

describe("S2's vertex order for boolean results", () => {
  it('rotates a loop so that its highest-numbered edge comes last (the last of a run of equal numbers)', () => {
    const points = [0, 1, 2, 3, 4, 5].map((k) => ({ x: k, y: 0, z: 0 }) as Vector);
    const rotated = canonicalLoop({ points, ids: [7, 7, 4, 5, 6, 7] });
    expect(rotated.ids).toEqual([4, 5, 6, 7, 7, 7]);
    expect(rotated.points.map((p) => p.x)).toEqual([2, 3, 4, 5, 0, 1]);
    // A run broken by smaller numbers: the first run of the highest number stays last.
    expect(canonicalLoop({ points: points.slice(0, 5), ids: [3, 9, 1, 2, 9] }).ids).toEqual([1, 2, 9, 3, 9]);
  });

  it('combines an array of polygons fewest vertices first, whatever the array order', () => {
    const square = polygon([0, 0], [2, 0], [2, 2], [0, 2]);
    const triangle = polygon([1, 1], [3, 1], [1, 3]);
    const forward = call('geo_union_polygons_array', [square, triangle]);
    const backward = call('geo_union_polygons_array', [triangle, square]);
    expect(backward).toEqual(forward);
    // The square (more vertices) is the second operand, so its last edge, (0,2) → (0,0), outside the triangle and
    // whole, ends the loop: the ring starts at (0,0).
    const ring = ringOf(forward);
    expect(ring[0]![0]).toBeCloseTo(0, 12);
    expect(ring[0]![1]).toBeCloseTo(0, 12);
    expect(ring[1]![0]).toBeCloseTo(2, 12);
    expect(ring[1]![1]).toBeCloseTo(0, 12);
    expect(ring).toHaveLength(8);
  });

  it('joins a tiling along its shared edges into one outline with the area of its cells', () => {
    const cells = (call('geo_h3cell_rings', '85283473fffffff', 2) as string[][]).flat();
    const polygons = cells.map((cell) => call('geo_h3cell_to_polygon', cell));
    const union = call('geo_union_polygons_array', polygons) as { type: string };
    expect(union.type).toBe('Polygon');
    // A disk of radius 2 has 30 outer vertices (6 corners of 2 edges, 6 sides of 3 edges).
    expect(ringOf(union)).toHaveLength(31);
    const total = polygons.reduce((sum: number, p) => sum + (call('geo_polygon_area', p) as number), 0);
    expect(call('geo_polygon_area', union) as number).toBeCloseTo(total, 0);
  });

  it('joins cells that touch only at a corner without spurious vertices', () => {
    const a = polygon([0, 0], [1, 0], [1, 1], [0, 1]);
    const b = polygon([1, 1], [2, 1], [2, 2], [1, 2]);
    const both = call('geo_union_polygons_array', [a, b]) as { type: string; coordinates: unknown[] };
    expect(both.type).toBe('MultiPolygon');
    for (const part of both.coordinates as [number, number][][][]) expect(part[0]).toHaveLength(5);
  });
});

describe('arcMeetings', () => {
  it('arcs that continue each other along a parallel meet only at their shared end', () => {
    const [a, b, c] = [
      pointOf({ lng: 42.4, lat: 23.69 }),
      pointOf({ lng: 42.45, lat: 23.69 }),
      pointOf({ lng: 42.5, lat: 23.69 }),
    ];
    const meetings = arcMeetings(a, b, b, c);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toEqual(b);
  });
});
