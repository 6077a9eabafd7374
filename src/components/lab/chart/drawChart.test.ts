import { describe, expect, it, vi } from 'vitest';
import type { ResultColumn, WireValue } from '../../../kql/types';
import { buildChart, type PieChart, type XYChart } from './chartModel';
import { drawChart } from './drawChart';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echartsRuntime';

// The page draws on a canvas; Node has none, so these tests draw the same options as SVG, server-side.
echarts.use([SVGRenderer]);

const columns: ResultColumn[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Namespace', type: 'string' },
  { name: 'Events', type: 'long' },
];
const rows: WireValue[][] = [
  ['2026-01-01T00:00:00Z', 'default', 3],
  ['2026-01-01T01:00:00Z', 'kube-system', 7],
];

function chartOf(kind: string, properties: Record<string, string | string[]>): XYChart | PieChart {
  const build = buildChart(columns, rows, { kind, properties });
  if (!build.ok || build.chart.kind === 'table' || build.chart.kind === 'card') {
    throw new Error(`expected a drawable chart, got ${JSON.stringify(build)}`);
  }
  return build.chart;
}

/** An instance drawing off-screen (ECharts' server-side mode), as the lab's pool keeps one between charts. */
function instance() {
  return echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
}

/** The drawing, without the style classes and clip paths each zrender instance numbers for itself. */
const svgOf = (chart: ReturnType<typeof instance>) =>
  chart
    .renderToSVGString()
    .replace(/zr\d+-cls-\d+/g, 'zr-cls')
    .replace(/zr\d+-c(\d+)/g, 'zr-c$1');

type DrawnOption = Record<string, { type?: string; text?: string; trigger?: string }[] | undefined>;

describe('drawing a chart on an instance that held another', () => {
  it('keeps nothing of the last chart: a pie after a titled time chart has no axes, grid or title', () => {
    const chart = instance();
    drawChart(chart, chartOf('timechart', { title: 'Events by hour', ycolumns: ['Events'] }));
    const first = chart.getOption() as DrawnOption;
    expect(first.xAxis).toHaveLength(1);
    expect(first.title?.[0]?.text).toBe('Events by hour');

    drawChart(chart, chartOf('piechart', { series: ['Namespace'], ycolumns: ['Events'] }));
    const second = chart.getOption() as DrawnOption;
    expect(second.xAxis ?? []).toHaveLength(0);
    expect(second.yAxis ?? []).toHaveLength(0);
    expect(second.grid ?? []).toHaveLength(0);
    expect(second.title ?? []).toHaveLength(0);
    expect(second.series?.map((series) => series.type)).toEqual(['pie']);
    expect(second.tooltip?.[0]?.trigger).toBe('item');
    chart.dispose();
  });

  it('draws the second chart as a fresh instance would', () => {
    const reused = instance();
    drawChart(reused, chartOf('piechart', { series: ['Namespace'], ycolumns: ['Events'] }));
    drawChart(reused, chartOf('columnchart', { ycolumns: ['Events'] }));
    const fresh = instance();
    drawChart(fresh, chartOf('columnchart', { ycolumns: ['Events'] }));
    expect(svgOf(reused)).toBe(svgOf(fresh));
    reused.dispose();
    fresh.dispose();
  });

  it('draws a chart of the same shape with other data (merged in place) as a fresh instance would', () => {
    const other: WireValue[][] = [
      ['2026-01-02T00:00:00Z', 'default', 11],
      ['2026-01-02T01:00:00Z', 'default', 2],
      ['2026-01-02T02:00:00Z', 'kube-system', 5],
    ];
    const propertiesOf = (kind: string): Record<string, string[]> =>
      kind === 'piechart' ? { series: ['Namespace'], ycolumns: ['Events'] } : { ycolumns: ['Events'] };
    const withOther = (kind: string) => {
      const build = buildChart(columns, other, { kind, properties: propertiesOf(kind) });
      if (!build.ok || build.chart.kind === 'table' || build.chart.kind === 'card')
        throw new Error('no chart');
      return build.chart;
    };
    for (const kind of ['timechart', 'columnchart', 'piechart']) {
      const reused = instance();
      drawChart(reused, chartOf(kind, propertiesOf(kind)));
      const next = withOther(kind);
      const setOption = vi.spyOn(reused, 'setOption');
      drawChart(reused, next);
      // Merged: no component replaced.
      expect(setOption.mock.calls[0]?.[1]).toBeUndefined();
      const fresh = instance();
      drawChart(fresh, next);
      expect(svgOf(reused)).toBe(svgOf(fresh));
      reused.dispose();
      fresh.dispose();
    }
  });
});
