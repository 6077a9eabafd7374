/**
 * parse_user_agent(): browser, operating system and device of a user-agent string, shaped as Kusto returns them
 * (`Browser {Name, MajorVersion, MinorVersion, Patch}`, `OperatingSystem {Name, MajorVersion, MinorVersion, Patch,
 * PatchMinor}`, `Device {Name, Brand, Model}`; an unknown part is `Other` with empty versions). Kusto uses the
 * uap-core rules; this is a compact subset of them covering the common browsers, systems, command-line clients and
 * crawlers, first match wins as in uap-core. A rare agent uap-core knows may come out as `Other` here.
 */
type Versions = [string, string, string, string];

interface Rule {
  readonly pattern: RegExp;
  /** The family, or `$1` for the first group. */
  readonly family: string;
  /** Which groups hold the versions (after the family group when the family is `$1`). */
  readonly versionOverride?: Versions;
}

const BROWSER_RULES: readonly Rule[] = [
  {
    pattern: /(Googlebot|bingbot|Baiduspider|YandexBot|DuckDuckBot|Slurp|facebookexternalhit)\/(\d+)\.(\d+)/,
    family: '$1',
  },
  { pattern: /AdobeAIR\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'AdobeAIR' },
  { pattern: /Edg(?:e|A|iOS)?\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Edge' },
  { pattern: /(?:OPR|Opera)\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Opera' },
  { pattern: /SamsungBrowser\/(\d+)\.(\d+)/, family: 'Samsung Internet' },
  { pattern: /FxiOS\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Firefox iOS' },
  { pattern: /Mobile.*Firefox\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Firefox Mobile' },
  { pattern: /Firefox\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Firefox' },
  { pattern: /CriOS\/(\d+)\.(\d+)\.(\d+)/, family: 'Chrome Mobile iOS' },
  { pattern: /Chrome\/(\d+)\.(\d+)\.(\d+)\.\d+ Mobile/, family: 'Chrome Mobile' },
  { pattern: /Chromium\/(\d+)\.(\d+)\.(\d+)/, family: 'Chromium' },
  { pattern: /Chrome\/(\d+)\.(\d+)\.(\d+)/, family: 'Chrome' },
  { pattern: /Version\/(\d+)\.(\d+)(?:\.(\d+))?.*Mobile.*Safari\//, family: 'Mobile Safari' },
  { pattern: /Version\/(\d+)\.(\d+)(?:\.(\d+))?.*Safari\//, family: 'Safari' },
  { pattern: /MSIE (\d+)\.(\d+)/, family: 'IE' },
  { pattern: /Trident\/7\.0.*rv:(\d+)\.(\d+)/, family: 'IE' },
  { pattern: /WindowsPowerShell\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'WindowsPowerShell' },
  { pattern: /PowerShell\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'PowerShell' },
  { pattern: /python-requests\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Python Requests' },
  { pattern: /Python-urllib\/(\d+)\.(\d+)/, family: 'Python-urllib' },
  { pattern: /^curl\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'curl' },
  { pattern: /^Wget\/(\d+)\.(\d+)(?:\.(\d+))?/, family: 'Wget' },
  { pattern: /^kubectl\/v(\d+)\.(\d+)\.(\d+)/, family: 'kubectl' },
  { pattern: /^Go-http-client\/(\d+)\.(\d+)/, family: 'Go-http-client' },
];

const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  '10.0': '10',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.2': 'XP',
  '5.1': 'XP',
  '5.0': '2000',
};

const OS_RULES: readonly Rule[] = [
  { pattern: /Windows Phone (?:OS )?(\d+)\.(\d+)/, family: 'Windows Phone' },
  { pattern: /(?:iPhone|CPU) OS (\d+)_(\d+)(?:_(\d+))?/, family: 'iOS' },
  { pattern: /iPad.*OS (\d+)_(\d+)(?:_(\d+))?/, family: 'iOS' },
  { pattern: /Mac OS X (\d+)[_.](\d+)(?:[_.](\d+))?/, family: 'Mac OS X' },
  { pattern: /Android[ /](\d+)(?:\.(\d+))?(?:\.(\d+))?/, family: 'Android' },
  { pattern: /CrOS \S+ (\d+)\.(\d+)\.(\d+)/, family: 'Chrome OS' },
  { pattern: /Ubuntu(?:\/(\d+)\.(\d+))?/, family: 'Ubuntu' },
  { pattern: /Fedora/, family: 'Fedora' },
  { pattern: /Linux/, family: 'Linux' },
];

const pick = (match: RegExpExecArray, index: number) => match[index] ?? '';

function parseBrowser(agent: string): Record<string, string> {
  for (const rule of BROWSER_RULES) {
    const match = rule.pattern.exec(agent);
    if (!match) continue;
    const offset = rule.family === '$1' ? 1 : 0;
    return {
      Name: rule.family === '$1' ? match[1]! : rule.family,
      MajorVersion: pick(match, 1 + offset),
      MinorVersion: pick(match, 2 + offset),
      Patch: pick(match, 3 + offset),
    };
  }
  return { Name: 'Other', MajorVersion: '', MinorVersion: '', Patch: '' };
}

function parseOperatingSystem(agent: string): Record<string, string> {
  const windows = /Windows NT (\d+\.\d+)/.exec(agent);
  if (windows) {
    const version = WINDOWS_VERSIONS[windows[1]!];
    const [major, minor] = (version ?? windows[1]!).split('.');
    return {
      Name: 'Windows',
      MajorVersion: major ?? '',
      MinorVersion: minor ?? '',
      Patch: '',
      PatchMinor: '',
    };
  }
  if (/Windows/.test(agent) && !/Windows Phone/.test(agent))
    return { Name: 'Windows', MajorVersion: '', MinorVersion: '', Patch: '', PatchMinor: '' };
  for (const rule of OS_RULES) {
    const match = rule.pattern.exec(agent);
    if (!match) continue;
    return {
      Name: rule.family,
      MajorVersion: pick(match, 1),
      MinorVersion: pick(match, 2),
      Patch: pick(match, 3),
      PatchMinor: '',
    };
  }
  return { Name: 'Other', MajorVersion: '', MinorVersion: '', Patch: '', PatchMinor: '' };
}

function parseDevice(agent: string): Record<string, string> {
  if (/bot|crawler|spider|slurp|facebookexternalhit/i.test(agent))
    return { Name: 'Spider', Brand: 'Spider', Model: 'Desktop' };
  for (const apple of ['iPhone', 'iPad', 'iPod'])
    if (agent.includes(apple)) return { Name: apple, Brand: 'Apple', Model: apple };
  if (agent.includes('Macintosh')) return { Name: 'Mac', Brand: 'Apple', Model: 'Mac' };
  const android = /Android[^;)]*;(?: [a-z]{2}[-_][A-Za-z]{2};)? ([^;)]+?)(?: Build\/[^;)]*)?\)/.exec(agent);
  if (android) {
    const model = android[1]!.trim();
    if (model && model !== 'K' && !/^(Mobile|wv|U)$/.test(model)) {
      if (/^SM-/.test(model)) return { Name: `Samsung ${model}`, Brand: 'Samsung', Model: model };
      return { Name: model, Brand: 'Generic_Android', Model: model };
    }
    return /Mobile/.test(agent)
      ? { Name: 'Generic Smartphone', Brand: 'Generic', Model: 'Smartphone' }
      : { Name: 'Generic Tablet', Brand: 'Generic', Model: 'Tablet' };
  }
  return { Name: 'Other', Brand: '', Model: '' };
}

const PARTS = {
  browser: ['Browser', parseBrowser],
  os: ['OperatingSystem', parseOperatingSystem],
  device: ['Device', parseDevice],
} as const;

/**
 * The parsed parts named by `lookFor` (`browser`, `os`, `device`, case-insensitive; one name or several), or all three
 * when it is absent. A name outside those three is an error, as in Kusto.
 */
export function parseUserAgent(agent: string, lookFor: readonly string[] | null): Record<string, unknown> {
  const wanted = lookFor ?? ['browser', 'os', 'device'];
  const result: Record<string, unknown> = {};
  for (const name of wanted) {
    const part = PARTS[name.toLowerCase() as keyof typeof PARTS];
    if (!part) throw new Error(`look_for must be 'browser', 'os' or 'device', not '${name}'`);
    result[part[0]] = part[1](agent);
  }
  return result;
}
