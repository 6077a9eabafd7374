import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU milliseconds of a process tree's descendants, in total and by Chromium process type. */
export interface DescendantsCpu {
  totalMs: number;
  /** Keyed by Chromium's `--type=` (renderer, gpu-process, utility…); `browser` for the main process. */
  byTypeMs: Record<string, number>;
}

function processType(pid: number): string {
  try {
    // Chromium rewrites its children's command lines with spaces between the arguments instead of NULs.
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = commandLine.find((argument) => argument.startsWith('--type='))?.slice('--type='.length);
    if (!type) return 'browser';
    const service = commandLine
      .find((argument) => argument.startsWith('--utility-sub-type='))
      ?.slice('--utility-sub-type='.length);
    return service ? `${type} (${service.replace(/\.mojom\./, ' ')})` : type;
  } catch {
    return 'unknown';
  }
}

/**
 * CPU used so far by the descendants of a process (here Chromium's browser, renderer and storage processes,
 * which Playwright starts as children of this one), from /proc; undefined off Linux. Divided into the rows it
 * gives a rate that does not depend on how many other programs share the machine.
 */
export function descendantsCpu(rootPid: number): DescendantsCpu | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    stats.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  const byTypeMs: Record<string, number> = {};
  let totalMs = 0;
  for (const [pid, stat] of stats) {
    if (pid === rootPid) continue;
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = stats.get(at)?.parent) {
      if (at === rootPid) {
        const ms = (stat.ticks / TICKS_PER_SECOND) * 1000;
        const type = processType(pid);
        byTypeMs[type] = (byTypeMs[type] ?? 0) + ms;
        totalMs += ms;
        break;
      }
    }
  }
  return { totalMs, byTypeMs };
}

/** CPU milliseconds of the descendants of a process (see descendantsCpu); undefined off Linux. */
export function descendantsCpuMs(rootPid: number): number | undefined {
  return descendantsCpu(rootPid)?.totalMs;
}
