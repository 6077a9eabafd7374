/**
 * Parsers of structured text: URLs, query strings, paths, command lines, CSV records, versions, JSON paths.
 */
import { type ScalarFunction, str } from './helpers';

function parseUrl(text: string): unknown {
  try {
    const url = new URL(text);
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, key) => (query[key] = value));
    return {
      Scheme: url.protocol.replace(/:$/, ''),
      Host: url.hostname,
      Port: url.port,
      Path: url.pathname,
      Username: url.username,
      Password: url.password,
      'Query Parameters': query,
      Fragment: url.hash.replace(/^#/, ''),
    };
  } catch {
    return {};
  }
}

/**
 * parse_path(): an optional scheme (`file://`), an optional long-path prefix (`\\?\`), a drive (`C:`) as the root,
 * either kind of slash, and an alternate data stream after a colon in the file name (`file.txt:some.exe`).
 */
function parsePath(text: string): unknown {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const path = scheme ? text.slice(scheme[0].length) : text;
  const rooted = path.replace(/^[\\/]{2}\?[\\/]/, '');
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const directoryPath = separator >= 0 ? path.slice(0, separator) : '';
  const leaf = path.slice(separator + 1);
  const streamColon = leaf.indexOf(':');
  const filename = streamColon >= 0 ? leaf.slice(0, streamColon) : leaf;
  const dot = filename.lastIndexOf('.');
  return {
    Scheme: scheme?.[1] ?? '',
    RootPath: /^[A-Za-z]:/.exec(rooted)?.[0] ?? '',
    DirectoryPath: directoryPath,
    DirectoryName: directoryPath.split(/[\\/]/).pop() ?? '',
    Filename: filename,
    Extension: dot >= 0 ? filename.slice(dot + 1) : '',
    AlternateDataStreamName: streamColon >= 0 ? leaf.slice(streamColon + 1) : '',
  };
}

function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') break;
    else if (ch !== '\r') field += ch;
  }
  fields.push(field);
  return fields;
}

export const PARSING_FUNCTIONS: Record<string, ScalarFunction> = {
  parse_url: ([v]) => parseUrl(str(v)),
  parse_urlquery: ([v]) => {
    const query: Record<string, string> = {};
    new URLSearchParams(str(v).replace(/^\?/, '')).forEach((value, key) => (query[key] = value));
    return { 'Query Parameters': query };
  },
  parse_path: ([v]) => parsePath(str(v)),
  parse_command_line: ([v]) =>
    str(v)
      .match(/"[^"]*"|\S+/g)
      ?.map((s) => s.replace(/^"|"$/g, '')) ?? [],
  parse_version: ([v]) => {
    const parts = str(v).split('.');
    if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) return null;
    return Number(
      parts
        .map((p) => p.padStart(8, '0'))
        .concat(Array(4 - parts.length).fill('00000000'))
        .join(''),
    );
  },
  parse_csv: ([text]) => parseCsvRecord(str(text)),
  ipv4_netmask_suffix: ([text]) => {
    const match = /^\s*\d{1,3}(\.\d{1,3}){3}(?:\/(\d{1,2}))?\s*$/.exec(str(text));
    if (!match) return null;
    return match[2] === undefined ? 32 : Number(match[2]);
  },
  // The older name Kusto.Language still knows.
  extractjson: (args, c) => PARSING_FUNCTIONS['extract_json']!(args, c),
  extract_json: ([path, text]) => {
    let value: unknown;
    try {
      value = JSON.parse(str(text));
    } catch {
      return null;
    }
    const parts = str(path)
      .replace(/^\$\.?/, '')
      .split(/\.|\[['"]?|['"]?\]/)
      .filter((p) => p !== '');
    for (const part of parts) {
      if (value === null || typeof value !== 'object') return null;
      value = Array.isArray(value) ? value[Number(part)] : (value as Record<string, unknown>)[part];
    }
    if (value === undefined) return null;
    return typeof value === 'object' ? JSON.stringify(value) : value;
  },
};
