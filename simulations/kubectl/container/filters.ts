/**
 * The text filters a learner pipes container output through inside `sh -c '… | grep x'`: grep (-i, -v, -E, -c),
 * head and tail (-n N, -N), wc -l, sort (-r). Anything else in a pipeline is refused by name.
 */
export function applyFilter(
  words: string[],
  input: string,
): { output: string; error?: string; status: number } {
  const [name, ...args] = words as [string, ...string[]];
  const lines = input.endsWith('\n') ? input.slice(0, -1).split('\n') : input === '' ? [] : input.split('\n');
  const join = (list: string[]) => (list.length > 0 ? `${list.join('\n')}\n` : '');
  const count = (fallback: number) => {
    const n = args.find((a, i) => /^-\d+$/.test(a) || (args[i - 1] === '-n' && /^\d+$/.test(a)));
    return n === undefined ? fallback : Math.abs(Number(n));
  };
  switch (name) {
    case 'grep': {
      const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
      const pattern = args.find((a) => !/^-[a-zA-Z]+$/.test(a));
      if (pattern === undefined)
        return { output: '', error: 'Usage: grep [OPTION]... PATTERNS [FILE]...\n', status: 2 };
      let regex: RegExp;
      try {
        regex = new RegExp(
          flags.includes('E')
            ? pattern
            : pattern.replace(/[.*+?^${}()|[\]\\]/g, (c) =>
                c === '.' || c === '*' || c === '^' || c === '$' || c === '[' || c === ']' ? c : `\\${c}`,
              ),
          flags.includes('i') ? 'i' : '',
        );
      } catch {
        return { output: '', error: `grep: Invalid regular expression\n`, status: 2 };
      }
      const kept = lines.filter((line) => regex.test(line) !== flags.includes('v'));
      if (flags.includes('c')) return { output: `${kept.length}\n`, status: kept.length > 0 ? 0 : 1 };
      return { output: join(kept), status: kept.length > 0 ? 0 : 1 };
    }
    case 'head':
      return { output: join(lines.slice(0, count(10))), status: 0 };
    case 'tail':
      return { output: join(lines.slice(Math.max(0, lines.length - count(10)))), status: 0 };
    case 'wc':
      return {
        output: args.includes('-l')
          ? `${lines.length}\n`
          : `${lines.length} ${input.split(/\s+/).filter(Boolean).length} ${input.length}\n`,
        status: 0,
      };
    case 'sort': {
      const sorted = [...lines].sort();
      return { output: join(args.includes('-r') ? sorted.reverse() : sorted), status: 0 };
    }
    default:
      return { output: '', error: `sh: ${name}: not available in this simulated shell\n`, status: 127 };
  }
}
