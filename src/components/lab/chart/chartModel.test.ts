import { describe, expect, it } from 'vitest';
import type { ResultColumn, WireValue } from '../../../kql/types';
import { buildChart, type PieChart, type XYChart } from './chartModel';
import { xyOption } from './echartsOption';

const columns: ResultColumn[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Namespace', type: 'string' },
  { name: 'Events', type: 'long' },
  { name: 'Errors', type: 'long' },
];
const rows: WireValue[][] = [
  ['2026-01-01T01:00:00Z', 'default', 5, 1],
  ['2026-01-01T00:00:00Z', 'default', 3, 0],
  ['2026-01-01T00:00:00Z', 'kube-system', 7, 2],
];

function xy(kind: string, properties: Record<string, string | string[]> = {}): XYChart {
  const build = buildChart(columns, rows, { kind, properties });
  if (
    !build.ok ||
    build.chart.kind === 'table' ||
    build.chart.kind === 'card' ||
    build.chart.kind === 'piechart'
  ) {
    throw new Error(`expected an x/y chart, got ${JSON.stringify(build)}`);
  }
  return build.chart;
}

describe('render data model', () => {
  it('guesses a timechart: datetime x, string series, every numeric y, points in time order', () => {
    const chart = xy('timechart');
    expect(chart.xAxis).toBe('time');
    expect(chart.series.map((series) => series.name)).toEqual([
      'Events (default)',
      'Errors (default)',
      'Events (kube-system)',
      'Errors (kube-system)',
    ]);
    expect(chart.series[0]!.points).toEqual([
      [Date.UTC(2026, 0, 1, 0), 3],
      [Date.UTC(2026, 0, 1, 1), 5],
    ]);
  });

  it('honours title, xcolumn, ycolumns, series, kind and axis titles', () => {
    const chart = xy('columnchart', {
      title: 'Events per namespace',
      xcolumn: 'Namespace',
      ycolumns: ['Events'],
      kind: 'stacked',
      ytitle: 'events',
    });
    expect(chart).toMatchObject({
      title: 'Events per namespace',
      xAxis: 'category',
      stacking: 'stacked',
      yTitle: 'events',
    });
    expect(chart.series.map((series) => series.name)).toEqual(['Events']);
    const option = xyOption(chart) as {
      series: { stack?: string; type: string; data: unknown[] }[];
      xAxis: { data: string[] };
    };
    expect(option.xAxis.data).toEqual(['default', 'kube-system']);
    expect(option.series[0]).toMatchObject({ type: 'bar', stack: 'total' });
  });

  it('turns stacked100 into percentages of each x', () => {
    const chart = xy('areachart', {
      xcolumn: 'TimeGenerated',
      ycolumns: ['Events'],
      series: ['Namespace'],
      kind: 'stacked100',
    });
    const atMidnight = chart.series.map(
      (series) => series.points.find(([x]) => x === Date.UTC(2026, 0, 1, 0))?.[1],
    );
    expect(atMidnight).toEqual([30, 70]);
  });

  it('draws a bar chart horizontally and a scatter chart as points', () => {
    const bar = xyOption(xy('barchart', { xcolumn: 'Namespace', ycolumns: ['Errors'] })) as {
      yAxis: { type: string };
      series: { type: string }[];
    };
    expect(bar.yAxis.type).toBe('category');
    expect(bar.series[0]!.type).toBe('bar');
    const scatter = xyOption(xy('scatterchart', { xcolumn: 'Events', ycolumns: ['Errors'] })) as {
      series: { type: string }[];
    };
    expect(scatter.series[0]!.type).toBe('scatter');
  });

  it('sums pie slices per label and reads a card value', () => {
    const pie = buildChart(columns, rows, {
      kind: 'piechart',
      properties: { series: ['Namespace'], ycolumns: ['Events'] },
    });
    expect(pie.ok && (pie.chart as PieChart).slices).toEqual([
      { name: 'default', value: 8 },
      { name: 'kube-system', value: 7 },
    ]);
    const card = buildChart([{ name: 'Total', type: 'long' }], [[42]], {
      kind: 'card',
      properties: { title: 'Alerts' },
    });
    expect(card).toEqual({ ok: true, chart: { kind: 'card', title: 'Alerts', text: '42' } });
  });

  it('explains what is missing instead of drawing nonsense', () => {
    expect(
      buildChart(columns, rows, { kind: 'timechart', properties: { ycolumns: ['Nope'] } }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('Nope'),
    });
    expect(
      buildChart([{ name: 'Name', type: 'string' }], [['a']], { kind: 'linechart', properties: {} }),
    ).toMatchObject({
      ok: false,
    });
    expect(buildChart(columns, rows, { kind: 'treemap', properties: {} })).toMatchObject({ ok: false });
    expect(buildChart(columns, rows, { kind: 'table', properties: {} })).toEqual({
      ok: true,
      chart: { kind: 'table' },
    });
  });
});
