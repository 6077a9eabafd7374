import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../core/simulatedClock';
import { podMachine, type PodLifecycleEvent } from './podMachine';

function startPod(runToCompletionMs?: number) {
  const clock = new SimulatedClock(0);
  const actor = createActor(podMachine, {
    clock,
    input: { scheduleMs: 1000, startMs: 5000, backOffMs: 10_000, graceMs: 30_000, runToCompletionMs },
  });
  const seen: { at: number; event: PodLifecycleEvent }[] = [];
  actor.on('*', (event) => seen.push({ at: clock.now(), event }));
  actor.start();
  return { clock, actor, seen };
}

describe('podMachine', () => {
  it('goes Pending → ContainerCreating → Running on the virtual clock', () => {
    const { clock, actor, seen } = startPod();
    expect(actor.getSnapshot().hasTag('pending')).toBe(true);
    clock.runUntil(999);
    expect(seen).toEqual([]);
    clock.runUntil(6000);
    expect(seen.map((s) => [s.at, s.event.type])).toEqual([
      [1000, 'scheduled'],
      [6000, 'started'],
    ]);
    expect(actor.getSnapshot().hasTag('running')).toBe(true);
  });

  it('backs off after a crash with growing delays and counts restarts', () => {
    const { clock, actor, seen } = startPod();
    clock.runUntil(6000);
    actor.send({ type: 'CRASH' });
    expect(actor.getSnapshot().hasTag('degraded')).toBe(true);
    clock.runUntil(6000 + 20_000);
    expect(seen.at(-1)).toEqual({ at: 26_000, event: { type: 'started', restart: true } });
    actor.send({ type: 'CRASH' });
    clock.runUntil(26_000 + 39_999);
    expect(actor.getSnapshot().hasTag('degraded')).toBe(true);
    clock.runUntil(26_000 + 40_000);
    expect(actor.getSnapshot().context.restarts).toBe(2);
  });

  it('terminates after the grace period when deleted, and ends', () => {
    const { clock, actor, seen } = startPod();
    clock.runUntil(10_000);
    actor.send({ type: 'DELETE' });
    expect(actor.getSnapshot().hasTag('terminating')).toBe(true);
    clock.runUntil(40_000);
    expect(seen.map((s) => s.event.type)).toEqual(['scheduled', 'started', 'killing', 'terminated']);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('completes job pods after their run time', () => {
    const { clock, actor, seen } = startPod(60_000);
    clock.runUntil(66_000);
    expect(seen.map((s) => [s.at, s.event.type])).toContainEqual([66_000, 'completed']);
    expect(actor.getSnapshot().hasTag('done')).toBe(true);
  });
});

describe('podMachine for pods that predate the simulation', () => {
  it('starts in Running', () => {
    const clock = new SimulatedClock(0);
    const actor = createActor(podMachine, {
      clock,
      input: { scheduleMs: 1, startMs: 1, backOffMs: 1, graceMs: 1, alreadyRunning: true },
    }).start();
    expect(actor.getSnapshot().hasTag('running')).toBe(true);
  });
});
