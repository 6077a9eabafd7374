import { useEffect, useId, useRef, useState } from 'react';
import type { TimelineEvent } from '../../store/clusterClient';
import { formatVirtual } from './virtualTime';

interface Props {
  /** 2 on the cluster page, 3 inside the case page's Cluster tab. */
  readonly headingLevel: 2 | 3;
  readonly now: number;
  readonly timeline: readonly TimelineEvent[];
  /** Runs the cluster's clock to `time`; resolves when the cluster (and the dataset) got there. */
  readonly onAdvance: (time: number) => Promise<void>;
}

const SPEEDS = [1, 10, 60, 600] as const;
const STEPS = [
  { ms: 10_000, text: '10 seconds' },
  { ms: 60_000, text: '1 minute' },
  { ms: 600_000, text: '10 minutes' },
  { ms: 3_600_000, text: '1 hour' },
] as const;
/** How often a playing clock moves: each tick runs it by `speed` seconds. */
const TICK_MS = 1_000;

/**
 * The replay control of the live cluster's virtual clock: play and pause at a chosen speed, step by a chosen span,
 * or jump to an event still ahead (a storyline step, an alert, a pod's replacement). The clock only runs forward:
 * what the cluster did is in the dataset, and what it will do is simulated as it comes.
 */
export function ClockControl({ headingLevel, now, timeline, onAdvance }: Props) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(60);
  const [step, setStep] = useState<number>(60_000);
  const [running, setRunning] = useState<string | undefined>();
  const nowRef = useRef(now);
  nowRef.current = now;
  const busyRef = useRef(false);

  async function advance(to: number, what: string | undefined) {
    if (busyRef.current) return;
    busyRef.current = true;
    setRunning(what);
    try {
      await onAdvance(to);
    } finally {
      busyRef.current = false;
      setRunning(undefined);
    }
  }

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      // A tick that finds the previous one still running skips: the clock never queues up behind the cluster.
      void advance(nowRef.current + speed * 1_000, undefined);
    }, TICK_MS);
    return () => clearInterval(timer);
    // `advance` reads refs only, so the timer does not restart on every render.
  }, [playing, speed]);

  const ahead = timeline.filter((event) => event.time > now);
  const passed = timeline.length - ahead.length;

  return (
    <section className="cluster-clock" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>Virtual clock</Heading>
      <p className="cluster-clock__now">
        Virtual now:{' '}
        <output aria-live="off" data-testid="virtual-now">
          {formatVirtual(now)}
        </output>
      </p>
      <div className="cluster-clock__controls" role="group" aria-label="Clock controls">
        <button type="button" aria-pressed={playing} onClick={() => setPlaying((value) => !value)}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Speed{' '}
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                ×{value}
              </option>
            ))}
          </select>
        </label>
        <label>
          Step by{' '}
          <select value={step} onChange={(event) => setStep(Number(event.target.value))}>
            {STEPS.map((choice) => (
              <option key={choice.ms} value={choice.ms}>
                {choice.text}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={running !== undefined}
          onClick={() =>
            void advance(now + step, `Running the clock ${STEPS.find((s) => s.ms === step)?.text}`)
          }
        >
          Step
        </button>
      </div>
      <p role="status" className="cluster-clock__status">
        {running ? `${running}…` : ''}
      </p>
      <details className="cluster-clock__events">
        <summary>
          Events: {ahead.length} ahead, {passed} passed
        </summary>
        {ahead.length === 0 ? (
          <p>No event ahead: the cluster goes on with its usual traffic.</p>
        ) : (
          <ol>
            {ahead.map((event) => (
              <li key={`${event.time}:${event.label}`}>
                <time dateTime={new Date(event.time).toISOString()}>{formatVirtual(event.time)}</time>{' '}
                {event.label}{' '}
                <button
                  type="button"
                  disabled={running !== undefined}
                  onClick={() => void advance(event.time, `Running the clock to “${event.label}”`)}
                  aria-label={`Jump to ${event.label}`}
                >
                  Jump
                </button>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}
