/**
 * Vector geometry on the unit sphere: angles, distances to great-circle arcs, arc crossings and interpolation.
 * Points are unit vectors ({x, y, z}); s2js points satisfy the same shape.
 */

export type Vector = { x: number; y: number; z: number };

export const dot = (a: Vector, b: Vector) => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: Vector, b: Vector): Vector => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});
export const norm = (a: Vector) => Math.sqrt(dot(a, a));

/** The angle between two unit vectors, stable for small and large angles. */
export function angleBetween(a: Vector, b: Vector): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b));
}

/** Angular distance from x to the shorter great-circle arc from a to b. */
export function distanceToArc(x: Vector, a: Vector, b: Vector): number {
  const n = cross(a, b);
  const length = norm(n);
  if (length > 0) {
    // x projects inside the arc when it lies on the inner side of both end planes.
    const insideA = dot(cross(n, a), x) > 0;
    const insideB = dot(cross(b, n), x) > 0;
    if (insideA && insideB) return Math.asin(Math.min(1, Math.abs(dot(x, n)) / length));
  }
  return Math.min(angleBetween(x, a), angleBetween(x, b));
}

/** Whether the minor arcs ab and cd cross at a point interior to both (S2's SimpleCrossing). */
export function arcsCross(a: Vector, b: Vector, c: Vector, d: Vector): boolean {
  const ab = cross(a, b);
  const acb = -dot(ab, c);
  const bda = dot(ab, d);
  if (acb * bda <= 0) return false;
  const cd = cross(c, d);
  const cbd = -dot(cd, b);
  const dac = dot(cd, a);
  return acb * cbd > 0 && acb * dac > 0;
}

/** Closer than this (radians, about 0.6 µm on Earth) counts as touching. */
export const TOUCH_TOLERANCE = 1e-13;

/** Whether two arcs cross or touch (an end point of one lies on the other). */
export function arcsIntersect(a: Vector, b: Vector, c: Vector, d: Vector): boolean {
  return (
    arcsCross(a, b, c, d) ||
    distanceToArc(c, a, b) < TOUCH_TOLERANCE ||
    distanceToArc(d, a, b) < TOUCH_TOLERANCE ||
    distanceToArc(a, c, d) < TOUCH_TOLERANCE ||
    distanceToArc(b, c, d) < TOUCH_TOLERANCE
  );
}

export function edgesIntersect(first: [Vector, Vector][], second: [Vector, Vector][]): boolean {
  return first.some(([a, b]) => second.some(([c, d]) => arcsIntersect(a, b, c, d)));
}

export function normalize(v: Vector): Vector {
  const length = norm(v);
  return { x: v.x / length, y: v.y / length, z: v.z / length };
}

/** The point where two crossing arcs meet (the one of ±(ab × cd) that lies on both). */
export function crossingPoint(a: Vector, b: Vector, c: Vector, d: Vector): Vector {
  const p = normalize(cross(cross(a, b), cross(c, d)));
  const mid = { x: a.x + b.x + c.x + d.x, y: a.y + b.y + c.y + d.y, z: a.z + b.z + c.z + d.z };
  return dot(p, mid) >= 0 ? p : { x: -p.x, y: -p.y, z: -p.z };
}

/** The points where two arcs meet: their crossing, or the end points of one that lie on the other. */
export function arcMeetings(a: Vector, b: Vector, c: Vector, d: Vector): Vector[] {
  // Two minor arcs that share an end point meet only there (unless they lie on one great circle). Testing for a
  // crossing instead would intersect two nearly parallel great circles when the arcs continue each other, and put a
  // spurious meeting a fraction of a millimetre off the shared point.
  const shared = [a, b].filter(
    (x) => angleBetween(x, c) < TOUCH_TOLERANCE || angleBetween(x, d) < TOUCH_TOLERANCE,
  );
  if (shared.length > 0 && Math.abs(dot(normalize(cross(a, b)), normalize(cross(c, d)))) < 1 - 1e-15)
    return shared;
  if (arcsCross(a, b, c, d)) return [crossingPoint(a, b, c, d)];
  const touching: Vector[] = [];
  for (const [x, from, to] of [
    [c, a, b],
    [d, a, b],
    [a, c, d],
    [b, c, d],
  ] as const)
    if (distanceToArc(x, from, to) < TOUCH_TOLERANCE) touching.push(x);
  return touching;
}

/** Points along the arc a-b at fraction t of its angle (spherical interpolation). */
export function alongArc(a: Vector, b: Vector, t: number): Vector {
  const omega = angleBetween(a, b);
  if (omega === 0) return a;
  const s = Math.sin(omega);
  const wa = Math.sin((1 - t) * omega) / s;
  const wb = Math.sin(t * omega) / s;
  return { x: wa * a.x + wb * b.x, y: wa * a.y + wb * b.y, z: wa * a.z + wb * b.z };
}

/** The point of the shorter great-circle arc from a to b nearest to x (an end point when x projects outside). */
export function closestOnArc(x: Vector, a: Vector, b: Vector): Vector {
  const n = cross(a, b);
  const length = norm(n);
  if (length > 0 && dot(cross(n, a), x) > 0 && dot(cross(b, n), x) > 0) {
    const unit = { x: n.x / length, y: n.y / length, z: n.z / length };
    const offset = dot(x, unit);
    const projected = { x: x.x - offset * unit.x, y: x.y - offset * unit.y, z: x.z - offset * unit.z };
    if (norm(projected) > 0) return normalize(projected);
  }
  return angleBetween(x, a) <= angleBetween(x, b) ? a : b;
}

/**
 * The stretch two arcs of one great circle share, as its two end points in the direction of a-b (one point twice
 * when they only touch); null when they share nothing.
 */
export function arcOverlap(a: Vector, b: Vector, c: Vector, d: Vector): [Vector, Vector] | null {
  const n = normalize(cross(a, b));
  const side = cross(n, a);
  const angleOf = (x: Vector) => Math.atan2(dot(x, side), dot(x, a));
  const end = angleBetween(a, b);
  const [low, high] = [angleOf(c), angleOf(d)].sort((x, y) => x - y) as [number, number];
  const from = Math.max(0, low);
  const to = Math.min(end, high);
  if (from > to + TOUCH_TOLERANCE) return null;
  const at = (angle: number): Vector => {
    if (Math.abs(angle) < TOUCH_TOLERANCE) return a;
    if (Math.abs(angle - end) < TOUCH_TOLERANCE) return b;
    const point = {
      x: a.x * Math.cos(angle) + side.x * Math.sin(angle),
      y: a.y * Math.cos(angle) + side.y * Math.sin(angle),
      z: a.z * Math.cos(angle) + side.z * Math.sin(angle),
    };
    for (const known of [c, d]) if (angleBetween(point, known) < TOUCH_TOLERANCE) return known;
    return point;
  };
  return [at(from), at(Math.max(from, to))];
}
