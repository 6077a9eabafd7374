/**
 * Geospatial grids: geohash (ngeohash), H3 (h3-js) and S2 cells (s2js). Invalid coordinates, tokens or levels give
 * "" for functions returning a token and null otherwise, as in Kusto.
 */
import geohash from 'ngeohash';
import * as h3 from 'h3-js';
import { s2 } from 's2js';
import { str, toLong, toNumber, type ScalarFunction, isNull } from './helpers';
import {
  coordinate,
  EARTH_RADIUS_METERS,
  geometryOf,
  geoJsonPoint,
  polygonsOf,
  polylinesOf,
} from './geoShapes';

const DEGREES = 180 / Math.PI;

/** An integer argument within [min, max], the default when it is absent; null when given but out of range. */
function levelArg(value: unknown, fallback: number, min: number, max: number, given: boolean): number | null {
  if (!given) return fallback;
  const level = isNull(value) ? null : toLong(value);
  return level === null || level < min || level > max ? null : level;
}

function closedRing(corners: [number, number][]): [number, number][] {
  return [...corners, corners[0]!];
}

// ---------- geohash ----------

const GEOHASH = /^[0-9b-hjkmnp-z]{1,18}$/;

function validGeohash(value: unknown): string | null {
  const text = str(value);
  return GEOHASH.test(text) ? text : null;
}

/**
 * ngeohash lists neighbours as [n, ne, e, se, s, sw, w, nw]; Kusto's documented output lists them as
 * [sw, nw, se, n, w, ne, e, s]. Kusto does not define the order; we follow its example.
 */
const KUSTO_NEIGHBOR_ORDER = [5, 7, 3, 0, 6, 1, 2, 4];

// ---------- H3 ----------

function validH3(value: unknown): string | null {
  const text = str(value);
  return text !== '' && h3.isValidCell(text) ? text : null;
}

/** Kusto's limit on the H3 cells of one polygon. */
const MAX_H3_POLYGON_CELLS = 61_680;

/**
 * The level-`res` H3 cells whose centres lie in the polygons (h3's polygonToCells: edges are straight lines in
 * longitude/latitude, as Kusto documents), or null past Kusto's limit. The count is estimated from the area first,
 * so a fine resolution over a large polygon is refused before any cell is enumerated.
 */
function h3CellsOfPolygons(shape: unknown, polygons: s2.Polygon[], res: number): string[] | null {
  const area = polygons.reduce((sum, polygon) => sum + polygon.area(), 0) * EARTH_RADIUS_METERS ** 2;
  if (area / h3.getHexagonAreaAvg(res, 'm2') > 2 * MAX_H3_POLYGON_CELLS) return null;
  const geometry = geometryOf(shape)!;
  const parts = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  const cells = new Set<string>();
  for (const rings of parts) {
    for (const cell of h3.polygonToCells(rings, res, true)) cells.add(cell);
    if (cells.size > MAX_H3_POLYGON_CELLS) return null;
  }
  return [...cells];
}

// ---------- S2 ----------

function validS2(value: unknown): bigint | null {
  const text = str(value);
  if (!/^[0-9a-f]{1,16}$/i.test(text)) return null;
  const id = s2.cellid.fromToken(text);
  return s2.cellid.valid(id) ? id : null;
}

function lngLat(point: s2.Point): [number, number] {
  const ll = s2.LatLng.fromPoint(point);
  return [ll.lng * DEGREES, ll.lat * DEGREES];
}

/**
 * S2's AllNeighbors lists the eight same-level neighbours by (i, j) offset as (-1,-1), (+1,-1), (0,-1), (0,+1),
 * (-1,0), (+1,0), (-1,+1), (+1,+1). Kusto does not document its order; its example (89c259) lists the same cells as
 * (+1,+1), (-1,-1), (+1,-1), (0,-1), (0,+1), (+1,0), (-1,0), (-1,+1), and we follow it.
 */
const KUSTO_S2_NEIGHBOR_ORDER = [7, 0, 1, 2, 3, 5, 4, 6];

/** Kusto's limit on the tokens covering one shape. */
const MAX_COVERING_CELLS = 65_536;

/**
 * Tokens of the level-`level` S2 cells covering the regions, or null past Kusto's limit. The size is estimated from
 * area and boundary length first, so a fine level over a large shape is refused before any cell is enumerated.
 */
function coveringTokens(
  regions: (s2.Polygon | s2.Polyline)[],
  level: number,
  areaOf: (region: s2.Polygon | s2.Polyline) => number,
  boundaryOf: (region: s2.Polygon | s2.Polyline) => number,
): string[] | null {
  const cellArea = (4 * Math.PI) / (6 * 4 ** level);
  const cellEdge = Math.sqrt(cellArea);
  const tokens = new Set<string>();
  for (const region of regions) {
    const estimate = areaOf(region) / cellArea + (2 * boundaryOf(region)) / cellEdge;
    if (estimate > 4 * MAX_COVERING_CELLS) return null;
    const covering = new s2.RegionCoverer({
      minLevel: level,
      maxLevel: level,
      maxCells: MAX_COVERING_CELLS,
    }).covering(region);
    if (covering.length > MAX_COVERING_CELLS) return null;
    for (const id of covering) tokens.add(s2.cellid.toToken(id));
  }
  return [...tokens];
}

function polygonBoundary(polygon: s2.Polygon): number {
  let total = 0;
  for (let k = 0; k < polygon.numLoops(); k++) {
    const loop = polygon.loop(k);
    const n = loop.numVertices();
    for (let i = 0; i < n; i++) total += loop.vertex(i).distance(loop.vertex((i + 1) % n));
  }
  return total;
}

function noBuffer(radius: unknown, name: string): void {
  if (!isNull(radius) && (toLong(radius) ?? 0) !== 0)
    throw new Error(`not supported yet: ${name}() with a buffer radius`);
}

export const GEO_CELL_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_point_to_geohash: (args) => {
    const [lng, lat, accuracy] = args;
    const p = coordinate(lng, lat);
    const chars = levelArg(accuracy, 5, 1, 18, args.length > 2);
    return p && chars !== null ? geohash.encode(p.lat, p.lng, chars) : '';
  },
  geo_geohash_to_central_point: ([value]) => {
    const hash = validGeohash(value);
    if (!hash) return null;
    const { latitude, longitude } = geohash.decode(hash);
    return geoJsonPoint(longitude, latitude);
  },
  geo_geohash_to_polygon: ([value]) => {
    const hash = validGeohash(value);
    if (!hash) return null;
    const [minLat, minLng, maxLat, maxLng] = geohash.decode_bbox(hash);
    return {
      type: 'Polygon',
      coordinates: [
        closedRing([
          [minLng, minLat],
          [maxLng, minLat],
          [maxLng, maxLat],
          [minLng, maxLat],
        ]),
      ],
    };
  },
  geo_geohash_neighbors: ([value]) => {
    const hash = validGeohash(value);
    if (!hash) return null;
    const neighbors = geohash.neighbors(hash);
    return KUSTO_NEIGHBOR_ORDER.map((index) => neighbors[index]!);
  },

  geo_point_to_h3cell: (args) => {
    const [lng, lat, resolution] = args;
    const p = coordinate(lng, lat);
    const res = levelArg(resolution, 6, 0, 15, args.length > 2);
    return p && res !== null ? h3.latLngToCell(p.lat, p.lng, res) : '';
  },
  geo_h3cell_to_central_point: ([value]) => {
    const cell = validH3(value);
    if (!cell) return null;
    const [lat, lng] = h3.cellToLatLng(cell);
    return geoJsonPoint(lng, lat);
  },
  geo_h3cell_to_polygon: ([value]) => {
    const cell = validH3(value);
    return cell ? { type: 'Polygon', coordinates: [h3.cellToBoundary(cell, true)] } : null;
  },
  geo_h3cell_level: ([value]) => {
    const cell = validH3(value);
    return cell ? h3.getResolution(cell) : null;
  },
  geo_h3cell_parent: (args) => {
    const cell = validH3(args[0]);
    if (!cell) return '';
    const level = h3.getResolution(cell);
    const res = levelArg(args[1], level - 1, 0, 15, args.length > 1);
    return res !== null && res >= 0 && res <= level ? h3.cellToParent(cell, res) : '';
  },
  geo_h3cell_children: (args) => {
    const cell = validH3(args[0]);
    if (!cell) return null;
    const level = h3.getResolution(cell);
    const res = levelArg(args[1], level + 1, 1, 15, args.length > 1);
    // Kusto caps the depth at five levels (at most 16,807 children).
    if (res === null || res < level || res - level > 5) return null;
    return h3.cellToChildren(cell, res);
  },
  geo_h3cell_neighbors: ([value]) => {
    const cell = validH3(value);
    return cell ? (h3.gridDiskDistances(cell, 1)[1] ?? []) : null;
  },
  geo_h3cell_rings: ([value, distance]) => {
    const cell = validH3(value);
    const k = isNull(distance) ? null : toLong(distance);
    if (!cell || k === null || k < 0 || k > 142) return null;
    return h3.gridDiskDistances(cell, k);
  },

  geo_polygon_to_h3cells: (args) => {
    const [shape, resolution, radius] = args;
    const polygons = polygonsOf(shape);
    const res = levelArg(resolution, 6, 0, 15, args.length > 1);
    const bufferRadius = args.length > 2 ? toNumber(radius) : 0;
    if (!polygons || res === null || bufferRadius === null || !(bufferRadius >= 0)) return null;
    noBuffer(bufferRadius, 'geo_polygon_to_h3cells');
    return h3CellsOfPolygons(shape, polygons, res);
  },

  geo_point_to_s2cell: (args) => {
    const [lng, lat, levelValue] = args;
    const p = coordinate(lng, lat);
    const level = levelArg(levelValue, 11, 0, 30, args.length > 2);
    if (!p || level === null) return '';
    const leaf = s2.cellid.fromLatLng(s2.LatLng.fromDegrees(p.lat, p.lng));
    return s2.cellid.toToken(s2.cellid.parent(leaf, level));
  },
  geo_s2cell_to_central_point: ([value]) => {
    const id = validS2(value);
    if (id === null) return null;
    const [lng, lat] = lngLat(s2.cellid.point(id));
    return geoJsonPoint(lng, lat);
  },
  geo_s2cell_to_polygon: ([value]) => {
    const id = validS2(value);
    if (id === null) return null;
    const cell = s2.Cell.fromCellID(id);
    return { type: 'Polygon', coordinates: [closedRing([0, 1, 2, 3].map((k) => lngLat(cell.vertex(k))))] };
  },
  geo_polygon_to_s2cells: (args) => {
    const [shape, levelValue, radius] = args;
    noBuffer(radius, 'geo_polygon_to_s2cells');
    const polygons = polygonsOf(shape);
    const level = levelArg(levelValue, 11, 0, 30, args.length > 1);
    if (!polygons || level === null) return null;
    return coveringTokens(
      polygons,
      level,
      (p) => (p as s2.Polygon).area(),
      (p) => polygonBoundary(p as s2.Polygon),
    );
  },
  geo_line_to_s2cells: (args) => {
    const [shape, levelValue, radius] = args;
    noBuffer(radius, 'geo_line_to_s2cells');
    const lines = polylinesOf(shape);
    const level = levelArg(levelValue, 11, 0, 30, args.length > 1);
    if (!lines || level === null) return null;
    return coveringTokens(
      lines,
      level,
      () => 0,
      (line) => (line as s2.Polyline).length(),
    );
  },
  geo_s2cell_neighbors: ([value]) => {
    const id = validS2(value);
    if (id === null) return null;
    const neighbors = s2.cellid.allNeighbors(id, s2.cellid.level(id)).map(s2.cellid.toToken);
    return neighbors.length === KUSTO_S2_NEIGHBOR_ORDER.length
      ? KUSTO_S2_NEIGHBOR_ORDER.map((index) => neighbors[index]!)
      : neighbors;
  },
};
