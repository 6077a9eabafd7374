/**
 * The union of overlapping polygons, built from their boundaries: each boundary loop is cut where it crosses the
 * other polygons, the stretches outside all of them are kept, and the stretches are chained end to start into the
 * union's loops. Kusto measures a MultiPolygon as this union. Boundaries that share a stretch (collinear edges) are
 * left out: the chaining then fails and the caller says so instead of answering.
 *
 * The vertex order of the results follows S2 (Kusto's geometry library), so that printed shapes match: every piece
 * of an input edge is numbered in the order S2BooleanOperation hands them to S2Builder (operand by operand, loop by
 * loop, edge by edge, along each edge), each result loop is
 * rotated so that the edge from the highest-numbered input edge comes last (S2Builder's CanonicalizeLoopOrder), the
 * loops are ordered by their first edge, and an array of polygons is combined as S2Polygon::DestructiveUnion does:
 * repeatedly the two with the fewest vertices.
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

/** Points just left and right of a piece's middle (about 6 mm away on Earth). */
interface Sides {
  readonly left: Vector;
  readonly right: Vector;
}

function sidesOf(from: Vector, to: Vector): Sides {
  const middle = normalize({ x: from.x + to.x, y: from.y + to.y, z: from.z + to.z });
  const normal = normalize(cross(from, to));
  const offset = (sign: number) =>
    normalize({
      x: middle.x + sign * normal.x * 1e-9,
      y: middle.y + sign * normal.y * 1e-9,
      z: middle.z + sign * normal.z * 1e-9,
    });
  return { left: offset(1), right: offset(-1) };
}

interface Stretch {
  readonly points: Vector[];
  /** The number of each piece (points.length - 1 of them). */
  readonly ids: number[];
}

/** Oriented loops (interior on the left) whose edges carry the numbers of the input edges they come from. */
export interface TaggedLoop {
  readonly points: Vector[];
  /** ids[i] numbers the piece of input edge that the edge points[i] → points[i + 1] (cyclically) comes from. */
  readonly ids: number[];
}

/** One side of a boolean operation: its oriented loops, and the S2 polygon that answers containment. */
interface Operand {
  readonly loops: Vector[][];
  readonly polygon: s2.Polygon;
}

function operandOf(polygon: s2.Polygon): Operand {
  return { loops: orientedLoops(polygon), polygon };
}

/**
 * The stretches of a closed loop that `keep` accepts (tested at each piece's middle), in order from the loop's first
 * vertex; a loop that no other boundary cuts and that is kept entirely comes back whole.
 */
function keptStretches(
  loop: Vector[],
  firstId: number,
  otherEdges: (readonly [Vector, Vector])[],
  keep: (side: Sides) => boolean,
): { whole: TaggedLoop | null; stretches: Stretch[]; count: number } {
  const pieces: { from: Vector; to: Vector; kept: boolean; cut: boolean; id: number }[] = [];
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!;
    const b = loop[(i + 1) % loop.length]!;
    const span = angleBetween(a, b);
    // Cuts within the join tolerance of an end point or of each other are the same point: dropping them keeps
    // slivers (whose sides cannot be told apart) out of the overlay.
    const cuts: number[] = [];
    for (const x of otherEdges
      .flatMap(([c, d]) => arcMeetings(a, b, c, d))
      .sort((p, q) => angleBetween(a, p) - angleBetween(a, q))) {
      if (angleBetween(a, x) < JOIN_TOLERANCE || angleBetween(x, b) < JOIN_TOLERANCE) continue;
      const t = angleBetween(a, x) / span;
      if (cuts.length > 0 && (t - cuts[cuts.length - 1]!) * span < JOIN_TOLERANCE) continue;
      cuts.push(t);
    }
    const stops = [0, ...cuts, 1];
    for (let k = 0; k + 1 < stops.length; k++) {
      const from = k === 0 ? a : alongArc(a, b, stops[k]!);
      const to = k + 2 === stops.length ? b : alongArc(a, b, stops[k + 1]!);
      pieces.push({
        from,
        to,
        kept: keep(sidesOf(from, to)),
        cut: cuts.length > 0,
        id: firstId + pieces.length,
      });
    }
  }
  if (pieces.every((p) => p.kept) && !pieces.some((p) => p.cut))
    return {
      whole: { points: loop, ids: loop.map((_, i) => firstId + i) },
      stretches: [],
      count: pieces.length,
    };
  const stretches: Stretch[] = [];
  let current: Stretch | null = null;
  for (const piece of pieces) {
    if (piece.kept) {
      if (!current) {
        current = { points: [piece.from], ids: [] };
        stretches.push(current);
      }
      current.points.push(piece.to);
      current.ids.push(piece.id);
    } else current = null;
  }
  return { whole: null, stretches, count: pieces.length };
}

function edgesOf(operands: Operand[]): (readonly [Vector, Vector])[] {
  return operands
    .flatMap((operand) => operand.loops)
    .flatMap((l) => l.map((v, i) => [v, l[(i + 1) % l.length]!] as const));
}

function sameStretch(a: Stretch, b: Stretch): boolean {
  return (
    a.points.length === b.points.length &&
    a.points.every((p, i) => angleBetween(p, b.points[i]!) < JOIN_TOLERANCE)
  );
}

/** Chains stretches end to start into closed loops (each without its closing vertex). */
function chain(stretches: Stretch[]): TaggedLoop[] {
  const loops: TaggedLoop[] = [];
  const used = new Set<Stretch>();
  // Polygons that share a boundary stretch in the same direction contribute it twice: keep it once.
  for (const [i, stretch] of stretches.entries())
    if (stretches.slice(0, i).some((other) => sameStretch(other, stretch))) used.add(stretch);
  for (const first of stretches) {
    if (used.has(first)) continue;
    const loop: TaggedLoop = { points: [], ids: [] };
    let stretch = first;
    for (;;) {
      used.add(stretch);
      loop.points.push(...stretch.points.slice(0, -1));
      loop.ids.push(...stretch.ids);
      const end = stretch.points[stretch.points.length - 1]!;
      if (angleBetween(end, first.points[0]!) < JOIN_TOLERANCE && loop.points.length > 2) break;
      const next = stretches.find((s) => !used.has(s) && angleBetween(s.points[0]!, end) < JOIN_TOLERANCE);
      if (!next)
        throw new Error('not supported yet: combining polygons whose boundaries overlap along a stretch');
      stretch = next;
    }
    loops.push(loop);
  }
  return loops;
}

/**
 * S2Builder's CanonicalizeLoopOrder: the loop rotated so that its highest-numbered edge comes last (of equal
 * numbers in a row, the last of them).
 */
export function canonicalLoop(loop: TaggedLoop): TaggedLoop {
  const { points, ids } = loop;
  let last = 0;
  let sawGap = false;
  for (let i = 1; i < ids.length; i++) {
    const cmp = ids[i]! - ids[last]!;
    if (cmp < 0) sawGap = true;
    else if (cmp > 0 || !sawGap) {
      last = i;
      sawGap = false;
    }
  }
  const start = (last + 1) % ids.length;
  return {
    points: [...points.slice(start), ...points.slice(0, start)],
    ids: [...ids.slice(start), ...ids.slice(0, start)],
  };
}

/** Loops (interior on the left) of the region kept from the operands' boundaries, in S2's order. */
function overlay(operands: Operand[], keepFor: (owner: number) => (side: Sides) => boolean): TaggedLoop[] {
  const whole: TaggedLoop[] = [];
  const stretches: Stretch[] = [];
  let nextId = 0;
  operands.forEach((operand, i) => {
    const otherEdges = edgesOf(operands.filter((_, j) => j !== i));
    for (const loop of operand.loops) {
      const result = keptStretches(loop, nextId, otherEdges, keepFor(i));
      nextId += result.count;
      if (result.whole) whole.push(result.whole);
      stretches.push(...result.stretches);
    }
  });
  return [...chain(stretches), ...whole].map(canonicalLoop).sort((a, b) => a.ids[0]! - b.ids[0]!);
}

function polygonOfLoops(loops: Vector[][]): s2.Polygon {
  const s2Loops = loops.map((vertices) => {
    const loop = new s2.Loop(vertices.map(toPoint));
    loop.normalize();
    return loop;
  });
  const polygon = new s2.Polygon(s2Loops);
  if (polygon.validate() !== null) throw new Error('not supported yet: combining these polygons');
  return polygon;
}

/**
 * A piece of an operand's boundary bounds the union when the side away from its operand lies in no other operand;
 * testing that side (not the piece itself) also drops edges shared by two polygons of a tiling.
 */
const outsideAll = (operands: Operand[]) => (owner: number) => (side: Sides) =>
  operands.every((operand, j) => j === owner || !operand.polygon.containsPoint(toPoint(side.right)));

function unionOperands(operands: Operand[]): Vector[][] {
  return overlay(operands, outsideAll(operands)).map((loop) => loop.points);
}

function vertexCount(polygon: s2.Polygon): number {
  let count = 0;
  for (let k = 0; k < polygon.numLoops(); k++) count += polygon.loop(k).numVertices();
  return count;
}

/**
 * The union of several polygons as S2Polygon::DestructiveUnion forms it: the two with the fewest vertices are
 * combined first (ties in the order given), the result counting the sum of their vertices, until one is left.
 */
export function destructiveUnionLoops(polygons: s2.Polygon[]): Vector[][] {
  const queue = polygons
    .map((polygon) => ({ size: vertexCount(polygon), operand: operandOf(polygon) }))
    .sort((a, b) => a.size - b.size);
  while (queue.length > 1) {
    const a = queue.shift()!;
    const b = queue.shift()!;
    const loops = unionOperands([a.operand, b.operand]);
    const merged = { size: a.size + b.size, operand: { loops, polygon: polygonOfLoops(loops) } };
    const at = queue.findIndex((entry) => entry.size > merged.size);
    queue.splice(at < 0 ? queue.length : at, 0, merged);
  }
  return queue[0]?.operand.loops ?? [];
}

/** The union of the polygons as oriented loops (interior on the left). */
export function unionLoops(polygons: s2.Polygon[]): Vector[][] {
  return unionOperands(polygons.map(operandOf));
}

/** The union of the polygons as one S2 polygon; throws when the boundaries cannot be chained into loops. */
export function unionOf(polygons: s2.Polygon[]): s2.Polygon {
  return polygonOfLoops(unionLoops(polygons));
}

/** The intersection of two polygons as oriented loops (interior on the left). */
export function intersectionLoops(a: s2.Polygon, b: s2.Polygon): Vector[][] {
  const pair = [operandOf(a), operandOf(b)];
  return overlay(pair, (owner) => (side) => pair[1 - owner]!.polygon.containsPoint(toPoint(side.left))).map(
    (loop) => loop.points,
  );
}

/** Several polygons as one S2 polygon (their union when they overlap). */
export function mergedPolygon(polygons: s2.Polygon[]): s2.Polygon {
  if (polygons.length === 1) return polygons[0]!;
  if (anyOverlap(polygons)) return unionOf(polygons);
  const loops: s2.Loop[] = [];
  for (const polygon of polygons)
    for (let k = 0; k < polygon.numLoops(); k++) loops.push(s2.Loop.fromLoop(polygon.loop(k)));
  return new s2.Polygon(loops);
}

/**
 * Oriented loops as GeoJSON: loops whose left side is the smaller region are shells (counterclockwise), the others
 * holes (clockwise) placed in the shell that contains them. One shell gives a Polygon, several a MultiPolygon.
 */
export function loopsToGeoJson(loops: Vector[][], coordinatesOf: (v: Vector) => [number, number]): unknown {
  const isShell = (loop: Vector[]) => new s2.Loop(loop.map(toPoint)).area() <= 2 * Math.PI;
  const shells = loops
    .filter(isShell)
    .map((loop) => ({ loop, s2Loop: new s2.Loop(loop.map(toPoint)), holes: [] as Vector[][] }));
  for (const hole of loops.filter((loop) => !isShell(loop))) {
    const owner = shells.find((shell) => shell.s2Loop.containsPoint(toPoint(hole[0]!))) ?? shells[0];
    owner?.holes.push(hole);
  }
  const ring = (loop: Vector[]) => [...loop, loop[0]!].map(coordinatesOf);
  const polygons = shells.map((shell) => [ring(shell.loop), ...shell.holes.map(ring)]);
  if (polygons.length === 0) return { type: 'GeometryCollection', geometries: [] };
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Whether any two of the polygons overlap (so that their union differs from their sum). */
export function anyOverlap(polygons: s2.Polygon[]): boolean {
  for (let i = 0; i < polygons.length; i++)
    for (let j = i + 1; j < polygons.length; j++) if (polygons[i]!.intersects(polygons[j]!)) return true;
  return false;
}
