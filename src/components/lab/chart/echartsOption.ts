import type { EChartsCoreOption } from 'echarts/core';
import type { ChartSeries, PieChart, XYChart } from './chartModel';

/**
 * Stacked series must share their x values or the stacks slide past each other; align them on the union of x
 * values, a missing point counting as 0 (as Kusto's charts draw it).
 */
function alignForStacking(series: readonly ChartSeries[], numericX: boolean): ChartSeries[] {
  const xs: (number | string)[] = [];
  const seen = new Set<number | string>();
  for (const { points } of series) {
    for (const [x] of points) {
      if (!seen.has(x)) {
        seen.add(x);
        xs.push(x);
      }
    }
  }
  if (numericX) xs.sort((a, b) => (a as number) - (b as number));
  return series.map(({ name, points }) => {
    const byX = new Map<number | string, number>();
    for (const [x, y] of points) byX.set(x, (byX.get(x) ?? 0) + (y ?? 0));
    return { name, points: xs.map((x) => [x, byX.get(x) ?? 0] as const) };
  });
}

function categoriesOf(series: readonly ChartSeries[]): string[] {
  const categories: string[] = [];
  const seen = new Set<string>();
  for (const { points } of series) {
    for (const [x] of points) {
      const label = String(x);
      if (!seen.has(label)) {
        seen.add(label);
        categories.push(label);
      }
    }
  }
  return categories;
}

const LARGE_SERIES = 5_000;

export function xyOption(chart: XYChart): EChartsCoreOption {
  const horizontal = chart.kind === 'barchart';
  const bars = chart.kind === 'columnchart' || chart.kind === 'barchart';
  const stacked = chart.stacking !== 'none';
  const series = stacked ? alignForStacking(chart.series, chart.xAxis !== 'category') : chart.series;
  const categories = chart.xAxis === 'category' ? categoriesOf(series) : undefined;

  const xAxis: Record<string, unknown> = {
    type: chart.xAxis,
    name: chart.xTitle,
    nameLocation: 'middle',
    nameGap: 28,
    ...(categories ? { data: categories } : { scale: chart.kind === 'scatterchart' }),
  };
  const yAxis: Record<string, unknown> = {
    type: chart.yLog ? 'log' : 'value',
    name: chart.stacking === 'stacked100' ? `${chart.yTitle} (%)`.trim() : chart.yTitle,
    ...(chart.yMin !== undefined ? { min: chart.yMin } : {}),
    ...(chart.yMax !== undefined ? { max: chart.yMax } : chart.stacking === 'stacked100' ? { max: 100 } : {}),
  };

  return {
    animation: false,
    aria: { enabled: true },
    ...(chart.title ? { title: { text: chart.title, left: 'center' } } : {}),
    tooltip: { trigger: chart.kind === 'scatterchart' ? 'item' : 'axis' },
    legend: { show: chart.legend, type: 'scroll', bottom: 0 },
    grid: {
      left: 64,
      right: 24,
      top: chart.title ? 48 : 24,
      bottom: chart.legend ? 64 : 40,
      containLabel: false,
    },
    xAxis: horizontal ? yAxis : xAxis,
    yAxis: horizontal ? xAxis : yAxis,
    series: series.map(({ name, points }) => {
      const data = categories
        ? alignToCategories(points, categories)
        : points.map(([x, y]) => (horizontal ? [y, x] : [x, y]));
      return {
        name,
        type: bars ? 'bar' : chart.kind === 'scatterchart' ? 'scatter' : 'line',
        data,
        ...(stacked ? { stack: 'total' } : {}),
        ...(chart.kind === 'areachart' ? { areaStyle: {} } : {}),
        ...(chart.kind === 'scatterchart' ? { symbolSize: 6 } : { showSymbol: points.length < 200 }),
        ...(points.length > LARGE_SERIES && !bars && chart.kind !== 'scatterchart'
          ? { sampling: 'lttb' }
          : {}),
        ...(points.length > LARGE_SERIES && chart.kind === 'scatterchart' ? { large: true } : {}),
        connectNulls: false,
      };
    }),
  };
}

function alignToCategories(points: ChartSeries['points'], categories: readonly string[]): (number | null)[] {
  const byLabel = new Map<string, number | null>();
  for (const [x, y] of points) byLabel.set(String(x), y);
  return categories.map((label) => byLabel.get(label) ?? null);
}

export function pieOption(chart: PieChart): EChartsCoreOption {
  return {
    animation: false,
    aria: { enabled: true },
    ...(chart.title ? { title: { text: chart.title, left: 'center' } } : {}),
    tooltip: { trigger: 'item' },
    legend: { show: chart.legend, type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: '60%',
        data: chart.slices.map(({ name, value }) => ({ name, value })),
      },
    ],
  };
}
