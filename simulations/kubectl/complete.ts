import { listItems } from './catalog';
import { FLAGS } from './flags';
import type { KubectlHost } from './host';
import { COMMANDS } from './kubectl';
import { RESOURCE_TYPES, resolveResource } from './resources';
import { splitCommandLine } from './argv';

/**
 * Completions for the word being typed: subcommands, resource types, names of objects (in the namespace
 * given with -n), namespaces after -n, flags after `-`. Reads the cluster; sends no request.
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
  if (previous === '-n' || previous === '--namespace') return starts(host.world.namespaces.keys());
  if (current.startsWith('-'))
    return starts((COMMANDS[command]?.flags ?? []).concat(['namespace']).map((f) => `--${FLAGS[f] ? f : f}`));
  const positionals = rest.filter(
    (w, i) => !w.startsWith('-') && !['-n', '--namespace', '-o', '-c', '-l'].includes(rest[i - 1] ?? ''),
  );
  const nsIndex = words.findIndex((w) => w === '-n' || w === '--namespace');
  const namespace = nsIndex >= 0 ? words[nsIndex + 1] : 'default';
  if (command === 'logs' || command === 'exec') {
    if (positionals.length === 0)
      return starts(
        listItems(host, resolveResource('pods')!)
          .filter((p) => p.namespace === namespace)
          .map((p) => p.name),
      );
    return [];
  }
  if (command === 'cordon' || command === 'uncordon') return starts(host.world.nodes.map((n) => n.name));
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
