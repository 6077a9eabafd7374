// Only the chart types and components the lab draws, so the chart chunk stays small; loaded on the first `render`.
// The canvas renderer: a chart is one bitmap for the browser to paint, where SVG made it lay out and paint a few hundred
// elements in the frame that shows the chart (Shift+Enter to a time chart on screen, p50 28–31 → 26 ms, measured).
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
