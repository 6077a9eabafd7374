/**
 * Buffers on Kusto's sphere: geo_point_buffer, geo_line_buffer, geo_polygon_buffer. Their arguments are checked as
 * Kusto documents (invalid shape, radius or tolerance → null). A point's buffer is a regular polygon circumscribed
 * about the geodesic circle, with as few vertices as keep it within the tolerance of the ideal radius.
 *
 * The buffer of a line or a polygon is the union of discs and bands along its edges; computing that union robustly
 * (collinear and nearly tangent boundaries) needs a polygon overlay kernel this engine does not have, so valid
 * input to those two answers "not supported yet" instead of a shape that could be wrong.
 */
import { toNumber, type ScalarFunction } from './helpers';
import {
  coordinate,
  coordinateOfVector,
  EARTH_RADIUS_METERS,
  linesOf,
  polygonsOf,
  type Coordinate,
} from './geoShapes';

const RADIANS = Math.PI / 180;
const DEFAULT_TOLERANCE_METERS = 10;
/** Kusto: the tolerance should be no lower than 0.0001% of the radius. */
const MIN_RELATIVE_TOLERANCE = 1e-6;
/** A circumscribed polygon stays convex and well within a hemisphere up to this angular radius (radians). */
const MAX_POINT_BUFFER_ANGLE = Math.PI / 4;

interface BufferSize {
  /** Radius in meters. */
  readonly radius: number;
  /** Allowed deviation from the ideal radius in meters, below the radius. */
  readonly tolerance: number;
}

/**
 * The radius (positive) and the tolerance (10 m when absent; no lower than 0.0001% of the radius; a tolerance above
 * the radius is lowered below it, as Kusto documents); null when either is invalid.
 */
export function bufferSize(
  radiusValue: unknown,
  toleranceValue: unknown,
  toleranceGiven: boolean,
): BufferSize | null {
  const radius = toNumber(radiusValue);
  if (radius === null || !Number.isFinite(radius) || !(radius > 0)) return null;
  const tolerance = toleranceGiven ? toNumber(toleranceValue) : DEFAULT_TOLERANCE_METERS;
  if (tolerance === null || !Number.isFinite(tolerance) || tolerance < radius * MIN_RELATIVE_TOLERANCE)
    return null;
  return { radius, tolerance: Math.min(tolerance, radius * (1 - 1e-9)) };
}

/**
 * The point `angle` radians from `center` along the initial bearing `bearing` (radians clockwise from north), built
 * from the centre's unit vector and its north and east tangents, which stay well defined at the poles.
 */
export function destination(center: Coordinate, angle: number, bearing: number): [number, number] {
  const lat = center.lat * RADIANS;
  const lng = center.lng * RADIANS;
  const [sinLat, cosLat, sinLng, cosLng] = [Math.sin(lat), Math.cos(lat), Math.sin(lng), Math.cos(lng)];
  const c = [cosLat * cosLng, cosLat * sinLng, sinLat];
  const north = [-sinLat * cosLng, -sinLat * sinLng, cosLat];
  const east = [-sinLng, cosLng, 0];
  const along = (i: number) =>
    Math.cos(angle) * c[i]! +
    Math.sin(angle) * (Math.cos(bearing) * north[i]! + Math.sin(bearing) * east[i]!);
  return coordinateOfVector(along(0), along(1), along(2));
}

/**
 * The vertex count and vertex distance (radians) of the regular polygon circumscribed about the circle of angular
 * radius `r`: its edges touch the circle at their middles (tan r = tan R · cos(π/n) in the right spherical triangle
 * of centre, vertex and edge middle) and its vertices are at most `deviation` radians beyond it.
 */
export function circumscribedPolygon(r: number, deviation: number): { sides: number; vertexAngle: number } {
  // For small angles R - r ≈ r·(1/cos(π/n) - 1): start from that estimate and step up until the sphere agrees.
  let sides = Math.max(3, Math.ceil(Math.PI / Math.acos(1 / (1 + deviation / r))) - 1);
  let vertexAngle = Math.atan(Math.tan(r) / Math.cos(Math.PI / sides));
  while (vertexAngle - r > deviation) {
    sides++;
    vertexAngle = Math.atan(Math.tan(r) / Math.cos(Math.PI / sides));
  }
  return { sides, vertexAngle };
}

/** A closed counterclockwise ring around `center` that contains every point within `size.radius` of it. */
function pointBufferRing(center: Coordinate, size: BufferSize): [number, number][] {
  const r = size.radius / EARTH_RADIUS_METERS;
  const { sides, vertexAngle } = circumscribedPolygon(r, size.tolerance / EARTH_RADIUS_METERS);
  const ring: [number, number][] = [];
  // Bearings decrease (north, west, south, east) so the ring runs counterclockwise, GeoJSON's shell order.
  for (let k = 0; k < sides; k++) ring.push(destination(center, vertexAngle, (-2 * Math.PI * k) / sides));
  ring.push(ring[0]!);
  return ring;
}

function notSupported(name: string): never {
  throw new Error(
    `not supported yet: ${name}() on a valid shape (its buffer is a union of discs and bands that needs a polygon overlay library)`,
  );
}

export const GEO_BUFFER_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_point_buffer: (args) => {
    const [lng, lat, radius, tolerance] = args;
    const center = coordinate(lng, lat);
    const size = bufferSize(radius, tolerance, args.length > 3);
    if (!center || !size) return null;
    if (size.radius / EARTH_RADIUS_METERS > MAX_POINT_BUFFER_ANGLE)
      throw new Error('not supported yet: geo_point_buffer() with a radius beyond an eighth of the Earth');
    return { type: 'Polygon', coordinates: [pointBufferRing(center, size)] };
  },
  geo_line_buffer: (args) => {
    const [shape, radius, tolerance] = args;
    if (!linesOf(shape) || !bufferSize(radius, tolerance, args.length > 2)) return null;
    return notSupported('geo_line_buffer');
  },
  geo_polygon_buffer: (args) => {
    const [shape, radius, tolerance] = args;
    if (!polygonsOf(shape) || !bufferSize(radius, tolerance, args.length > 2)) return null;
    return notSupported('geo_polygon_buffer');
  },
};
