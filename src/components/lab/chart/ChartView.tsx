import { useEffect, useRef, useState } from 'react';
import type { CardChart, PieChart, XYChart } from './chartModel';
import { pieOption, xyOption } from './echartsOption';

interface Props {
  readonly chart: XYChart | PieChart | CardChart;
}

function describe(chart: XYChart | PieChart): string {
  if (chart.kind === 'piechart') {
    return `${chart.title ?? 'Pie chart'}: ${chart.slices.length} slices.`;
  }
  const kind = chart.kind.replace('chart', ' chart');
  return `${chart.title ?? kind}: ${chart.series.length} series of ${chart.yTitle || 'values'} by ${chart.xTitle}.`;
}

/**
 * Draws a `render` chart with Apache ECharts (SVG renderer, ARIA description on). ECharts is loaded only when a
 * query renders a chart, so the lab opens without it.
 */
export function ChartView({ chart }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (chart.kind === 'card') return;
    let disposed = false;
    let dispose = () => {};
    import('./echartsRuntime')
      .then(({ echarts }) => {
        if (disposed || !containerRef.current) return;
        const instance = echarts.init(containerRef.current, undefined, { renderer: 'svg' });
        instance.setOption(chart.kind === 'piechart' ? pieOption(chart) : xyOption(chart));
        const observer = new ResizeObserver(() => instance.resize());
        observer.observe(containerRef.current);
        containerRef.current.dataset.chartReady = 'true';
        dispose = () => {
          observer.disconnect();
          instance.dispose();
        };
      })
      .catch((error: unknown) => {
        console.error('The chart library could not load.', error);
        if (!disposed) setFailure('The chart could not be drawn: the chart library failed to load.');
      });
    return () => {
      disposed = true;
      dispose();
    };
  }, [chart]);

  if (chart.kind === 'card') {
    return (
      <figure className="chart-card" aria-label={chart.title}>
        <figcaption>{chart.title}</figcaption>
        <p className="chart-card__value">{chart.text}</p>
      </figure>
    );
  }
  if (failure) return <p role="alert">{failure}</p>;
  return (
    <figure className="chart-view">
      <div ref={containerRef} className="chart-view__canvas" role="img" aria-label={describe(chart)} />
    </figure>
  );
}
