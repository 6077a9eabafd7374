import type { XYChart } from './chartModel';
import type { ECharts } from 'echarts/core';
import { chartsMade, keepWarmChart } from './chartPool';
import { drawChart } from './drawChart';

type EChartsModule = typeof import('echarts/core');

/** What requestIdleCallback hands its callback. */
export interface IdleTime {
  timeRemaining(): number;
}

export interface IdleScheduler {
  /** Calls back when the page has nothing else to do (requestIdleCallback). */
  requestIdle(callback: (idle: IdleTime) => void): void;
  /** True while an idle task would hold up something the learner waits for: a run in flight, its result on its way. */
  isBusy(): boolean;
}

export interface WarmUpEnvironment extends IdleScheduler {
  /** The size a chart will have in the page (the results pane), read in idle time. */
  chartSize(): { width: number; height: number };
  /** The page, to hold the invisible element the instance is made in. */
  document: Document;
}

/**
 * The idle time a task needs before it starts (requestIdleCallback offers at most 50 ms): making the instance and
 * drawing the first chart are tasks of tens of milliseconds each, which must not start when a frame or an input is
 * due sooner.
 */
export const TASK_IDLE_MS = 40;

/** A small chart of the lab's most common kind (a time chart: axes, grid, legend, tooltip, ARIA) for the warm-up. */
export const WARM_UP_CHART: XYChart = {
  kind: 'timechart',
  xTitle: 'TimeGenerated',
  yTitle: 'count_',
  xAxis: 'time',
  stacking: 'none',
  legend: true,
  yLog: false,
  series: [
    {
      name: 'count_',
      points: [
        [Date.UTC(2026, 0, 1, 0), 3],
        [Date.UTC(2026, 0, 1, 1), 7],
        [Date.UTC(2026, 0, 1, 2), 5],
      ],
    },
  ],
};

/**
 * Runs `task` in the first idle period in which the page is not busy and enough time is left (TASK_IDLE_MS);
 * until then it waits for the next idle period.
 */
export function runWhenIdle(task: () => void, scheduler: IdleScheduler): void {
  const attempt = (idle: IdleTime) => {
    if (scheduler.isBusy() || idle.timeRemaining() < TASK_IDLE_MS) scheduler.requestIdle(attempt);
    else task();
  };
  scheduler.requestIdle(attempt);
}

/** requestIdleCallback, or where a browser lacks it a pause standing in for an idle period. */
export function requestIdleTime(callback: (idle: IdleTime) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback);
  else setTimeout(() => callback({ timeRemaining: () => TASK_IDLE_MS }), IDLE_FALLBACK_MS);
}

const IDLE_FALLBACK_MS = 200;

let started = false;

/**
 * Readies ECharts for the lab's first chart in idle time. The first chart of a page otherwise committed in one long
 * task (65–190 ms on a busy machine): ECharts making its instance and running its code for the first time. In one idle
 * period with no run in flight: make the instance the first chart borrows (chartPool.ts) in an invisible element of the
 * chart's size, then draw a small chart on it, detached, so the first real chart finds a warm instance and warm code.
 * Nothing is shown: the element is invisible, out of the flow, and gone before the drawing. Once per page, and not at all once a
 * chart has made its own instance.
 */
export function warmUpCharts(echarts: EChartsModule, environment: WarmUpEnvironment): void {
  if (started || chartsMade() > 0) return;
  started = true;
  runWhenIdle(() => {
    // One task: the instance takes a few milliseconds, the first drawing the rest (ECharts' code running for the
    // first time), and a first chart that came between the two would have found a cold instance.
    if (chartsMade() > 0) return;
    const start = performance.now();
    drawChart(makeWarmChart(echarts, environment), WARM_UP_CHART);
    // For the lab benchmark: when the warm-up ran, and how long it held the main thread.
    performance.measure('lab:chart-warm-up', { start, detail: { step: 'instance + drawing' } });
  }, environment);
}

function makeWarmChart(echarts: EChartsModule, environment: WarmUpEnvironment): ECharts {
  const { width, height } = environment.chartSize();
  const host = environment.document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Fixed and hidden: not painted, not in the accessibility tree, moving nothing on the page.
  host.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none;contain:strict`;
  environment.document.body.append(host);
  try {
    return keepWarmChart(echarts, host);
  } finally {
    host.remove();
  }
}
