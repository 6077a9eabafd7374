/**
 * GeoJSON (Kusto's dynamic form) to S2 shapes, with Kusto's validity rules. Kusto measures on a sphere of radius
 * 6,371,010 m with geodesic edges, which is S2's model: the docs' outputs for distance, length, area and centroid are
 * reproduced by s2js to the last printed digit.
 */
import { s2 } from 's2js';
import { parseJsonValue, toNumber } from './helpers';

export const EARTH_RADIUS_METERS = 6_371_010;

const RADIANS = Math.PI / 180;

export interface Coordinate {
  readonly lng: number;
  readonly lat: number;
}

/** A valid coordinate from numbers: longitude in [-180, 180], latitude in [-90, 90]; otherwise null. */
export function coordinate(lngValue: unknown, latValue: unknown): Coordinate | null {
  const lng = toNumber(lngValue);
  const lat = toNumber(latValue);
  if (lng === null || lat === null) return null;
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return null;
  return { lng, lat };
}

export function pointOf(c: Coordinate): s2.Point {
  return s2.Point.fromLatLng(s2.LatLng.fromDegrees(c.lat, c.lng));
}

/** [longitude, latitude] of a unit-sphere vector (not necessarily normalised). */
export function coordinateOfVector(x: number, y: number, z: number): [number, number] {
  const lat = Math.atan2(z, Math.sqrt(x * x + y * y)) / RADIANS;
  const lng = Math.atan2(y, x) / RADIANS;
  return [lng, lat];
}

export function geoJsonPoint(lng: number, lat: number): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: [lng, lat] };
}

interface Geometry {
  readonly type: string;
  readonly coordinates: unknown;
}

export function geometryOf(value: unknown): Geometry | null {
  const parsed = parseJsonValue(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { type, coordinates } = parsed as Record<string, unknown>;
  if (typeof type !== 'string' || !Array.isArray(coordinates)) return null;
  return { type, coordinates };
}

function positionOf(value: unknown): Coordinate | null {
  if (!Array.isArray(value) || value.length < 2) return null;
  const [lng, lat] = value;
  if (typeof lng !== 'number' || typeof lat !== 'number') return null;
  return coordinate(lng, lat);
}

function positionsOf(value: unknown): Coordinate[] | null {
  if (!Array.isArray(value)) return null;
  const positions = value.map(positionOf);
  return positions.some((p) => p === null) ? null : (positions as Coordinate[]);
}

/** The lines of a LineString or MultiLineString, each with at least two positions; null when invalid. */
export function linesOf(value: unknown): Coordinate[][] | null {
  const geometry = geometryOf(value);
  if (!geometry) return null;
  const lines =
    geometry.type === 'LineString'
      ? [positionsOf(geometry.coordinates)]
      : geometry.type === 'MultiLineString'
        ? (geometry.coordinates as unknown[]).map(positionsOf)
        : null;
  if (!lines || lines.length === 0 || lines.some((line) => line === null || line.length < 2)) return null;
  return lines as Coordinate[][];
}

export function polylinesOf(value: unknown): s2.Polyline[] | null {
  const lines = linesOf(value);
  return lines ? lines.map((line) => new s2.Polyline(line.map(pointOf))) : null;
}

/** A closed ring with at least three distinct vertices as an S2 loop, the smaller of the two regions it bounds. */
function loopOf(ring: unknown): s2.Loop | null {
  const positions = positionsOf(ring);
  if (!positions || positions.length < 4) return null;
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  if (first.lng !== last.lng || first.lat !== last.lat) return null;
  const vertices = positions.slice(0, -1);
  const keys = new Set(vertices.map((p) => `${p.lng},${p.lat}`));
  if (keys.size !== vertices.length || vertices.length < 3) return null;
  const loop = new s2.Loop(vertices.map(pointOf));
  if (loop.validate() !== null) return null;
  loop.normalize();
  return loop;
}

/** A Polygon's rings as one S2 polygon (S2 works out the shell and its holes by nesting). */
function polygonFromRings(rings: unknown): s2.Polygon | null {
  if (!Array.isArray(rings) || rings.length === 0) return null;
  const loops: s2.Loop[] = [];
  for (const ring of rings) {
    const loop = loopOf(ring);
    if (!loop) return null;
    loops.push(loop);
  }
  try {
    const polygon = new s2.Polygon(loops);
    return polygon.validate() === null ? polygon : null;
  } catch {
    return null;
  }
}

/**
 * A query usually passes one constant polygon for every row: the parsed polygons are kept per dynamic object (the
 * same JS object across rows), so the rings are validated and indexed once.
 */
const parsedPolygons = new WeakMap<object, s2.Polygon[] | null>();

/** The polygons of a Polygon or MultiPolygon, one S2 polygon each; null when any ring is invalid. */
export function polygonsOf(value: unknown): s2.Polygon[] | null {
  if (value === null || typeof value !== 'object') return parsePolygons(value);
  if (!parsedPolygons.has(value)) parsedPolygons.set(value, parsePolygons(value));
  return parsedPolygons.get(value)!;
}

function parsePolygons(value: unknown): s2.Polygon[] | null {
  const geometry = geometryOf(value);
  if (!geometry) return null;
  const parts =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as unknown[])
        : null;
  if (!parts || parts.length === 0) return null;
  const polygons = parts.map(polygonFromRings);
  return polygons.some((p) => p === null) ? null : (polygons as s2.Polygon[]);
}

/** All edges of a polygon, each as its two end points. */
export function polygonEdges(polygon: s2.Polygon): [s2.Point, s2.Point][] {
  const edges: [s2.Point, s2.Point][] = [];
  for (let k = 0; k < polygon.numLoops(); k++) {
    const loop = polygon.loop(k);
    const n = loop.numVertices();
    for (let i = 0; i < n; i++) edges.push([loop.vertex(i), loop.vertex((i + 1) % n)]);
  }
  return edges;
}
