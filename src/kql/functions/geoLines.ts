/**
 * Points along lines and nearest points on Kusto's sphere (geodesic edges), through S2's polyline operations:
 * geo_closest_point_on_line, geo_closest_point_on_polygon, geo_line_interpolate_point, geo_line_locate_point.
 * Invalid coordinates, shapes or fractions give null.
 */
import { s2 } from 's2js';
import { toNumber, type ScalarFunction } from './helpers';
import {
  coordinate,
  coordinateOfVector,
  geoJsonPoint,
  geometryOf,
  linesOf,
  pointOf,
  polygonEdges,
  polygonsOf,
  type Coordinate,
} from './geoShapes';
import { angleBetween, closestOnArc, type Vector } from './sphere';

interface Nearest {
  readonly point: Vector;
  readonly angle: number;
}

/** The point of the geodesic edges nearest to x. */
function nearestOnEdges(x: Vector, edges: [Vector, Vector][]): Nearest | null {
  let best: Nearest | null = null;
  for (const [a, b] of edges) {
    const point = closestOnArc(x, a, b);
    const angle = angleBetween(x, point);
    if (!best || angle < best.angle) best = { point, angle };
  }
  return best;
}

/** Closer than this (radians, about 60 nm on Earth) to an input vertex is that vertex: rounding, not geometry. */
const VERTEX_TOLERANCE = 1e-14;

/** A GeoJSON point at p, printing a vertex of the input with its own coordinates rather than a round trip. */
function pointResult(p: Vector, vertices: Coordinate[]): unknown {
  const vertex = vertices.find((c) => angleBetween(pointOf(c), p) < VERTEX_TOLERANCE);
  if (vertex) return geoJsonPoint(vertex.lng, vertex.lat);
  const [lng, lat] = coordinateOfVector(p.x, p.y, p.z);
  return geoJsonPoint(lng, lat);
}

/** A LineString only (not a MultiLineString): a fraction of its length is defined along one chain. */
function singleLine(shape: unknown): Coordinate[] | null {
  if (geometryOf(shape)?.type !== 'LineString') return null;
  return linesOf(shape)?.[0] ?? null;
}

function fractionArg(value: unknown): number | null {
  const fraction = toNumber(value);
  return fraction !== null && fraction >= 0 && fraction <= 1 ? fraction : null;
}

export const GEO_LINE_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_closest_point_on_line: ([lng, lat, shape]) => {
    const p = coordinate(lng, lat);
    const lines = linesOf(shape);
    if (!p || !lines) return null;
    const edges = lines.flatMap((line) =>
      line.slice(1).map((c, i) => [pointOf(line[i]!), pointOf(c)] as [Vector, Vector]),
    );
    const nearest = nearestOnEdges(pointOf(p), edges);
    return nearest ? pointResult(nearest.point, lines.flat()) : null;
  },
  geo_closest_point_on_polygon: ([lng, lat, shape]) => {
    const p = coordinate(lng, lat);
    const polygons = polygonsOf(shape);
    if (!p || !polygons) return null;
    const x = pointOf(p);
    // A point the polygon contains is its own closest point, as Kusto documents.
    if (polygons.some((polygon) => polygon.containsPoint(x))) return geoJsonPoint(p.lng, p.lat);
    const nearest = nearestOnEdges(x, polygons.flatMap(polygonEdges));
    const geometry = geometryOf(shape)!;
    const rings = (
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    ) as number[][][][];
    const vertices = rings.flat(2).map(([vLng, vLat]) => ({ lng: vLng!, lat: vLat! }));
    return nearest ? pointResult(nearest.point, vertices) : null;
  },
  geo_line_interpolate_point: ([shape, fractionValue]) => {
    const line = singleLine(shape);
    const fraction = fractionArg(fractionValue);
    if (!line || fraction === null) return null;
    const [point] = new s2.Polyline(line.map(pointOf)).interpolate(fraction);
    return pointResult(point, line);
  },
  geo_line_locate_point: ([shape, lng, lat]) => {
    const line = singleLine(shape);
    const p = coordinate(lng, lat);
    if (!line || !p) return null;
    const polyline = new s2.Polyline(line.map(pointOf));
    const [point, next] = polyline.project(pointOf(p));
    return polyline.uninterpolate(point, next);
  },
};
