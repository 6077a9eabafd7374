import { useEffect, useRef, useState } from 'react';
import type { CardChart, PieChart, XYChart } from './chartModel';
import { pieOption, xyOption } from './echartsOption';

interface Props {
  readonly chart: XYChart | PieChart | CardChart;
  /** Told once the chart is on the page (drawn, or replaced by its failure message). */
  readonly onDrawn?: () => void;
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
export function ChartView({ chart, onDrawn }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState('');
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  useEffect(() => {
    if (chart.kind === 'card') {
      drawnRef.current?.();
      return;
    }
    let disposed = false;
    let dispose = () => {};
    import('./echartsRuntime')
      .then(({ echarts }) => {
        if (disposed || !containerRef.current) return;
        const instance = echarts.init(containerRef.current, undefined, { renderer: 'svg' });
        instance.setOption(chart.kind === 'piechart' ? pieOption(chart) : xyOption(chart));
        const container = containerRef.current;
        // A ResizeObserver reports once as soon as it observes: redrawing then would draw the chart twice.
        let drawnWidth = container.clientWidth;
        let drawnHeight = container.clientHeight;
        const observer = new ResizeObserver(() => {
          if (container.clientWidth === drawnWidth && container.clientHeight === drawnHeight) return;
          drawnWidth = container.clientWidth;
          drawnHeight = container.clientHeight;
          instance.resize();
        });
        observer.observe(container);
        container.dataset.chartReady = 'true';
        drawnRef.current?.();
        dispose = () => {
          observer.disconnect();
          instance.dispose();
        };
      })
      .catch((error: unknown) => {
        console.error('The chart library could not load.', error);
        if (!disposed) setFailure('The chart could not be drawn: the chart library failed to load.');
        drawnRef.current?.();
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
