/**
 * geo_from_wkt: Well-known text to GeoJSON. Points, lines, polygons, their Multi* forms and geometry collections in
 * two dimensions; anything else (Z/M coordinates, EMPTY, malformed text, coordinates off the globe) gives null, as
 * Kusto documents for invalid or unsupported input.
 */
import { str, type ScalarFunction } from './helpers';

type Position = [number, number];

class WktReader {
  private at = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  peek(): string {
    this.skipSpace();
    return this.text[this.at] ?? '';
  }

  expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected '${char}'`);
    this.at++;
  }

  word(): string {
    this.skipSpace();
    const match = /^[A-Za-z]+/.exec(this.text.slice(this.at));
    if (!match) throw new Error('expected a geometry type');
    this.at += match[0].length;
    return match[0].toUpperCase();
  }

  number(): number {
    this.skipSpace();
    const match = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (!match) throw new Error('expected a number');
    this.at += match[0].length;
    return Number(match[0]);
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.at >= this.text.length;
  }

  /** `x y` with longitude in [-180, 180] and latitude in [-90, 90]. */
  position(): Position {
    const lng = this.number();
    const lat = this.number();
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) throw new Error('coordinate off the globe');
    return [lng, lat];
  }

  /** `( item, item, ... )` */
  list<T>(item: () => T): T[] {
    this.expect('(');
    const items = [item()];
    while (this.peek() === ',') {
      this.at++;
      items.push(item());
    }
    this.expect(')');
    return items;
  }

  /** A MULTIPOINT member: `x y` or `(x y)`. */
  pointMember(): Position {
    if (this.peek() !== '(') return this.position();
    this.expect('(');
    const p = this.position();
    this.expect(')');
    return p;
  }

  geometry(): unknown {
    const type = this.word();
    const positions = () => this.list(() => this.position());
    switch (type) {
      case 'POINT': {
        this.expect('(');
        const coordinates = this.position();
        this.expect(')');
        return { type: 'Point', coordinates };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: positions() };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: this.list(positions) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: this.list(() => this.pointMember()) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: this.list(positions) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: this.list(() => this.list(positions)) };
      case 'GEOMETRYCOLLECTION':
        return { type: 'GeometryCollection', geometries: this.list(() => this.geometry()) };
      default:
        throw new Error(`unsupported geometry type ${type}`);
    }
  }
}

export function parseWkt(text: string): unknown {
  try {
    const reader = new WktReader(text);
    const geometry = reader.geometry();
    return reader.atEnd() ? geometry : null;
  } catch {
    return null;
  }
}

export const GEO_WKT_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_from_wkt: ([value]) => parseWkt(str(value)),
};
