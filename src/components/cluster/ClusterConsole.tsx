import { useCallback, useEffect, useRef, useState } from 'react';
import {
  openClusterSession,
  type ClusterSession,
  type LiveClusterRequest,
  type TimelineEvent,
} from '../../store/clusterClient';
import { ClockControl } from './ClockControl';
import { ManifestPanel } from './ManifestPanel';
import Terminal, { type CommandOutput, type RunRequest } from './Terminal';
import { formatVirtual } from './virtualTime';
import './cluster.css';

/** What "Capture" hands to the case notebook: a command, what it printed, and when on the cluster's clock. */
export interface CapturedOutput {
  readonly line: string;
  readonly output: string;
  readonly virtualTime: number;
}

interface Props {
  readonly datasetId: string;
  readonly datasetCreatedAt: number;
  readonly cluster: LiveClusterRequest;
  /** Offered on a case page: the last command's output goes to the case notebook. */
  readonly onCapture?: (capture: CapturedOutput) => void;
  /** 2 on the cluster page, 3 inside the case page's Cluster tab. */
  readonly headingLevel?: 2 | 3;
  /** On a case page the clock's events do not name pods: which pod is replaced is for the learner to find. */
  readonly hidePodNames?: boolean;
}

type Opening =
  { state: 'opening' } | { state: 'open'; session: ClusterSession } | { state: 'failed'; message: string };

/** "Pod shop/web-7d-x replaced (Deployment web)" → "A pod replaced (Deployment web)". */
export function withoutPodName(label: string): string {
  return label.replace(/^Pod \S+\/\S+ /, 'A pod ');
}

function banner(session: ClusterSession): string {
  const restored =
    session.restoredSteps > 0
      ? `Your ${session.restoredSteps} earlier step(s) on this cluster were replayed.\n`
      : '';
  return (
    `Live cluster of dataset ${session.datasetId}, at the virtual time ${formatVirtual(session.now())}.\n` +
    (session.learner ? `You are ${session.learner}: the API server logs your calls under that name.\n` : '') +
    restored +
    'Try: kubectl get pods -A   (Tab completes, ↑/↓ walk the history, Ctrl+Shift+C/V copy and paste)'
  );
}

/**
 * The live cluster of one dataset: its terminal, the replay control of its virtual clock and the manifest box. The
 * cluster is built in a worker from the dataset's seed (seconds of CPU), so the console says so while it waits.
 */
export default function ClusterConsole({
  datasetId,
  datasetCreatedAt,
  cluster,
  onCapture,
  hidePodNames = false,
  headingLevel = 3,
}: Props) {
  const [opening, setOpening] = useState<Opening>({ state: 'opening' });
  const [now, setNow] = useState(0);
  const [timeline, setTimeline] = useState<readonly TimelineEvent[]>([]);
  const [notice, setNotice] = useState('');
  const [request, setRequest] = useState<RunRequest | undefined>();
  const [last, setLast] = useState<CapturedOutput | undefined>();
  const [captured, setCaptured] = useState('');
  const terminalBox = useRef<HTMLDivElement>(null);
  const clusterRef = useRef(cluster);
  clusterRef.current = cluster;

  useEffect(() => {
    let current = true;
    let session: ClusterSession | undefined;
    setOpening({ state: 'opening' });
    openClusterSession({ datasetId, datasetCreatedAt, cluster: clusterRef.current })
      .then((opened) => {
        session = opened;
        if (!current) return opened.close();
        setNow(opened.now());
        setTimeline(opened.timeline());
        setNotice(opened.restoreProblem ?? '');
        setOpening({ state: 'open', session: opened });
      })
      .catch((error: unknown) => {
        if (current)
          setOpening({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
      session?.close();
    };
  }, [datasetId, datasetCreatedAt]);

  const session = opening.state === 'open' ? opening.session : undefined;

  const run = useCallback(
    async (line: string, stdin?: string): Promise<CommandOutput> => {
      if (!session) throw new Error('the cluster is not open');
      const result = await session.kubectl(line, stdin);
      void result.written.then((written) => {
        setNotice(written.writeProblem ?? '');
        setTimeline(session.timeline());
      });
      setLast({ line, output: result.stdout + result.stderr, virtualTime: result.time });
      setCaptured('');
      return result;
    },
    [session],
  );

  const advance = useCallback(
    async (time: number) => {
      if (!session) return;
      try {
        const result = await session.advanceTo(time);
        setNotice(result.writeProblem ?? '');
      } catch (error) {
        setNotice(error instanceof Error ? error.message : String(error));
      }
      setNow(session.now());
      setTimeline(session.timeline());
    },
    [session],
  );

  if (opening.state === 'failed')
    return (
      <p role="alert" className="cluster-error">
        {opening.message}. Reload the page to try again; your earlier commands are kept.
      </p>
    );
  if (!session)
    return (
      <p role="status" className="cluster-opening">
        Building the live cluster from the dataset’s seed (the simulation runs again in the background, a few
        seconds)…
      </p>
    );

  return (
    <div className="cluster-console">
      <ClockControl
        headingLevel={headingLevel}
        now={now}
        timeline={
          hidePodNames
            ? timeline.map((event) => ({ ...event, label: withoutPodName(event.label) }))
            : timeline
        }
        onAdvance={advance}
      />
      {notice && (
        <p role="alert" className="cluster-error">
          {notice}
        </p>
      )}
      <div ref={terminalBox}>
        <Terminal
          key={session.datasetId}
          label="Cluster terminal"
          banner={banner(session)}
          history={session.history()}
          run={run}
          complete={(line) => session.complete(line)}
          {...(request ? { request } : {})}
        />
      </div>
      {onCapture && (
        <div className="cluster-capture">
          <button
            type="button"
            disabled={!last}
            onClick={() => {
              if (!last) return;
              onCapture(last);
              setCaptured(`Captured “${last.line}” to the case notebook.`);
            }}
          >
            Capture the last output to the notebook
          </button>
          <span role="status">{captured}</span>
        </div>
      )}
      <ManifestPanel
        headingLevel={headingLevel}
        manifests={session.manifests()}
        onApply={(namespace, yaml, note) => {
          // The answer appears in the terminal, above the box: bring it into view (xterm draws only when visible).
          terminalBox.current?.scrollIntoView({ block: 'nearest' });
          setRequest((current) => ({
            id: (current?.id ?? 0) + 1,
            line: `kubectl apply -n ${namespace} -f -`,
            stdin: yaml,
            stdinNote: note,
          }));
        }}
      />
    </div>
  );
}
