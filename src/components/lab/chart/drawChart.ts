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

/** Draws `chart` on an instance that may hold another chart (chartPool.ts). */
export function drawChart(instance: ECharts, chart: XYChart | PieChart): void {
  instance.setOption(chart.kind === 'piechart' ? pieOption(chart) : xyOption(chart), {
    replaceMerge: [...REPLACED_COMPONENTS],
  });
}
