import { describe, expect, it } from 'vitest';
import { runInIdleSteps, STEP_IDLE_MS, WARM_UP_CHART, type IdleTime } from './chartWarmUp';
import { drawChart } from './drawChart';
import { echarts } from './echartsRuntime';

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

describe('the chart warm-up in idle steps', () => {
  it('takes one step per idle period, in order', () => {
    const idle = idleScheduler();
    const done: string[] = [];
    runInIdleSteps([() => (done.push('make'), true), () => (done.push('draw'), true)], idle.scheduler);
    expect(done).toEqual([]);
    idle.idle();
    expect(done).toEqual(['make']);
    idle.idle();
    expect(done).toEqual(['make', 'draw']);
    expect(idle.waiting).toBe(0);
  });

  it('waits while a run is in flight or the idle period is too short for a step', () => {
    const idle = idleScheduler();
    const done: string[] = [];
    runInIdleSteps([() => (done.push('make'), true)], idle.scheduler);
    idle.setBusy(true);
    idle.idle();
    expect(done).toEqual([]);
    idle.setBusy(false);
    idle.idle(STEP_IDLE_MS - 1);
    expect(done).toEqual([]);
    expect(idle.waiting).toBe(1);
    idle.idle(STEP_IDLE_MS);
    expect(done).toEqual(['make']);
  });

  it('ends when a step says so (a chart made its own instance meanwhile)', () => {
    const idle = idleScheduler();
    const done: string[] = [];
    runInIdleSteps([() => (done.push('make'), false), () => (done.push('draw'), true)], idle.scheduler);
    idle.idle();
    expect(done).toEqual(['make']);
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
