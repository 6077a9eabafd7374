import { useEffect, useRef } from 'react';
import {
  applyAction,
  complete,
  emptyLine,
  keyActions,
  renderLine,
  submitLine,
  type LineAction,
  type LineState,
} from './lineEditor';

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface RanCommand extends CommandOutput {
  readonly line: string;
  readonly stdin?: string;
}

/** A line to run as if the learner had typed it (the manifest box's apply), with what it reads on stdin. */
export interface RunRequest {
  readonly id: number;
  readonly line: string;
  readonly stdin?: string;
  /** Shown instead of the piped text, e.g. "the manifest from the box, 24 lines". */
  readonly stdinNote?: string;
}

interface Props {
  /** The terminal's accessible name. */
  readonly label: string;
  readonly history: readonly string[];
  /** Printed once above the first prompt. */
  readonly banner: string;
  readonly run: (line: string, stdin?: string) => Promise<CommandOutput>;
  readonly complete: (line: string) => Promise<readonly string[]>;
  readonly request?: RunRequest;
  readonly onRan?: (command: RanCommand) => void;
}

const PROMPT = '\x1b[1;32mlearner@Azure\x1b[0m:\x1b[1;34m~\x1b[0m$ ';
const PROMPT_WIDTH = 'learner@Azure:~$ '.length;

/** `kubectl apply -f -` and its spellings read the manifest from stdin. */
export function readsStdin(line: string): boolean {
  return /(^|\s)(-f|--filename)(\s+|=)-(\s|$)/.test(line);
}

/** Terminal output ends its lines with CR LF; a command's last line gets one when it lacks it. */
function printable(text: string): string {
  return text.length > 0 && !text.endsWith('\n') ? `${text}\n` : text;
}

type Job = { kind: 'keys'; actions: LineAction[] } | { kind: 'request'; request: RunRequest };

/**
 * The cluster terminal (xterm.js): a prompt with line editing, history on ↑/↓, Tab completion from the cluster,
 * `kubectl apply -f -` reading a manifest until Ctrl+D, copy and paste with Ctrl+Shift+C/V or the browser's menu,
 * and xterm's screen-reader mode. It resizes with its pane.
 */
export default function Terminal({
  label,
  history,
  banner,
  run,
  complete: completeLine,
  request,
  onRan,
}: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  // Until xterm has loaded, jobs wait here; the terminal runs them once it is ready.
  const waiting = useRef<Job[]>([]);
  const enqueueRef = useRef<(job: Job) => void>((job) => waiting.current.push(job));
  // The props the terminal's long-lived handlers read: they change with the session, the terminal stays.
  const latest = useRef({ run, completeLine, onRan });
  latest.current = { run, completeLine, onRan };
  // The terminal is made once per mount: it starts with the history and banner of the first render.
  const initial = useRef({ history, banner });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let dispose: (() => void) | undefined;
    let mounted = true;
    // xterm loads in the browser only (its package is CommonJS for Node, where the page is prerendered).
    void Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]).then(
      ([{ Terminal: XTerm }, { FitAddon }]) => {
        if (mounted) dispose = start(host, XTerm, FitAddon);
      },
    );
    return () => {
      mounted = false;
      dispose?.();
    };
  }, []);

  useEffect(() => {
    if (request) enqueueRef.current({ kind: 'request', request });
  }, [request]);

  function start(
    host: HTMLDivElement,
    XTerm: typeof import('@xterm/xterm').Terminal,
    FitAddon: typeof import('@xterm/addon-fit').FitAddon,
  ): () => void {
    const term = new XTerm({
      convertEol: true,
      screenReaderMode: true,
      cursorBlink: true,
      scrollback: 5_000,
      fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      theme: { background: '#0c0c0c', foreground: '#e6e6e6' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    fit.fit();

    let line: LineState = emptyLine(initial.current.history);
    let cursorRow = 0;
    /** Lines of a manifest being typed after `kubectl apply -f -`, until Ctrl+D. */
    let stdin: { line: string; lines: string[] } | undefined;
    const write = (text: string) => new Promise<void>((resolve) => term.write(text, resolve));

    const redraw = async () => {
      const prompt = stdin ? '' : PROMPT;
      const width = stdin ? 0 : PROMPT_WIDTH;
      const drawn = renderLine(prompt, width, line, term.cols, cursorRow);
      cursorRow = drawn.cursorRow;
      await write(drawn.output);
    };
    const freshLine = async () => {
      cursorRow = 0;
      await redraw();
    };

    const runCommand = async (command: string, input?: string) => {
      const started = performance.now();
      let output: CommandOutput;
      try {
        output = await latest.current.run(command, input);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        output = { stdout: '', stderr: `The cluster could not run this: ${reason}\n`, exitCode: 1 };
      }
      await write(printable(output.stdout) + printable(output.stderr));
      // From Enter to the answer on screen: the bench reads these (npm run bench -- terminal), tests wait on them.
      performance.measure('cluster:command', { start: started });
      latest.current.onRan?.({ line: command, ...(input !== undefined ? { stdin: input } : {}), ...output });
    };

    const endOfLine = async () => {
      await write('\r\n');
      if (stdin) {
        stdin.lines.push(line.buffer);
        line = emptyLine(line.history);
        return freshLine();
      }
      const submitted = submitLine(line);
      line = submitted.next;
      const command = submitted.line.trim();
      if (command === 'clear') term.clear();
      else if (readsStdin(command)) {
        stdin = { line: command, lines: [] };
        await write(
          '\x1b[2m(reading the manifest: paste or type it, then Ctrl+D on an empty line)\x1b[0m\r\n',
        );
      } else if (command !== '') await runCommand(command);
      await freshLine();
    };

    const handle = async (action: LineAction) => {
      switch (action.kind) {
        case 'enter':
          return endOfLine();
        case 'tab': {
          if (stdin) return;
          const candidates = await latest.current.completeLine(line.buffer.slice(0, line.cursor));
          const completed = complete(line, candidates);
          line = completed.next;
          if (completed.choices.length > 0) {
            await write(`\r\n${completed.choices.join('  ')}\r\n`);
            return freshLine();
          }
          return redraw();
        }
        case 'interrupt':
          await write('^C\r\n');
          stdin = undefined;
          line = emptyLine(line.history);
          return freshLine();
        case 'end-of-input': {
          if (!stdin || line.buffer !== '') return;
          const { line: command, lines } = stdin;
          stdin = undefined;
          await runCommand(command, lines.length > 0 ? `${lines.join('\n')}\n` : '');
          return freshLine();
        }
        case 'clear-screen':
          term.clear();
          return redraw();
        default:
          line = applyAction(line, action);
          return redraw();
      }
    };

    // Keys and requests run one after another: a paste of three commands runs them in order, each after the last.
    let queue: Promise<void> = Promise.resolve();
    const enqueue = (job: Job) => {
      queue = queue.then(async () => {
        if (job.kind === 'keys') {
          for (const action of job.actions) await handle(action);
          return;
        }
        const { request: asked } = job;
        line = emptyLine(line.history);
        await redraw();
        const note = asked.stdinNote ? ` \x1b[2m< ${asked.stdinNote}\x1b[0m` : '';
        await write(`${asked.line}${note}\r\n`);
        line = submitLine({ ...line, buffer: asked.line, cursor: asked.line.length }).next;
        await runCommand(asked.line, asked.stdin);
        await freshLine();
      });
      queue = queue.catch(() => undefined);
    };
    enqueueRef.current = enqueue;

    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey || !event.shiftKey) return true;
      const key = event.key.toLowerCase();
      if (key === 'c') {
        const selection = term.getSelection();
        if (selection) void navigator.clipboard?.writeText(selection).catch(() => undefined);
        event.preventDefault();
        return false;
      }
      if (key === 'v') {
        void navigator.clipboard
          ?.readText()
          .then((text) => enqueue({ kind: 'keys', actions: keyActions(text.replace(/\r?\n/g, '\r')) }))
          .catch(() => undefined);
        event.preventDefault();
        return false;
      }
      return true;
    });
    const input = term.onData((data) => enqueue({ kind: 'keys', actions: keyActions(data) }));

    queue = queue.then(() => write(`${initial.current.banner.replace(/\n/g, '\r\n')}\r\n`)).then(freshLine);
    for (const job of waiting.current.splice(0)) enqueue(job);

    const resize = new ResizeObserver(() => {
      // A pane hidden by its tab has no size: keep the last one.
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      input.dispose();
      term.dispose();
    };
  }

  return <div className="cluster-terminal" role="region" aria-label={label} ref={hostRef} />;
}
