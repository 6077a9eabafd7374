/** A kubectl flag: long name, optional one-letter shorthand, whether it takes a value. */
export interface FlagSpec {
  name: string;
  short?: string;
  takesValue: boolean;
}

export const FLAGS: Record<string, FlagSpec> = Object.fromEntries(
  (
    [
      ['namespace', 'n', true],
      ['all-namespaces', 'A', false],
      ['output', 'o', true],
      ['selector', 'l', true],
      ['no-headers', undefined, false],
      ['show-kind', undefined, false],
      ['show-labels', undefined, false],
      ['as', undefined, true],
      ['context', undefined, true],
      ['container', 'c', true],
      ['tail', undefined, true],
      ['previous', 'p', false],
      ['all-containers', undefined, false],
      ['timestamps', undefined, false],
      ['prefix', undefined, false],
      ['stdin', 'i', false],
      ['tty', 't', false],
      ['quiet', 'q', false],
      ['list', undefined, false],
      ['containers', undefined, false],
      ['filename', 'f', true],
      ['overwrite', undefined, false],
      ['force', undefined, false],
      ['grace-period', undefined, true],
      ['now', undefined, false],
      ['wait', undefined, false],
      ['client', undefined, false],
      ['short', undefined, false],
      ['sort-by', undefined, true],
      ['help', 'h', false],
      ['dry-run', undefined, true],
      ['clusterrole', undefined, true],
      ['role', undefined, true],
      ['serviceaccount', undefined, true],
      ['user', undefined, true],
      ['group', undefined, true],
    ] as const
  ).map(([name, short, takesValue]) => [name, { name, short, takesValue }]),
);

const BY_SHORT = new Map(
  Object.values(FLAGS)
    .filter((f) => f.short)
    .map((f) => [f.short!, f]),
);

/**
 * Real kubectl flags the simulation does not implement: named as such, not as unknown, so that a learner who
 * knows kubectl is not told a real flag does not exist.
 */
const NOT_SIMULATED: Record<string, string | undefined> = {
  watch: 'w',
  'as-group': undefined,
  follow: 'f',
  since: undefined,
  'since-time': undefined,
  'field-selector': undefined,
  'label-columns': 'L',
  'show-managed-fields': undefined,
  'ignore-not-found': undefined,
  'grace-period': undefined,
  force: undefined,
  cascade: undefined,
  timeout: undefined,
  recursive: 'R',
  kustomize: 'k',
  kubeconfig: undefined,
  server: 's',
  token: undefined,
  template: undefined,
  'server-side': undefined,
  validate: undefined,
  limit: undefined,
};

const NOT_SIMULATED_SHORT = new Map(
  Object.entries(NOT_SIMULATED)
    .filter(([, short]) => short)
    .map(([name, short]) => [short!, name]),
);

function notSimulated(flag: string): FlagError {
  return new FlagError(`${flag} is a kubectl flag this simulated cluster does not support`, true);
}

/** Flags every command accepts (kubectl's global flags that the simulation honours). */
const GLOBAL = ['namespace', 'as', 'context', 'help'];

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string>;
  /** Words after a bare `--` (exec's command). */
  rest?: string[];
}

export class FlagError extends Error {
  constructor(
    message: string,
    /** A real kubectl flag the simulation does not implement (not a typo). */
    readonly known = false,
  ) {
    super(message);
  }
}

/**
 * Parses words the way cobra / pflag does: `--name=value`, `--name value`, `-n value`, `-nvalue`, grouped
 * boolean shorthands (`-it`), and `--` ending the flags. Only the flags `allowed` for the command (and the
 * global ones) are accepted; any other is an error worded as kubectl words it.
 */
export function parseArgs(words: readonly string[], allowed: readonly string[]): ParsedArgs {
  const permitted = new Set([...allowed, ...GLOBAL]);
  const flags = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') return { positionals, flags, rest: words.slice(i + 1) };
    if (word.startsWith('--') && word.length > 2) {
      const [name, inline] = splitOnce(word.slice(2), '=');
      const spec = FLAGS[name];
      if (!spec || !permitted.has(name)) {
        if (name in NOT_SIMULATED) throw notSimulated(`--${name}`);
        throw new FlagError(`unknown flag: --${name}`);
      }
      if (!spec.takesValue) flags.set(name, inline ?? 'true');
      else if (inline !== undefined) flags.set(name, inline);
      else if (i + 1 < words.length) flags.set(name, words[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (word.startsWith('-') && word.length > 1 && word !== '-') {
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]!;
        const spec = BY_SHORT.get(letter);
        if (!spec || !permitted.has(spec.name)) {
          if (NOT_SIMULATED_SHORT.has(letter)) throw notSimulated(`-${letter}`);
          throw new FlagError(`unknown shorthand flag: '${letter}' in ${word}`);
        }
        if (!spec.takesValue) {
          flags.set(spec.name, 'true');
          continue;
        }
        const remainder = word.slice(j + 1);
        if (remainder.length > 0)
          flags.set(spec.name, remainder.startsWith('=') ? remainder.slice(1) : remainder);
        else if (i + 1 < words.length) flags.set(spec.name, words[++i]!);
        else throw new FlagError(`flag needs an argument: '${letter}' in -${letter}`);
        break;
      }
      continue;
    }
    positionals.push(word);
  }
  return { positionals, flags };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}
