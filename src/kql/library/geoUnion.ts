/**
 * The union of overlapping polygons, built from their boundaries: each boundary loop is cut where it crosses the
 * other polygons, the stretches outside all of them are kept, and the stretches are chained end to start into the
 * union's loops. Kusto measures a MultiPolygon as this union. Boundaries that share a stretch (collinear edges) are
 * left out: the chaining then fails and the caller says so instead of answering.
 */
import { s2 } from 's2js';
import { alongArc, angleBetween, arcMeetings, cross, normalize, type Vector } from './sphere';

/** Junctions closer than this (radians, about 0.6 mm on Earth) are the same point. */
const JOIN_TOLERANCE = 1e-10;

const toPoint = (v: Vector) => s2.Point.fromCoords(v.x, v.y, v.z);

/** A polygon's loops, each ordered so that the polygon's interior lies on its left. */
function orientedLoops(polygon: s2.Polygon): Vector[][] {
  const loops: Vector[][] = [];
  for (let k = 0; k < polygon.numLoops(); k++) {
    const loop = polygon.loop(k);
    const vertices: Vector[] = [];
    for (let i = 0; i < loop.numVertices(); i++) vertices.push(loop.vertex(i));
    const [a, b] = [vertices[0]!, vertices[1]!];
    // A point just left of the first edge's middle: inside the polygon when the loop is oriented as wanted.
    const middle = normalize({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });
    const left = normalize(cross(a, b));
    const probe = normalize({
      x: middle.x + left.x * 1e-9,
      y: middle.y + left.y * 1e-9,
      z: middle.z + left.z * 1e-9,
    });
    loops.push(polygon.containsPoint(toPoint(probe)) ? vertices : vertices.slice().reverse());
  }
  return loops;
}

interface Stretch {
  readonly points: Vector[];
}

/** The stretches of a closed loop outside every polygon in `others`; a loop untouched by them stays whole. */
function outsideStretches(
  loop: Vector[],
  others: s2.Polygon[],
): { whole: Vector[] | null; stretches: Stretch[] } {
  const edges = others
    .flatMap(orientedLoops)
    .flatMap((l) => l.map((v, i) => [v, l[(i + 1) % l.length]!] as const));
  const outside = (v: Vector) => !others.some((polygon) => polygon.containsPoint(toPoint(v)));
  // Sub-segments of the loop in order: [from, to, outside?].
  const pieces: { from: Vector; to: Vector; out: boolean; cutAtStart: boolean }[] = [];
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!;
    const b = loop[(i + 1) % loop.length]!;
    const span = angleBetween(a, b);
    const cuts = [
      ...new Set(
        edges
          .flatMap(([c, d]) => arcMeetings(a, b, c, d))
          .map((x) => angleBetween(a, x) / span)
          .filter((t) => t > 1e-12 && t < 1 - 1e-12),
      ),
    ].sort((x, y) => x - y);
    const stops = [0, ...cuts, 1];
    for (let k = 0; k + 1 < stops.length; k++) {
      const from = k === 0 ? a : alongArc(a, b, stops[k]!);
      const to = k + 2 === stops.length ? b : alongArc(a, b, stops[k + 1]!);
      pieces.push({
        from,
        to,
        out: outside(alongArc(a, b, (stops[k]! + stops[k + 1]!) / 2)),
        cutAtStart: k > 0,
      });
    }
  }
  if (pieces.every((p) => p.out) && !pieces.some((p) => p.cutAtStart)) return { whole: loop, stretches: [] };
  if (pieces.every((p) => !p.out)) return { whole: null, stretches: [] };
  // Start at an outside piece that follows an inside one, so every stretch is contiguous.
  const start = pieces.findIndex((p, i) => p.out && !pieces[(i + pieces.length - 1) % pieces.length]!.out);
  const stretches: Stretch[] = [];
  let current: Vector[] | null = null;
  for (let n = 0; n < pieces.length; n++) {
    const piece = pieces[(start + n) % pieces.length]!;
    if (piece.out) {
      if (!current) {
        current = [piece.from];
        stretches.push({ points: current });
      }
      current.push(piece.to);
    } else current = null;
  }
  return { whole: null, stretches };
}

/** The union of the polygons as one S2 polygon; throws when the boundaries cannot be chained into loops. */
export function unionOf(polygons: s2.Polygon[]): s2.Polygon {
  const loops: Vector[][] = [];
  const stretches: Stretch[] = [];
  polygons.forEach((polygon, i) => {
    const others = polygons.filter((_, j) => j !== i);
    for (const loop of orientedLoops(polygon)) {
      const result = outsideStretches(loop, others);
      if (result.whole) loops.push(result.whole);
      stretches.push(...result.stretches);
    }
  });
  const used = new Set<Stretch>();
  for (const first of stretches) {
    if (used.has(first)) continue;
    const loop: Vector[] = [];
    let stretch = first;
    for (;;) {
      used.add(stretch);
      loop.push(...stretch.points.slice(0, -1));
      const end = stretch.points[stretch.points.length - 1]!;
      if (angleBetween(end, first.points[0]!) < JOIN_TOLERANCE && loop.length > 2) break;
      const next = stretches.find((s) => !used.has(s) && angleBetween(s.points[0]!, end) < JOIN_TOLERANCE);
      if (!next) throw new Error('not supported yet: the union of polygons whose boundaries overlap');
      stretch = next;
    }
    loops.push(loop);
  }
  const s2Loops = loops.map((vertices) => {
    const loop = new s2.Loop(vertices.map(toPoint));
    loop.normalize();
    return loop;
  });
  const union = new s2.Polygon(s2Loops);
  if (union.validate() !== null) throw new Error('not supported yet: the union of these polygons');
  return union;
}

/** Whether any two of the polygons overlap (so that their union differs from their sum). */
export function anyOverlap(polygons: s2.Polygon[]): boolean {
  for (let i = 0; i < polygons.length; i++)
    for (let j = i + 1; j < polygons.length; j++) if (polygons[i]!.intersects(polygons[j]!)) return true;
  return false;
}
