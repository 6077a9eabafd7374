import type { JsonObject } from '../cluster/types';
import { COLUMNS, listItems, type Item } from './catalog';
import type { ParsedArgs } from './flags';
import { requestNamedObject, type KubectlHost } from './host';
import { JsonPathError, jsonPath } from './jsonpath';
import { asList, toJson, toYaml } from './output';
import { matchesSelector, selectorError } from './podView';
import { ALL_CATEGORY, kindPrefix, qualifiedName, resolveResource, type ResourceType } from './resources';
import { fail, serverError, type CommandOutput } from './result';
import { GET_TABS, tabulate } from './tabwriter';

export const GET_FLAGS = [
  'all-namespaces',
  'output',
  'selector',
  'no-headers',
  'show-kind',
  'show-labels',
  'sort-by',
];

const OUTPUT_FORMATS = ['', 'wide', 'yaml', 'json', 'name', 'jsonpath'];

/** `-o jsonpath=TEMPLATE` (or `jsonpath='…'`): the format and its template. */
function outputFormat(flag: string): { format: string; template?: string } {
  const match = /^jsonpath=(.*)$/s.exec(flag);
  return match ? { format: 'jsonpath', template: match[1]! } : { format: flag };
}

/** `--sort-by` fields kubectl users reach for; others are refused rather than ignored. */
const SORT_FIELDS: Record<string, (item: Item) => string | number> = {
  '.metadata.name': (item) => item.name,
  '{.metadata.name}': (item) => item.name,
  '.metadata.creationTimestamp': (item) => item.createdAt,
  '{.metadata.creationTimestamp}': (item) => item.createdAt,
  '.lastTimestamp': (item) => item.createdAt,
  '{.lastTimestamp}': (item) => item.createdAt,
};

const PRINTER_ERROR = (format: string) =>
  `error: unable to match a printer suitable for the output format "${format}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`;

interface Request {
  type: ResourceType;
  names: string[];
}

/** Turns `pods`, `deploy,rs`, `pod/x`, `all` and names into (type, names) requests, or kubectl's error. */
function parseTargets(positionals: string[]): Request[] | string {
  if (positionals.length === 0)
    return 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples.\n';
  if (positionals.some((p) => p.includes('/'))) {
    const requests: Request[] = [];
    for (const word of positionals) {
      const [typeName, name] = word.split('/', 2) as [string, string | undefined];
      if (!name) return `error: arguments in resource/name form must have a single resource and name\n`;
      const type = resolveResource(typeName);
      if (!type) return `error: the server doesn't have a resource type "${typeName}"\n`;
      const existing = requests.find((r) => r.type === type);
      if (existing) existing.names.push(name);
      else requests.push({ type, names: [name] });
    }
    return requests;
  }
  const [typeList, ...names] = positionals as [string, ...string[]];
  const requests: Request[] = [];
  for (const word of typeList.split(',').filter(Boolean)) {
    if (word === 'all') {
      for (const plural of ALL_CATEGORY) requests.push({ type: resolveResource(plural)!, names: [] });
      continue;
    }
    const type = resolveResource(word);
    if (!type) return `error: the server doesn't have a resource type "${word}"\n`;
    requests.push({ type, names: [...names] });
  }
  if (names.length > 0 && requests.length > 1)
    return `error: you may only specify a single resource type when specifying names\n`;
  return requests;
}

export function get(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const { format: output, template } = outputFormat(args.flags.get('output') ?? '');
  if (!OUTPUT_FORMATS.includes(output) || (output === 'jsonpath' && template === undefined))
    return fail(PRINTER_ERROR(args.flags.get('output') ?? ''));
  const sortBy = args.flags.get('sort-by');
  const sortKey = sortBy === undefined ? undefined : SORT_FIELDS[sortBy];
  if (sortBy !== undefined && !sortKey)
    return fail(
      `error: the simulated kubectl sorts by ${Object.keys(SORT_FIELDS)
        .filter((k) => !k.startsWith('{'))
        .join(', ')}\n`,
    );
  const selector = args.flags.get('selector');
  if (selector) {
    const problem = selectorError(selector);
    if (problem) return fail(`${problem}\n`);
  }
  const targets = parseTargets(args.positionals);
  if (typeof targets === 'string') return fail(targets);
  const allNamespaces = args.flags.has('all-namespaces');
  if (allNamespaces && targets.some((t) => t.names.length > 0))
    return fail('error: a resource cannot be retrieved by name across all namespaces\n');
  const namespace = args.flags.get('namespace') ?? 'default';
  const as = args.flags.get('as');
  const several = targets.length > 1 || args.flags.has('show-kind');
  let stderr = '';
  const tables: string[] = [];
  const names: string[] = [];
  const objects: JsonObject[] = [];
  let failed = false;
  let anyFound = false;
  for (const { type, names: wanted } of targets) {
    const scope = type.namespaced && !allNamespaces ? namespace : undefined;
    const all = listItems(host, type).filter(
      (item) => (scope === undefined || item.namespace === scope) && matchesSelector(item.labels, selector),
    );
    let items: Item[];
    if (wanted.length === 0) {
      const outcome = host.request(
        {
          verb: 'list',
          resource: type.plural,
          apiGroup: type.group || undefined,
          namespace: scope,
          query: 'limit=500',
        },
        as,
      );
      if (outcome.code >= 400) {
        stderr += serverError(outcome.code, outcome.message ?? '');
        failed = true;
        continue;
      }
      items = all;
    } else {
      items = [];
      for (const name of wanted) {
        const found = all.find((item) => item.name === name);
        const outcome = requestNamedObject(host, type, namespace, name, found !== undefined, as);
        if (outcome.code >= 400) {
          stderr += serverError(
            outcome.code,
            outcome.message ?? `${qualifiedName(type)} "${name}" not found`,
          );
          failed = true;
        } else if (found) items.push(found);
      }
    }
    if (items.length === 0) continue;
    anyFound = true;
    if (sortKey)
      items = [...items].sort((a, b) => {
        const [x, y] = [sortKey(a), sortKey(b)];
        return x < y ? -1 : x > y ? 1 : 0;
      });
    if (output === 'name') names.push(...items.map((item) => `${kindPrefix(type)}${item.name}`));
    else if (output === 'yaml' || output === 'json' || output === 'jsonpath')
      objects.push(...items.map((item) => item.object()));
    else
      tables.push(
        printTable(type, items, {
          allNamespaces: allNamespaces && type.namespaced,
          wide: output === 'wide',
          noHeaders: args.flags.has('no-headers'),
          prefix: several,
          showLabels: args.flags.has('show-labels'),
        }),
      );
  }
  if (!anyFound && !failed) {
    const where =
      targets.every((t) => !t.type.namespaced) || allNamespaces ? '' : ` in ${namespace} namespace`;
    return { stdout: '', stderr: `No resources found${where}.\n`, exitCode: 0 };
  }
  let stdout: string;
  if (output === 'name') stdout = names.map((n) => `${n}\n`).join('');
  else if (output === 'yaml' || output === 'json' || output === 'jsonpath') {
    const single = targets.length === 1 && targets[0]!.names.length === 1 && objects.length === 1;
    const value = single ? objects[0]! : asList(objects);
    if (output === 'jsonpath') {
      try {
        stdout = jsonPath(template!, value);
      } catch (error) {
        if (!(error instanceof JsonPathError)) throw error;
        return fail(`error: error executing jsonpath "${template}": ${error.message}\n`);
      }
    } else stdout = output === 'yaml' ? toYaml(value) : toJson(value);
  } else stdout = tables.map((table) => `${table}\n`).join('\n');
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

export function printTable(
  type: ResourceType,
  items: Item[],
  options: {
    allNamespaces: boolean;
    wide: boolean;
    noHeaders: boolean;
    prefix: boolean;
    showLabels: boolean;
  },
): string {
  const columns = COLUMNS[type.plural]!;
  const isEvents = type.plural === 'events';
  const header = [
    ...(options.allNamespaces ? ['NAMESPACE'] : []),
    ...(isEvents ? [] : ['NAME']),
    ...(isEvents && options.wide
      ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', ...columns.wide]
      : [...columns.normal, ...(options.wide ? columns.wide : [])]),
    ...(options.showLabels ? ['LABELS'] : []),
  ];
  const rows = items.map((item) => [
    ...(options.allNamespaces ? [item.namespace ?? ''] : []),
    ...(isEvents ? [] : [`${options.prefix ? kindPrefix(type) : ''}${item.name}`]),
    ...item.cells(options.wide),
    ...(options.showLabels
      ? [
          Object.keys(item.labels).length === 0
            ? '<none>'
            : Object.entries(item.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(','),
        ]
      : []),
  ]);
  const lines = [...(options.noHeaders ? [] : [header]), ...rows].map((cells) => cells.join('\t'));
  return tabulate(lines, GET_TABS);
}
