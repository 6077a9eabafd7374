/**
 * The scalar function registry: every family's table listed once. A family is a plain record of functions
 * (`Record<string, ScalarFunction>`) in its own module; a name belongs to one family (functions/index.test.ts).
 */
import { BASE64_FUNCTIONS } from './base64';
import { CATALOG_ADDITIONS } from './catalogAdditions';
import { CONVERSION_FUNCTIONS } from './conversion';
import { DATETIME_FUNCTIONS } from './datetime';
import { DYNAMIC_FUNCTIONS } from './dynamic';
import { GENERAL_FUNCTIONS } from './general';
import { GEO_FUNCTIONS } from './geo';
import { GEO_BUFFER_FUNCTIONS } from './geoBuffer';
import { GEO_CELL_FUNCTIONS } from './geoCells';
import { GEO_LINE_FUNCTIONS } from './geoLines';
import { GEO_WKT_FUNCTIONS } from './geoWkt';
import { HASH_FUNCTIONS } from './hash';
import type { ScalarFunction } from './helpers';
import { IP_FUNCTIONS } from './ip';
import { IPV4_FUNCTIONS } from './ipv4';
import { MATH_FUNCTIONS } from './math';
import { NUMBER_FUNCTIONS } from './numbers';
import { PARSING_FUNCTIONS } from './parsing';
import { SERIES_FUNCTIONS } from './series';
import { SERIES_ELEMENTWISE_FUNCTIONS } from './seriesElementwise';
import { SHA256_FUNCTIONS } from './sha256';
import { STRING_FUNCTIONS } from './string';
import { TDIGEST_FUNCTIONS } from './tdigest';
import { TEXT_FUNCTIONS } from './text';
import { TIMEZONE_FUNCTIONS } from './timezone';
import { UNIT_FUNCTIONS } from './units';

export type { CallContext, ScalarFunction } from './helpers';

/** Each family by name, as the registry lists them. */
export const FUNCTION_FAMILIES: Readonly<Record<string, Readonly<Record<string, ScalarFunction>>>> = {
  conversion: CONVERSION_FUNCTIONS,
  string: STRING_FUNCTIONS,
  text: TEXT_FUNCTIONS,
  parsing: PARSING_FUNCTIONS,
  base64: BASE64_FUNCTIONS,
  general: GENERAL_FUNCTIONS,
  numbers: NUMBER_FUNCTIONS,
  math: MATH_FUNCTIONS,
  units: UNIT_FUNCTIONS,
  datetime: DATETIME_FUNCTIONS,
  timezone: TIMEZONE_FUNCTIONS,
  dynamic: DYNAMIC_FUNCTIONS,
  series: SERIES_FUNCTIONS,
  seriesElementwise: SERIES_ELEMENTWISE_FUNCTIONS,
  tdigest: TDIGEST_FUNCTIONS,
  hash: HASH_FUNCTIONS,
  sha256: SHA256_FUNCTIONS,
  ip: IP_FUNCTIONS,
  ipv4: IPV4_FUNCTIONS,
  geo: GEO_FUNCTIONS,
  geoCells: GEO_CELL_FUNCTIONS,
  geoBuffer: GEO_BUFFER_FUNCTIONS,
  geoLines: GEO_LINE_FUNCTIONS,
  geoWkt: GEO_WKT_FUNCTIONS,
  catalogAdditions: CATALOG_ADDITIONS,
};

/** Every scalar function by its lower-case name. */
export const FUNCTIONS: Readonly<Record<string, ScalarFunction>> = Object.fromEntries(
  Object.values(FUNCTION_FAMILIES).flatMap((family) => Object.entries(family)),
);
