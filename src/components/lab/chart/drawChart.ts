import type { ECharts } from 'echarts/core';
import type { PieChart, XYChart } from './chartModel';
import { pieOption, xyOption } from './echartsOption';

/**
 * The components a chart's option replaces rather than merges into the last chart's on the same instance: its
 * series, axes, grid and title do not carry over. The tooltip and legend, which every option sets in full, are
 * updated in place: made again (notMerge), the tooltip created its element anew and read its position from the
 * page, a layout of the whole lab in the commit that shows the chart.
 */
export const REPLACED_COMPONENTS: readonly string[] = ['series', 'xAxis', 'yAxis', 'grid', 'title'];

/** What each instance drew last, but for its data (see `shapeOf`). */
const drawnShapes = new WeakMap<ECharts, string>();

/**
 * Draws `chart` on an instance that may hold another chart (chartPool.ts). A chart of the same shape as the last one
 * (a query run again, or changed only in its filter) is merged into it: the same settings with new data, which ECharts
 * updates in place instead of making its series and axes again (most of a small chart's drawing time).
 */
export function drawChart(instance: ECharts, chart: XYChart | PieChart): void {
  const option = chart.kind === 'piechart' ? pieOption(chart) : xyOption(chart);
  const shape = shapeOf(option);
  if (drawnShapes.get(instance) === shape) instance.setOption(option);
  else instance.setOption(option, { replaceMerge: [...REPLACED_COMPONENTS] });
  drawnShapes.set(instance, shape);
}

/**
 * An option without its data (series points, axis categories): two options of one shape set every other property
 * alike, so merging one into the other leaves nothing of the first but what the second replaces.
 */
function shapeOf(option: object): string {
  return JSON.stringify(option, (key: string, value: unknown) => (key === 'data' ? undefined : value));
}
