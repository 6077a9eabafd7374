/**
 * Geospatial measurements and predicates (geo_distance_*, geo_point_in_*, geo_line_*, geo_polygon_*, geo_angle,
 * geo_azimuth) on Kusto's sphere, through S2 shapes (geoShapes.ts). Invalid coordinates or shapes give null.
 */
import { s2 } from 's2js';
import { arrayOf, toNumber, type ScalarFunction } from './helpers';
import {
  coordinate,
  coordinateOfVector,
  EARTH_RADIUS_METERS,
  geometryOf,
  geoJsonPoint,
  linesOf,
  pointOf,
  polygonEdges,
  polygonsOf,
  polylinesOf,
  type Coordinate,
} from './geoShapes';
import {
  anyOverlap,
  destructiveUnionLoops,
  intersectionLoops,
  loopsToGeoJson,
  mergedPolygon,
  unionOf,
} from './geoUnion';
import {
  type Vector,
  dot,
  cross,
  norm,
  angleBetween,
  distanceToArc,
  edgesIntersect,
  TOUCH_TOLERANCE,
  arcsIntersect,
  normalize,
  arcMeetings,
  alongArc,
  arcOverlap,
} from './sphere';

const RADIANS = Math.PI / 180;

/** The polygons to measure: Kusto measures a MultiPolygon as the union of its polygons. */
function measuredPolygons(value: unknown): s2.Polygon[] | null {
  const polygons = polygonsOf(value);
  if (!polygons) return null;
  return anyOverlap(polygons) ? [unionOf(polygons)] : polygons;
}

const EMPTY_COLLECTION = { type: 'GeometryCollection', geometries: [] };

function coordinatesOf(v: Vector): [number, number] {
  return coordinateOfVector(v.x, v.y, v.z);
}

/** The parts of the lines inside the polygons, as chains of [lng, lat]. */
function clipLines(lines: Coordinate[][], polygons: s2.Polygon[]): [number, number][][] {
  const edges = polygons.flatMap(polygonEdges);
  const inside = (v: Vector) =>
    polygons.some((polygon) => polygon.containsPoint(s2.Point.fromCoords(v.x, v.y, v.z)));
  const pieces: [number, number][][] = [];
  for (const line of lines) {
    const points = line.map(pointOf);
    let current: [number, number][] | null = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const span = angleBetween(a, b);
      const cuts = edges
        .flatMap(([c, d]) => arcMeetings(a, b, c, d))
        .map((x) => (span === 0 ? 0 : angleBetween(a, x) / span))
        .filter((t) => t > 0 && t < 1);
      const stops = [0, ...[...new Set(cuts)].sort((x, y) => x - y), 1];
      for (let k = 0; k + 1 < stops.length; k++) {
        const from = stops[k]!;
        const to = stops[k + 1]!;
        if (inside(alongArc(a, b, (from + to) / 2))) {
          if (!current) {
            current = [coordinatesOf(from === 0 ? a : alongArc(a, b, from))];
            pieces.push(current);
          }
          current.push(coordinatesOf(to === 1 ? b : alongArc(a, b, to)));
        } else current = null;
      }
    }
  }
  return pieces;
}

/**
 * Simplification within `tolerance` meters, keeping input vertices only: vertices closer than the tolerance to an
 * earlier kept vertex snap to it (so a shape smaller than the tolerance collapses), then Douglas-Peucker drops the
 * vertices that lie within the tolerance of the geodesic between their neighbours. Kusto documents the same
 * contract (S2Builder with edge-chain simplification); where several simplifications satisfy it, the vertices kept
 * may differ from Kusto's.
 */
function simplifyChain(chain: Coordinate[], tolerance: number): Coordinate[] {
  const angle = tolerance / EARTH_RADIUS_METERS;
  const sites: { c: Coordinate; v: Vector }[] = [];
  const snapped: { c: Coordinate; v: Vector }[] = [];
  for (const c of chain) {
    const v = pointOf(c);
    let site = sites.find((s) => angleBetween(s.v, v) <= angle);
    if (!site) {
      site = { c, v };
      sites.push(site);
    }
    if (snapped[snapped.length - 1] !== site) snapped.push(site);
  }
  const keep = new Array<boolean>(snapped.length).fill(false);
  const douglasPeucker = (from: number, to: number): void => {
    keep[from] = keep[to] = true;
    let farthest = -1;
    let distance = angle;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToArc(snapped[i]!.v, snapped[from]!.v, snapped[to]!.v);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      douglasPeucker(from, farthest);
      douglasPeucker(farthest, to);
    }
  };
  if (snapped.length > 1) douglasPeucker(0, snapped.length - 1);
  return snapped.filter((_, i) => keep[i]).map((s) => s.c);
}

/** The simplify tolerance in meters: 10 by default, null when negative or beyond a quarter of the Earth. */
function simplifyTolerance(args: unknown[]): number | null {
  if (args.length < 2) return 10;
  const value = toNumber(args[1]);
  return value !== null && value >= 0 && value <= (Math.PI / 2) * EARTH_RADIUS_METERS ? value : null;
}

function simplifyRing(ring: Coordinate[], tolerance: number): Coordinate[] | null {
  // The closing vertex is split off so the ring is simplified as a chain from its first vertex around back to it.
  const open = ring.slice(0, -1);
  const start = pointOf(open[0]!);
  let far = 1;
  for (let i = 2; i < open.length; i++)
    if (angleBetween(start, pointOf(open[i]!)) > angleBetween(start, pointOf(open[far]!))) far = i;
  const first = simplifyChain(open.slice(0, far + 1), tolerance);
  const second = simplifyChain([...open.slice(far), open[0]!], tolerance);
  const vertices = [...first, ...second.slice(1)];
  const distinct = vertices.slice(0, -1);
  if (distinct.length < 3 || new Set(distinct.map((c) => `${c.lng},${c.lat}`)).size !== distinct.length)
    return null;
  return vertices;
}

/**
 * The union of lines: edges are split where another line's vertex lies on them, repeated edges (either direction)
 * are kept once, and the edges are chained end to start into maximal lines, in input order.
 */
function unionLines(lines: Coordinate[][]): [number, number][][] {
  const same = (p: Vector, q: Vector) => angleBetween(p, q) < 1e-12;
  const vertices = lines.flat().map(pointOf);
  const edges: [Vector, Vector][] = [];
  for (const line of lines) {
    const points = line.map(pointOf);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const span = angleBetween(a, b);
      const inner = vertices
        .filter((v) => !same(v, a) && !same(v, b) && distanceToArc(v, a, b) < TOUCH_TOLERANCE)
        .sort((p, q) => angleBetween(a, p) - angleBetween(a, q))
        .filter((v, k, all) => k === 0 || !same(v, all[k - 1]!))
        .filter((v) => angleBetween(a, v) < span);
      const stops = [a, ...inner, b];
      for (let k = 0; k + 1 < stops.length; k++) {
        const [from, to] = [stops[k]!, stops[k + 1]!];
        if (same(from, to)) continue;
        const seen = edges.some(([p, q]) => (same(p, from) && same(q, to)) || (same(p, to) && same(q, from)));
        if (!seen) edges.push([from, to]);
      }
    }
  }
  const used = new Set<number>();
  const chains: [number, number][][] = [];
  for (let first = 0; first < edges.length; first++) {
    if (used.has(first)) continue;
    const chain = [edges[first]![0], edges[first]![1]];
    used.add(first);
    for (;;) {
      const end = chain[chain.length - 1]!;
      const next = edges.findIndex(([p], k) => !used.has(k) && same(p, end));
      if (next < 0) break;
      used.add(next);
      chain.push(edges[next]![1]);
    }
    chains.push(chain.map(coordinatesOf));
  }
  return chains;
}

/** Azimuth from `from` to `to`, clockwise from north, in radians within [0, 2π). */
export function azimuth(from: Coordinate, to: Coordinate): number {
  const phi1 = from.lat * RADIANS;
  const phi2 = to.lat * RADIANS;
  const deltaLambda = (to.lng - from.lng) * RADIANS;
  const y = Math.sin(deltaLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(deltaLambda);
  const angle = Math.atan2(y, x);
  return angle < 0 ? angle + 2 * Math.PI : angle;
}

export function distanceMeters(a: Coordinate, b: Coordinate): number {
  return angleBetween(pointOf(a), pointOf(b)) * EARTH_RADIUS_METERS;
}

function centroidPoint(v: Vector): unknown {
  if (norm(v) === 0) return null;
  const [lng, lat] = coordinateOfVector(v.x, v.y, v.z);
  return geoJsonPoint(lng, lat);
}

function linesLength(lines: s2.Polyline[]): number {
  return lines.reduce((sum, line) => sum + line.length(), 0) * EARTH_RADIUS_METERS;
}

function minDistanceToEdges(x: Vector, edges: [Vector, Vector][]): number {
  let best = Infinity;
  for (const [a, b] of edges) best = Math.min(best, distanceToArc(x, a, b));
  return best * EARTH_RADIUS_METERS;
}

/**
 * What two lines share, in GeoJSON: the stretches they run along together (joined where one continues another) as a
 * LineString or MultiLineString, the points where they only meet as a Point or MultiPoint, both in a
 * GeometryCollection, or an empty GeometryCollection. A meeting point on a shared stretch is part of the stretch.
 */
function lineIntersection(stretches: [Vector, Vector][], points: Vector[]): unknown {
  const chains: Vector[][] = [];
  for (const [from, to] of stretches) {
    const chain = chains.find((c) => angleBetween(c[c.length - 1]!, from) < TOUCH_TOLERANCE);
    if (chain) chain.push(to);
    else chains.push([from, to]);
  }
  const onStretch = (x: Vector) =>
    stretches.some(([from, to]) => distanceToArc(x, from, to) < TOUCH_TOLERANCE);
  const seen = new Set<string>();
  const lone: [number, number][] = [];
  for (const point of points) {
    if (onStretch(point)) continue;
    const c = coordinatesOf(point);
    const key = c.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    lone.push(c);
  }
  const lines = chains.map((chain) => chain.map(coordinatesOf));
  const lineShape =
    lines.length === 0
      ? undefined
      : lines.length === 1
        ? { type: 'LineString', coordinates: lines[0] }
        : { type: 'MultiLineString', coordinates: lines };
  const pointShape =
    lone.length === 0
      ? undefined
      : lone.length === 1
        ? geoJsonPoint(lone[0]![0], lone[0]![1])
        : { type: 'MultiPoint', coordinates: lone };
  if (lineShape && pointShape) return { type: 'GeometryCollection', geometries: [lineShape, pointShape] };
  return lineShape ?? pointShape ?? EMPTY_COLLECTION;
}

function lineEdges(lines: Coordinate[][]): [Vector, Vector][] {
  const edges: [Vector, Vector][] = [];
  for (const line of lines) {
    const points = line.map(pointOf);
    for (let i = 0; i + 1 < points.length; i++) edges.push([points[i]!, points[i + 1]!]);
  }
  return edges;
}

/** Kusto's cap on the points of a densified shape. */
const MAX_DENSIFIED_POINTS = 10_485_760;

/**
 * The points strictly between a and b that turn the planar (lng/lat) edge a-b into a chain of geodesics: the edge
 * is halved at its planar midpoint while that midpoint lies farther than `tolerance` meters from the geodesic.
 */
function densifyEdge(
  a: Coordinate,
  b: Coordinate,
  tolerance: number,
  out: [number, number][],
  depth = 0,
): void {
  const middle = { lng: (a.lng + b.lng) / 2, lat: (a.lat + b.lat) / 2 };
  const deviation = distanceToArc(pointOf(middle), pointOf(a), pointOf(b)) * EARTH_RADIUS_METERS;
  if (deviation <= tolerance || depth >= 40) return;
  densifyEdge(a, middle, tolerance, out, depth + 1);
  out.push([middle.lng, middle.lat]);
  densifyEdge(middle, b, tolerance, out, depth + 1);
}

function densifyChain(chain: Coordinate[], tolerance: number): [number, number][] {
  const out: [number, number][] = [[chain[0]!.lng, chain[0]!.lat]];
  for (let i = 0; i + 1 < chain.length; i++) {
    densifyEdge(chain[i]!, chain[i + 1]!, tolerance, out);
    out.push([chain[i + 1]!.lng, chain[i + 1]!.lat]);
    if (out.length > MAX_DENSIFIED_POINTS) throw new Error('the densified shape exceeds 10,485,760 points');
  }
  return out;
}

/** The densify tolerance in meters: 10 by default, null outside Kusto's range [0.1, 10000]. */
function densifyTolerance(args: unknown[]): number | null {
  const [, tolerance, preserveCrossing] = args;
  if (preserveCrossing === true) throw new Error('not supported yet: densifying with preserve_crossing');
  if (args.length < 2 || tolerance === null || tolerance === undefined) return args.length < 2 ? 10 : null;
  const value = toNumber(tolerance);
  return value !== null && value >= 0.1 && value <= 10_000 ? value : null;
}

export const GEO_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_distance_2points: ([lng1, lat1, lng2, lat2]) => {
    const a = coordinate(lng1, lat1);
    const b = coordinate(lng2, lat2);
    return a && b ? distanceMeters(a, b) : null;
  },
  geo_point_in_circle: ([lng, lat, centerLng, centerLat, radius]) => {
    const p = coordinate(lng, lat);
    const center = coordinate(centerLng, centerLat);
    const r = toNumber(radius);
    if (!p || !center || r === null || !(r >= 0)) return null;
    return distanceMeters(p, center) <= r;
  },
  geo_point_in_polygon: ([lng, lat, shape]) => {
    const p = coordinate(lng, lat);
    const polygons = polygonsOf(shape);
    if (!p || !polygons) return null;
    const x = pointOf(p);
    return polygons.some((polygon) => polygon.containsPoint(x));
  },
  geo_distance_point_to_polygon: ([lng, lat, shape]) => {
    const p = coordinate(lng, lat);
    const polygons = polygonsOf(shape);
    if (!p || !polygons) return null;
    const x = pointOf(p);
    if (polygons.some((polygon) => polygon.containsPoint(x))) return 0;
    return minDistanceToEdges(x, polygons.flatMap(polygonEdges));
  },
  geo_distance_point_to_line: ([lng, lat, shape]) => {
    const p = coordinate(lng, lat);
    const lines = linesOf(shape);
    return p && lines ? minDistanceToEdges(pointOf(p), lineEdges(lines)) : null;
  },
  geo_polygon_area: ([shape]) => {
    const polygons = measuredPolygons(shape);
    if (!polygons) return null;
    return polygons.reduce((sum, polygon) => sum + polygon.area(), 0) * EARTH_RADIUS_METERS ** 2;
  },
  geo_polygon_perimeter: ([shape]) => {
    const polygons = measuredPolygons(shape);
    if (!polygons) return null;
    const edges = polygons.flatMap(polygonEdges);
    return edges.reduce((sum, [a, b]) => sum + angleBetween(a, b), 0) * EARTH_RADIUS_METERS;
  },
  geo_polygon_centroid: ([shape]) => {
    const polygons = measuredPolygons(shape);
    if (!polygons) return null;
    const sum = { x: 0, y: 0, z: 0 };
    for (const polygon of polygons) {
      const c = polygon.centroid();
      sum.x += c.x;
      sum.y += c.y;
      sum.z += c.z;
    }
    return centroidPoint(sum);
  },
  geo_line_length: ([shape]) => {
    const lines = polylinesOf(shape);
    return lines ? linesLength(lines) : null;
  },
  geo_line_centroid: ([shape]) => {
    const lines = polylinesOf(shape);
    if (!lines) return null;
    const sum = { x: 0, y: 0, z: 0 };
    for (const line of lines) {
      const c = line.centroid();
      sum.x += c.x;
      sum.y += c.y;
      sum.z += c.z;
    }
    return centroidPoint(sum);
  },
  geo_intersects_2lines: ([first, second]) => {
    const a = linesOf(first);
    const b = linesOf(second);
    return a && b ? edgesIntersect(lineEdges(a), lineEdges(b)) : null;
  },
  geo_intersects_2polygons: ([first, second]) => {
    const a = polygonsOf(first);
    const b = polygonsOf(second);
    if (!a || !b) return null;
    // Polygons that only touch (a shared vertex) intersect too: S2's intersects() leaves such boundaries out.
    return (
      a.some((p) => b.some((q) => p.intersects(q))) ||
      edgesIntersect(a.flatMap(polygonEdges), b.flatMap(polygonEdges))
    );
  },
  geo_intersects_line_with_polygon: ([lineShape, polygonShape]) => {
    const lines = linesOf(lineShape);
    const polygons = polygonsOf(polygonShape);
    if (!lines || !polygons) return null;
    const inside = lines.some((line) =>
      line.some((c) => polygons.some((polygon) => polygon.containsPoint(pointOf(c)))),
    );
    return inside || edgesIntersect(lineEdges(lines), polygons.flatMap(polygonEdges));
  },
  geo_line_densify: (args) => {
    const lines = linesOf(args[0]);
    const tolerance = densifyTolerance(args);
    if (!lines || tolerance === null) return null;
    const chains = lines.map((line) => densifyChain(line, tolerance));
    return lines.length === 1 && geometryOf(args[0])?.type === 'LineString'
      ? { type: 'LineString', coordinates: chains[0] }
      : { type: 'MultiLineString', coordinates: chains };
  },
  geo_polygon_densify: (args) => {
    const tolerance = densifyTolerance(args);
    // Validate as Kusto does (closed rings of distinct valid vertices) before densifying the raw rings.
    if (!polygonsOf(args[0]) || tolerance === null) return null;
    const geometry = geometryOf(args[0])!;
    const densifyRings = (rings: unknown) =>
      (rings as number[][][]).map((ring) =>
        densifyChain(
          ring.map(([lng, lat]) => ({ lng: lng!, lat: lat! })),
          tolerance,
        ),
      );
    return geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: densifyRings(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: (geometry.coordinates as unknown[]).map(densifyRings) };
  },
  geo_intersection_2lines: ([first, second]) => {
    const a = linesOf(first);
    const b = linesOf(second);
    if (!a || !b) return null;
    const points: Vector[] = [];
    const stretches: [Vector, Vector][] = [];
    for (const [p, q] of lineEdges(a))
      for (const [r, t] of lineEdges(b)) {
        const sameCircle = Math.abs(dot(normalize(cross(p, q)), normalize(cross(r, t)))) > 1 - 1e-15;
        const shared = sameCircle && arcsIntersect(p, q, r, t) ? arcOverlap(p, q, r, t) : null;
        if (shared && angleBetween(shared[0], shared[1]) > TOUCH_TOLERANCE) stretches.push(shared);
        else if (shared) points.push(shared[0]);
        else points.push(...arcMeetings(p, q, r, t));
      }
    return lineIntersection(stretches, points);
  },
  geo_intersection_line_with_polygon: ([lineShape, polygonShape]) => {
    const lines = linesOf(lineShape);
    const polygons = polygonsOf(polygonShape);
    if (!lines || !polygons) return null;
    const pieces = clipLines(lines, polygons);
    if (pieces.length === 0) return EMPTY_COLLECTION;
    return pieces.length === 1
      ? { type: 'LineString', coordinates: pieces[0] }
      : { type: 'MultiLineString', coordinates: pieces };
  },
  geo_line_simplify: (args) => {
    const lines = linesOf(args[0]);
    const tolerance = simplifyTolerance(args);
    if (!lines || tolerance === null) return null;
    const simplified = lines.map((line) => simplifyChain(line, tolerance));
    if (simplified.some((line) => line.length < 2)) return null;
    const coordinates = simplified.map((line) => line.map((c) => [c.lng, c.lat]));
    return lines.length === 1 && geometryOf(args[0])?.type === 'LineString'
      ? { type: 'LineString', coordinates: coordinates[0] }
      : { type: 'MultiLineString', coordinates };
  },
  geo_polygon_simplify: (args) => {
    const tolerance = simplifyTolerance(args);
    if (!polygonsOf(args[0]) || tolerance === null) return null;
    const geometry = geometryOf(args[0])!;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown[]);
    const simplified: [number, number][][][] = [];
    for (const rings of parts as number[][][][]) {
      const out: [number, number][][] = [];
      for (const ring of rings) {
        const result = simplifyRing(
          ring.map(([lng, lat]) => ({ lng: lng!, lat: lat! })),
          tolerance,
        );
        // A shell that collapses makes the result empty; a collapsed hole just disappears.
        if (!result) {
          if (out.length === 0) return null;
          continue;
        }
        out.push(result.map((c) => [c.lng, c.lat]));
      }
      simplified.push(out);
    }
    const shape =
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: simplified[0] }
        : { type: 'MultiPolygon', coordinates: simplified };
    if (!polygonsOf(shape))
      throw new Error('not supported yet: a simplification that would make the polygon self-intersect');
    return shape;
  },
  geo_union_polygons_array: ([value]) => {
    const items = arrayOf(value);
    if (!items || items.length === 0) return null;
    const parts = items.map(polygonsOf);
    if (parts.some((p) => p === null)) return null;
    // Each array item is one S2 polygon (a MultiPolygon's parts merged), combined as Kusto's S2 does.
    const loops = destructiveUnionLoops((parts as s2.Polygon[][]).map(mergedPolygon));
    return loopsToGeoJson(loops, coordinatesOf);
  },
  geo_union_lines_array: ([value]) => {
    const items = arrayOf(value);
    if (!items || items.length === 0) return null;
    const parts = items.map(linesOf);
    if (parts.some((p) => p === null)) return null;
    const chains = unionLines((parts as Coordinate[][][]).flat());
    return chains.length === 1
      ? { type: 'LineString', coordinates: chains[0] }
      : { type: 'MultiLineString', coordinates: chains };
  },
  geo_simplify_polygons_array: (args) => {
    const items = arrayOf(args[0]);
    const tolerance = simplifyTolerance(args);
    if (!items || items.length === 0 || tolerance === null) return null;
    const parts = items.map(polygonsOf);
    if (parts.some((p) => p === null)) return null;
    const simplified: Vector[][] = [];
    for (const loop of destructiveUnionLoops((parts as s2.Polygon[][]).map(mergedPolygon))) {
      const ring = [...loop, loop[0]!].map((v) => {
        const [lng, lat] = coordinatesOf(v);
        return { lng, lat };
      });
      const result = simplifyRing(ring, tolerance);
      if (result) simplified.push(result.slice(0, -1).map(pointOf));
    }
    return simplified.length === 0 ? null : loopsToGeoJson(simplified, coordinatesOf);
  },
  geo_intersection_2polygons: ([first, second]) => {
    const a = polygonsOf(first);
    const b = polygonsOf(second);
    if (!a || !b) return null;
    const left = mergedPolygon(a);
    const right = mergedPolygon(b);
    const loops = intersectionLoops(left, right);
    const meetings: Vector[] = [];
    for (const [p, q] of polygonEdges(left))
      for (const [r, t] of polygonEdges(right))
        for (const m of arcMeetings(p, q, r, t))
          if (!meetings.some((x) => angleBetween(x, m) < 1e-12)) meetings.push(m);
    const isolated = meetings.filter(
      (m) => !loops.some((loop) => loop.some((v) => angleBetween(v, m) < 1e-10)),
    );
    const points = isolated.map(coordinatesOf);
    const pointGeometry =
      points.length === 1
        ? geoJsonPoint(points[0]![0], points[0]![1])
        : { type: 'MultiPoint', coordinates: points };
    if (loops.length === 0) return points.length === 0 ? EMPTY_COLLECTION : pointGeometry;
    const area = loopsToGeoJson(loops, coordinatesOf);
    // Touching points that are not on the area's boundary come first, as in Kusto's output.
    return points.length === 0 ? area : { type: 'GeometryCollection', geometries: [pointGeometry, area] };
  },
  geo_azimuth: ([lng1, lat1, lng2, lat2]) => {
    const a = coordinate(lng1, lat1);
    const b = coordinate(lng2, lat2);
    if (!a || !b || (a.lng === b.lng && a.lat === b.lat)) return null;
    return azimuth(a, b);
  },
  geo_angle: ([lng1, lat1, lng2, lat2, lng3, lat3]) => {
    const a = coordinate(lng1, lat1);
    const b = coordinate(lng2, lat2);
    const c = coordinate(lng3, lat3);
    if (!a || !b || !c) return null;
    const angle = azimuth(b, c) - azimuth(b, a);
    return angle < 0 ? angle + 2 * Math.PI : angle;
  },
};
