import { describe, expect, it } from 'vitest';
import { runWhenIdle, TASK_IDLE_MS, WARM_UP_CHART, type IdleTime } from './chartWarmUp';
import { drawChart } from './drawChart';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echartsRuntime';

// The page draws on a canvas; Node has none, so these tests draw the same options as SVG, server-side.
echarts.use([SVGRenderer]);

/** Idle periods handed out by the test, one at a time, with the time each offers. */
function idleScheduler() {
  const waiting: ((idle: IdleTime) => void)[] = [];
  let busy = false;
  return {
    scheduler: {
      requestIdle: (callback: (idle: IdleTime) => void) => void waiting.push(callback),
      isBusy: () => busy,
    },
    setBusy(value: boolean) {
      busy = value;
    },
    /** Runs the callback waiting for the next idle period, as one of `remainingMs`. */
    idle(remainingMs = 50) {
      const callback = waiting.shift();
      if (!callback) throw new Error('nothing waits for an idle period');
      callback({ timeRemaining: () => remainingMs });
    },
    get waiting() {
      return waiting.length;
    },
  };
}

describe('the chart warm-up in idle time', () => {
  it('runs its task in the first idle period with no run in flight and enough time left, once', () => {
    const idle = idleScheduler();
    const done: string[] = [];
    runWhenIdle(() => done.push('warm'), idle.scheduler);
    expect(done).toEqual([]);
    idle.setBusy(true);
    idle.idle();
    expect(done).toEqual([]);
    idle.setBusy(false);
    idle.idle(TASK_IDLE_MS - 1);
    expect(done).toEqual([]);
    expect(idle.waiting).toBe(1);
    idle.idle(TASK_IDLE_MS);
    expect(done).toEqual(['warm']);
    expect(idle.waiting).toBe(0);
  });

  it("draws a time chart with the lab's options (what the first real chart runs again)", () => {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    drawChart(chart, WARM_UP_CHART);
    const option = chart.getOption() as Record<string, { type?: string }[] | undefined>;
    expect(option.xAxis?.[0]?.type).toBe('time');
    expect(option.series?.map((series) => series.type)).toEqual(['line']);
    chart.dispose();
  });
});
