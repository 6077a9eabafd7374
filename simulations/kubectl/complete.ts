import { splitCommandLine } from './argv';
import { listItems } from './catalog';
import type { KubectlHost } from './host';
import { COMMANDS } from './kubectl';
import { RESOURCE_TYPES, resolveResource } from './resources';

/** Flags whose value is the next word (so that word is not a positional argument). */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '-o',
  '--output',
  '-c',
  '--container',
  '-l',
  '--selector',
  '-f',
  '--filename',
  '--as',
]);

/**
 * Completions for the word being typed: subcommands, resource types, names of objects (in the namespace
 * given with -n), namespaces after -n, containers after -c, nodes, flags after `-`. Reads the cluster; sends
 * no request.
 */
export function completeLine(host: KubectlHost, partialLine: string): string[] {
  const { words } = splitCommandLine(partialLine);
  const endsWithSpace = /\s$/.test(partialLine) || partialLine.length === 0;
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  const starts = (list: Iterable<string>) => [...new Set(list)].filter((w) => w.startsWith(current)).sort();
  if (words.length === 0) return starts(['kubectl']);
  const [, command, ...rest] = words;
  if (command === undefined) return starts(Object.keys(COMMANDS));
  const previous = words[words.length - 1];
  const nsIndex = words.findIndex((w) => w === '-n' || w === '--namespace');
  const namespace = (nsIndex >= 0 ? words[nsIndex + 1] : undefined) ?? 'default';
  const positionals = rest.filter((w, i) => !w.startsWith('-') && !VALUE_FLAGS.has(rest[i - 1] ?? ''));
  const podsHere = () =>
    [...host.world.pods.values()].filter((p) => p.namespace === namespace).map((p) => p.name);
  if (previous === '-n' || previous === '--namespace') return starts(host.world.namespaces.keys());
  if (previous === '-c' || previous === '--container') {
    const name = positionals[0]?.replace(/^pods?\//, '');
    const pod = [...host.world.pods.values()].find((p) => p.name === name && p.namespace === namespace);
    return starts(pod?.containers.map((c) => c.spec.name) ?? []);
  }
  if (previous === '-f' || previous === '--filename') return starts(['-', ...host.manifestNames()]);
  if (current.startsWith('-'))
    return starts([...(COMMANDS[command]?.flags ?? []), 'namespace'].map((f) => `--${f}`));
  if (command === 'logs' || command === 'exec') return positionals.length === 0 ? starts(podsHere()) : [];
  if (command === 'cordon' || command === 'uncordon') return starts(host.world.nodes.map((n) => n.name));
  if (command === 'top') return positionals.length === 0 ? starts(['node', 'pod']) : [];
  if (['get', 'describe', 'delete', 'label'].includes(command)) {
    if (positionals.length === 0)
      return starts(RESOURCE_TYPES.flatMap((t) => [t.plural, t.singular, ...t.shortNames]));
    const type = resolveResource(positionals[0]!.split(',')[0]!);
    if (!type) return [];
    return starts(
      listItems(host, type)
        .filter((item) => !type.namespaced || item.namespace === namespace)
        .map((item) => item.name),
    );
  }
  return [];
}
