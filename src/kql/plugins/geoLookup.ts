/**
 * `geo_polygon_lookup(LookupTable, PolygonColumn, Longitude, Latitude [, radius [, return_unmatched]])` and
 * `geo_line_lookup(LookupTable, LineColumn, Longitude, Latitude, radius [, return_unmatched])`: each input point
 * joined to every lookup row whose polygon holds it (or lies within radius meters of it) or whose line lies within
 * radius meters of it, by the engine's geo_point_in_polygon, geo_distance_point_to_polygon and
 * geo_distance_point_to_line. Points without a match are dropped, or kept with empty lookup columns when
 * return_unmatched is true. Output: the input's columns, then the lookup table's but the shape column.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { FUNCTIONS, type CallContext } from '../functions';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { columnArgument } from './patterns';
import { tableOf } from './tables';

const CONTEXT: CallContext = { argTypes: [], resultType: 'real', nowTicks: 0n };

export function geoLookup(shape: 'polygon' | 'line') {
  const name = `geo_${shape}_lookup`;
  return ({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table => {
    const lookupArg = args[0];
    if (!lookupArg || lookupArg.kind !== 'tabularList' || args.length < (shape === 'line' ? 5 : 4))
      throw new EngineError(
        'KQL_PLUGIN_ARGS',
        `${name} expects (LookupTable, ${shape === 'line' ? 'LineColumn' : 'PolygonColumn'}, Longitude, Latitude${shape === 'line' ? ', radius' : ''} [, ...]).`,
        span,
      );
    const lookup = api.run(lookupArg.query);
    const keyName = columnArgument(args[1]!, name, `the ${shape} column`, span);
    const keyColumn = lookup.columns.find((c) => c.name === keyName);
    if (!keyColumn)
      throw new EngineError('KQL_PLUGIN_ARGS', `${name}: the lookup table has no column '${keyName}'.`, span);
    const longitude = api.compile(args[2]!, input);
    const latitude = api.compile(args[3]!, input);
    const radiusValue = args[4] ? api.constant(args[4]) : null;
    const radius = radiusValue === null || radiusValue === undefined ? 0 : Number(radiusValue);
    const returnUnmatched = args[5] ? api.constant(args[5]) === true : false;
    const inside = FUNCTIONS['geo_point_in_polygon']!;
    const toPolygon = FUNCTIONS['geo_distance_point_to_polygon']!;
    const toLine = FUNCTIONS['geo_distance_point_to_line']!;
    const matches = (lng: unknown, lat: unknown, geometry: unknown): boolean => {
      if (shape === 'line') {
        const distance = toLine([lng, lat, geometry], CONTEXT);
        return typeof distance === 'number' && distance <= radius;
      }
      if (inside([lng, lat, geometry], CONTEXT) === true) return true;
      if (radius <= 0) return false;
      const distance = toPolygon([lng, lat, geometry], CONTEXT);
      return typeof distance === 'number' && distance <= radius;
    };
    const inputRows: number[] = [];
    const lookupRows: (number | null)[] = [];
    for (let row = 0; row < input.length; row++) {
      api.check(span);
      const lng = longitude(row);
      const lat = latitude(row);
      let matched = false;
      for (let candidate = 0; candidate < lookup.length; candidate++) {
        if (!matches(lng, lat, keyColumn.values[candidate])) continue;
        inputRows.push(row);
        lookupRows.push(candidate);
        matched = true;
      }
      if (!matched && returnUnmatched) {
        inputRows.push(row);
        lookupRows.push(null);
      }
    }
    const columns: { name: string; type: KustoType; values: unknown[] }[] = [
      ...input.columns.map((c) => ({
        name: c.name,
        type: c.type,
        values: inputRows.map((r) => c.values[r]),
      })),
      // Kusto.Language's schema leaves the shape column out.
      ...lookup.columns
        .filter((c) => c.name !== keyName)
        .map((c) => ({
          name: c.name,
          type: c.type,
          values: lookupRows.map((r) => (r === null ? null : c.values[r])),
        })),
    ];
    const named = schema && schema.length === columns.length ? schema : undefined;
    return tableOf(columns.map((c, i) => ({ ...c, name: named?.[i]!.name ?? c.name })));
  };
}
