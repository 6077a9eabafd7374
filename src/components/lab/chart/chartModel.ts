import type { ChartSpec, KustoType, ResultColumn, WireValue } from '../../../kql/types';
import { formatCell, isNumericType, numericKey } from '../grid/values';

/** The `render` visualizations the lab draws; `table` shows the grid. */
export const CHART_KINDS = [
  'timechart',
  'linechart',
  'areachart',
  'columnchart',
  'barchart',
  'piechart',
  'scatterchart',
  'card',
  'table',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export type Stacking = 'none' | 'stacked' | 'stacked100';
export type XAxisKind = 'time' | 'value' | 'category';

export interface ChartSeries {
  readonly name: string;
  /** x is epoch milliseconds (time), a number (value) or a label (category). */
  readonly points: readonly (readonly [x: number | string, y: number | null])[];
}

export interface XYChart {
  readonly kind: 'timechart' | 'linechart' | 'areachart' | 'columnchart' | 'barchart' | 'scatterchart';
  readonly title?: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xAxis: XAxisKind;
  readonly stacking: Stacking;
  readonly legend: boolean;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly yLog: boolean;
  readonly series: readonly ChartSeries[];
}

export interface PieChart {
  readonly kind: 'piechart';
  readonly title?: string;
  readonly legend: boolean;
  readonly slices: readonly { readonly name: string; readonly value: number }[];
}

export interface CardChart {
  readonly kind: 'card';
  readonly title: string;
  readonly text: string;
}

export type ChartModel = XYChart | PieChart | CardChart | { readonly kind: 'table' };

export type ChartBuild =
  { readonly ok: true; readonly chart: ChartModel } | { readonly ok: false; readonly message: string };

/** More series than this is unreadable and slow; Kusto's own UI also caps it. */
export const MAX_SERIES = 100;

function stringProperty(spec: ChartSpec, name: string): string | undefined {
  const value = spec.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function listProperty(spec: ChartSpec, name: string): string[] | undefined {
  const value = spec.properties[name];
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : String(value).split(',');
  const names = items.map((item) => String(item).trim()).filter((item) => item !== '');
  return names.length > 0 ? names : undefined;
}

function numberProperty(spec: ChartSpec, name: string): number | undefined {
  const value = spec.properties[name];
  if (value === undefined || value === null || Array.isArray(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function stackingOf(spec: ChartSpec): Stacking {
  const kind = stringProperty(spec, 'kind')?.toLowerCase();
  if (kind === 'stacked') return 'stacked';
  if (kind === 'stacked100') return 'stacked100';
  return 'none';
}

function findColumns(
  columns: readonly ResultColumn[],
  names: readonly string[],
): { indexes: number[]; missing?: string } {
  const indexes: number[] = [];
  for (const name of names) {
    const index = columns.findIndex((column) => column.name === name);
    if (index < 0) return { indexes, missing: name };
    indexes.push(index);
  }
  return { indexes };
}

const isSeriesType = (type: KustoType) =>
  type === 'string' || type === 'guid' || type === 'bool' || type === 'dynamic';

/**
 * Turns a result and its `render` spec into what to draw, following Kusto's data model: an x column (`xcolumn`),
 * series columns (`series`) whose combined values name each series, and y columns (`ycolumns`), each a measure per
 * row. Properties the query leaves out are guessed as Kusto's UI guesses them: x is the first datetime column of a
 * timechart and the first column otherwise; y is every numeric column; series is every other string column.
 */
export function buildChart(
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  spec: ChartSpec,
): ChartBuild {
  const kind = spec.kind.toLowerCase();
  if (!(CHART_KINDS as readonly string[]).includes(kind)) {
    return {
      ok: false,
      message: `render ${spec.kind} is not supported in this lab yet; the result is shown as a table.`,
    };
  }
  if (kind === 'table') return { ok: true, chart: { kind: 'table' } };
  if (columns.length === 0) return { ok: false, message: 'The result has no columns to chart.' };

  const title = stringProperty(spec, 'title');
  const legend = stringProperty(spec, 'legend')?.toLowerCase() !== 'hidden';

  const yNames = listProperty(spec, 'ycolumns');
  const seriesNames = listProperty(spec, 'series');
  const xName = stringProperty(spec, 'xcolumn');
  for (const [property, names] of [
    ['ycolumns', yNames],
    ['series', seriesNames],
    ['xcolumn', xName === undefined ? undefined : [xName]],
  ] as const) {
    if (!names) continue;
    const { missing } = findColumns(columns, names);
    if (missing !== undefined) {
      return {
        ok: false,
        message: `render ${kind}: ${property} names ${missing}, which is not a column of the result.`,
      };
    }
  }

  if (kind === 'card') return buildCard(columns, rows, title, yNames);
  if (kind === 'piechart') return buildPie(columns, rows, title, legend, xName, yNames, seriesNames);
  return buildXY(kind as XYChart['kind'], columns, rows, spec, title, legend, xName, yNames, seriesNames);
}

function buildCard(
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  title: string | undefined,
  yNames: string[] | undefined,
): ChartBuild {
  const index = yNames ? findColumns(columns, yNames).indexes[0]! : 0;
  const column = columns[index]!;
  const first = rows[0];
  if (!first) return { ok: false, message: 'render card: the result has no rows.' };
  return {
    ok: true,
    chart: { kind: 'card', title: title ?? column.name, text: formatCell(first[index] ?? null, column.type) },
  };
}

function buildPie(
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  title: string | undefined,
  legend: boolean,
  xName: string | undefined,
  yNames: string[] | undefined,
  seriesNames: string[] | undefined,
): ChartBuild {
  const valueIndex = yNames
    ? findColumns(columns, yNames).indexes[0]!
    : columns.findIndex((column) => isNumericType(column.type));
  if (valueIndex < 0)
    return { ok: false, message: 'render piechart needs a numeric column for the slice sizes.' };
  const labelIndexes = seriesNames
    ? findColumns(columns, seriesNames).indexes
    : xName
      ? findColumns(columns, [xName]).indexes
      : [columns.findIndex((_, index) => index !== valueIndex)].filter((index) => index >= 0);

  const totals = new Map<string, number>();
  for (const row of rows) {
    const value = numericKey(row[valueIndex] ?? null, columns[valueIndex]!.type);
    if (!Number.isFinite(value)) continue;
    const name = labelIndexes.map((index) => formatCell(row[index] ?? null, columns[index]!.type)).join(', ');
    totals.set(name, (totals.get(name) ?? 0) + value);
  }
  if (totals.size > MAX_SERIES) {
    return {
      ok: false,
      message: `render piechart: ${totals.size} slices is more than ${MAX_SERIES}; summarize first.`,
    };
  }
  const slices = [...totals].map(([name, value]) => ({ name, value }));
  return { ok: true, chart: { kind: 'piechart', ...(title ? { title } : {}), legend, slices } };
}

function buildXY(
  kind: XYChart['kind'],
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  spec: ChartSpec,
  title: string | undefined,
  legend: boolean,
  xName: string | undefined,
  yNames: string[] | undefined,
  seriesNames: string[] | undefined,
): ChartBuild {
  let xIndex: number;
  if (xName !== undefined) xIndex = findColumns(columns, [xName]).indexes[0]!;
  else if (kind === 'timechart') xIndex = columns.findIndex((column) => column.type === 'datetime');
  else xIndex = 0;
  if (xIndex < 0) return { ok: false, message: 'render timechart needs a datetime column for the x-axis.' };
  const xType = columns[xIndex]!.type;
  if (kind === 'timechart' && xType !== 'datetime') {
    return {
      ok: false,
      message: `render timechart: the x-axis column ${columns[xIndex]!.name} is ${xType}, not datetime.`,
    };
  }

  const seriesIndexes = seriesNames
    ? findColumns(columns, seriesNames).indexes
    : columns
        .map((column, index) => ({ column, index }))
        .filter(({ column, index }) => index !== xIndex && isSeriesType(column.type))
        .filter(({ column }) => !yNames?.includes(column.name))
        .map(({ index }) => index);
  const yIndexes = yNames
    ? findColumns(columns, yNames).indexes
    : columns
        .map((column, index) => ({ column, index }))
        .filter(
          ({ column, index }) =>
            index !== xIndex && !seriesIndexes.includes(index) && isNumericType(column.type),
        )
        .map(({ index }) => index);
  if (yIndexes.length === 0) {
    return { ok: false, message: `render ${kind} needs at least one numeric column for the y-axis.` };
  }

  const xAxis: XAxisKind =
    xType === 'datetime' ? 'time' : isNumericType(xType) || xType === 'timespan' ? 'value' : 'category';
  const xValue = (value: WireValue): number | string | null => {
    if (value === null) return null;
    if (xAxis === 'time') {
      const ms = numericKey(value, 'datetime');
      return Number.isFinite(ms) ? ms : null;
    }
    if (xAxis === 'value') {
      const number = numericKey(value, xType);
      return Number.isFinite(number) ? number : null;
    }
    return formatCell(value, xType);
  };

  const bySeries = new Map<string, [number | string, number | null][]>();
  for (const row of rows) {
    const x = xValue(row[xIndex] ?? null);
    if (x === null) continue;
    const key = seriesIndexes.map((index) => formatCell(row[index] ?? null, columns[index]!.type)).join(', ');
    for (const yIndex of yIndexes) {
      const yColumn = columns[yIndex]!;
      const name =
        seriesIndexes.length === 0 ? yColumn.name : yIndexes.length === 1 ? key : `${yColumn.name} (${key})`;
      let points = bySeries.get(name);
      if (!points) {
        if (bySeries.size >= MAX_SERIES) {
          return {
            ok: false,
            message: `render ${kind}: more than ${MAX_SERIES} series; narrow the series columns or summarize first.`,
          };
        }
        points = [];
        bySeries.set(name, points);
      }
      const y = numericKey(row[yIndex] ?? null, yColumn.type);
      points.push([x, Number.isFinite(y) ? y : null]);
    }
  }

  let series: ChartSeries[] = [...bySeries].map(([name, points]) => ({
    name,
    // A time or value axis needs its points in x order; a category axis keeps the query's order (Kusto's tip).
    points: xAxis === 'category' ? points : [...points].sort((a, b) => (a[0] as number) - (b[0] as number)),
  }));
  const stacking =
    kind === 'scatterchart' || kind === 'linechart' || kind === 'timechart' ? 'none' : stackingOf(spec);
  if (stacking === 'stacked100') series = toPercentages(series);

  const yMin = numberProperty(spec, 'ymin');
  const yMax = numberProperty(spec, 'ymax');
  return {
    ok: true,
    chart: {
      kind,
      ...(title ? { title } : {}),
      xTitle: stringProperty(spec, 'xtitle') ?? columns[xIndex]!.name,
      yTitle: stringProperty(spec, 'ytitle') ?? (yIndexes.length === 1 ? columns[yIndexes[0]!]!.name : ''),
      xAxis,
      stacking,
      legend,
      ...(yMin !== undefined ? { yMin } : {}),
      ...(yMax !== undefined ? { yMax } : {}),
      yLog: stringProperty(spec, 'yaxis')?.toLowerCase() === 'log',
      series,
    },
  };
}

/** stacked100: each x's values as percentages of that x's total, so every stack reaches 100. */
function toPercentages(series: ChartSeries[]): ChartSeries[] {
  const totals = new Map<number | string, number>();
  for (const { points } of series) {
    for (const [x, y] of points) totals.set(x, (totals.get(x) ?? 0) + Math.abs(y ?? 0));
  }
  return series.map(({ name, points }) => ({
    name,
    points: points.map(([x, y]) => {
      const total = totals.get(x) ?? 0;
      return [x, y === null || total === 0 ? null : (100 * Math.abs(y)) / total] as const;
    }),
  }));
}
