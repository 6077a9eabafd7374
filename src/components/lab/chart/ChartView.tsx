import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { borrowChart, type BorrowedChart } from './chartPool';
import type { CardChart, PieChart, XYChart } from './chartModel';
import { drawChart } from './drawChart';
import { runWhenIdle, warmUpCharts, type WarmUpEnvironment } from './chartWarmUp';

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

type EChartsModule = (typeof import('./echartsRuntime'))['echarts'];

/** ECharts once loaded: a later chart draws in the commit that shows it, without waiting for a module promise. */
let loadedRuntime: EChartsModule | undefined;
let runtimeLoading: Promise<EChartsModule> | undefined;

/**
 * Loads ECharts ahead of a chart: the lab calls this when the query being typed says `render`, so the chart library
 * is there when its result is (a failure is reported when a chart needs it), then readies it in idle time.
 */
export function preloadChartRuntime(environment: WarmUpEnvironment): void {
  loadRuntime().then(
    (echarts) => warmUpCharts(echarts, environment),
    () => undefined,
  );
}

let warmUpRequested = false;

/**
 * Loads ECharts in idle time, then readies it for the first chart (chartWarmUp.ts): the lab calls this once a result
 * is on screen, so a learner's first chart does not pay for the library's first run. The page's load, and its first
 * query, do not wait for any of it.
 */
export function warmUpChartRuntime(environment: WarmUpEnvironment): void {
  if (warmUpRequested) return;
  warmUpRequested = true;
  runWhenIdle(() => preloadChartRuntime(environment), environment);
}

function loadRuntime(): Promise<EChartsModule> {
  runtimeLoading ??= import('./echartsRuntime').then(
    ({ echarts }) => (loadedRuntime = echarts),
    (error: unknown) => {
      // The next chart tries again (a chunk that failed to load offline may load later).
      runtimeLoading = undefined;
      throw error;
    },
  );
  return runtimeLoading;
}

/**
 * Draws a `render` chart with Apache ECharts (canvas renderer, ARIA description on). ECharts is loaded only when a
 * query renders a chart, so the lab opens without it; after that a chart is drawn in the same task as the commit that
 * shows it, on an instance kept from the last chart (chartPool.ts).
 */
export function ChartView({ chart, onDrawn }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState('');
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  const borrowedRef = useRef<BorrowedChart | undefined>(undefined);

  const drawsOnCanvas = chart.kind !== 'card';
  // The instance lives as long as the view (a new result's chart is drawn on it), and returns to the pool after.
  useEffect(() => {
    if (!drawsOnCanvas) return;
    const container = containerRef.current;
    if (!container) return;
    // Sizes are read in the observer's callback, where layout is already done: read here, in the effect that follows
    // the commit drawing the chart, they made the browser lay the whole lab out at once (~10 ms a chart on a busy
    // machine). The observer reports once as soon as it observes; the chart is redrawn only when its surface's size
    // is not the one it was drawn at.
    const observer = new ResizeObserver(() => {
      const borrowed = borrowedRef.current;
      if (!borrowed) return;
      const { instance, surface } = borrowed;
      if (surface.clientWidth === instance.getWidth() && surface.clientHeight === instance.getHeight())
        return;
      instance.resize();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      borrowedRef.current?.release();
      borrowedRef.current = undefined;
    };
  }, [drawsOnCanvas]);

  useLayoutEffect(() => {
    if (chart.kind === 'card') {
      drawnRef.current?.();
      return;
    }
    let current = true;
    const draw = (echarts: EChartsModule) => {
      const container = containerRef.current;
      if (!current || !container) return;
      borrowedRef.current ??= borrowChart(echarts, container);
      // This chart's name, whatever the last chart on this instance was called; ECharts' ARIA component replaces it
      // with a description of the data when it makes one.
      borrowedRef.current.surface.setAttribute('aria-label', describe(chart));
      drawChart(borrowedRef.current.instance, chart);
      container.dataset.chartReady = 'true';
      drawnRef.current?.();
    };
    if (loadedRuntime) draw(loadedRuntime);
    else {
      loadRuntime()
        .then(draw)
        .catch((error: unknown) => {
          console.error('The chart library could not load.', error);
          if (current) setFailure('The chart could not be drawn: the chart library failed to load.');
          drawnRef.current?.();
        });
    }
    return () => {
      current = false;
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
      {/* The chart's element (role img, with its name) goes in here. */}
      <div ref={containerRef} className="chart-view__canvas" />
    </figure>
  );
}
