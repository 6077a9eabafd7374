import type { ECharts } from 'echarts/core';

type EChartsModule = typeof import('echarts/core');

/** An ECharts instance with the element it draws in, kept for the next chart once its view is gone. */
interface PooledChart {
  readonly surface: HTMLDivElement;
  readonly instance: ECharts;
}

export interface BorrowedChart {
  readonly instance: ECharts;
  /** The element the chart draws in (role img): its name is the borrower's to set. */
  readonly surface: HTMLDivElement;
  /** Takes the chart's element out of its container and keeps the instance for the next chart. */
  release(): void;
}

const idle: PooledChart[] = [];
let made = 0;

/** How many instances were made so far (a warm-up is not worth it once a chart made one). */
export function chartsMade(): number {
  return made;
}

/** A new instance drawing in a new element inside `container` (in the page before ECharts measures it). */
function makeChart(echarts: EChartsModule, container: HTMLElement): PooledChart {
  const surface = document.createElement('div');
  surface.className = 'chart-view__surface';
  surface.setAttribute('role', 'img');
  container.append(surface);
  made += 1;
  return { surface, instance: echarts.init(surface, undefined, { renderer: 'canvas' }) };
}

/**
 * An ECharts instance drawing inside `container`. Making one (zrender, its canvas painter, the components' models) and
 * disposing of it cost more than drawing a small chart, and the lab shows a new chart on every `render` query, with a
 * table in between: the instance outlives the view, its element moving to the next view's container. One instance per
 * chart on screen at once (two labs on one page each borrow their own).
 */
export function borrowChart(echarts: EChartsModule, container: HTMLElement): BorrowedChart {
  let pooled = idle.pop();
  if (pooled) {
    // Not resized here: reading the new container's size would lay the page out in the middle of the commit, and the
    // instance's resize() draws the last chart again before the borrower draws its own. The borrower's size observer
    // redraws, before the frame is painted, a chart whose container has another size than the last one.
    container.append(pooled.surface);
  } else {
    pooled = makeChart(echarts, container);
  }
  const borrowed = pooled;
  let released = false;
  return {
    instance: borrowed.instance,
    surface: borrowed.surface,
    release() {
      if (released) return;
      released = true;
      borrowed.surface.remove();
      idle.push(borrowed);
    },
  };
}

/**
 * Makes an instance in `host` and keeps it for the next chart (chartWarmUp.ts draws on it first). `host` is an
 * invisible element of the size a chart will have: ECharts takes its size from its element when it is made (a size
 * given to init() would stay for good), and the element leaves `host` at once, so the warm-up draws detached.
 */
export function keepWarmChart(echarts: EChartsModule, host: HTMLElement): ECharts {
  const pooled = makeChart(echarts, host);
  pooled.surface.remove();
  idle.push(pooled);
  return pooled.instance;
}
