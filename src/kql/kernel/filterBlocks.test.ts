// `where` run as whole-column loops (filterBlocks.ts) must keep exactly the rows the general row-by-row path keeps:
// the same data is loaded once as wire rows (no epoch milliseconds, no dictionary) and once as columnar chunks, over
// more rows than one block, with nulls, NaN, empty and mixed-case texts, and datetime bounds at tick precision. On
// the wire-row side every column in the predicate is wrapped in an identity (`N + 0`, `strcat(Name, "")`), which no
// column test recognises, so the expected rows come from the compiled expressions.
import { describe, expect, it } from 'vitest';
import { createKqlEngine, type KqlEngine } from '../engine';
import { seededRandom } from '../../shared/random';
import type { TableSchema } from '../types';

const SCHEMA: TableSchema = {
  name: 'F',
  columns: [
    { name: 'T', type: 'datetime' },
    { name: 'Sev', type: 'string' },
    { name: 'Name', type: 'string' },
    { name: 'N', type: 'long' },
    { name: 'R', type: 'real' },
    { name: 'U', type: 'string' },
    { name: 'D', type: 'dynamic' },
  ],
};
// More than two blocks of 16,384 rows, ending inside a block.
const ROWS = 40_000;
const rand = seededRandom(11);
const pick = (n: number) => Math.floor(rand() * n);
const severities = ['High', 'high', '', 'Low', 'HIGH', 'Medium'];
const names = ['alpha', 'Alpha', '', 'beta', 'gamma'];
// Texts for the term operators: terms at either end, inside longer words, beside punctuation and non-ASCII letters.
const words = ['secrets', 'Secrets', 'SECRETS', 'secretsX', 'xsecrets', 'secret', 'über', 'écrets', 'pods'];
const separators = ['/', '?', '=', '-', '_', ' ', 'é', '9'];
const start = Date.UTC(2026, 0, 10);
const data = {
  ms: new Float64Array(ROWS),
  sev: new Int32Array(ROWS),
  name: new Array<string>(ROWS),
  n: new Float64Array(ROWS),
  nNulls: new Uint8Array(ROWS),
  r: new Float64Array(ROWS),
  rNulls: new Uint8Array(ROWS),
  u: new Array<string>(ROWS),
  d: new Array<unknown>(ROWS),
};
for (let i = 0; i < ROWS; i++) {
  // Whole milliseconds around the bounds below, with ties.
  data.ms[i] = start + (pick(3) - 1) * 1_000 + pick(3) - 1;
  data.sev[i] = pick(severities.length + 1) - 1; // -1 reads as ""
  data.name[i] = names[pick(names.length)]!;
  data.n[i] = pick(7) - 3;
  data.nNulls[i] = pick(6) === 0 ? 1 : 0;
  data.r[i] = pick(10) === 0 ? NaN : pick(9) / 2 - 2;
  data.rNulls[i] = pick(7) === 0 ? 1 : 0;
  data.u[i] = Array.from({ length: pick(4) }, () => words[pick(words.length)]! + separators[pick(8)]!).join(
    '',
  );
  // A log line's payload: a text, an object holding one, a number or nothing (its tostring() is what `has` reads).
  const text = `${words[pick(words.length)]} ${words[pick(words.length)]}`;
  data.d[i] = [text, { message: text, level: pick(3) }, pick(100), null][pick(4)];
}
const sevText = (code: number) => (code < 0 ? '' : severities[code]!);

function columnar(): KqlEngine {
  const engine = createKqlEngine({ tables: [SCHEMA] });
  engine.loadColumns('F', ROWS, {
    T: { epochMs: data.ms },
    Sev: { dictionary: severities, codes: data.sev },
    Name: { values: data.name },
    N: { values: data.n, nulls: data.nNulls },
    R: { values: data.r, nulls: data.rNulls },
    U: { values: data.u },
    D: { values: data.d },
  });
  return engine;
}

function byRows(): KqlEngine {
  const engine = createKqlEngine({ tables: [SCHEMA] });
  engine.loadTable(
    'F',
    Array.from({ length: ROWS }, (_, i) => ({
      T: new Date(data.ms[i]!).toISOString(),
      Sev: sevText(data.sev[i]!),
      Name: data.name[i],
      N: data.nNulls[i] ? null : data.n[i],
      R: data.rNulls[i] ? null : Number.isNaN(data.r[i]) ? 'NaN' : data.r[i],
      U: data.u[i],
      D: data.d[i],
    })),
  );
  return engine;
}

// Bounds on a millisecond and a tick either side of it.
const AT = '2026-01-10T00:00:00';
const PREDICATES = [
  `T between (datetime(${AT}.0000001) .. datetime(2026-01-10T00:00:01.0009999))`,
  `T between (datetime(${AT}.001) .. 999ms) and Sev == "High"`,
  `T !between (datetime(2026-01-09T23:59:59.0005) .. datetime(${AT}.0015))`,
  `T < datetime(${AT}.0010001)`,
  `T <= datetime(${AT}.0009999)`,
  `T > datetime(${AT}.0009999) and T < datetime(2026-01-10T00:00:01.0000001)`,
  `T >= datetime(${AT}.0010001)`,
  `T == datetime(${AT}.001)`,
  `T == datetime(${AT}.0010001)`,
  `T != datetime(${AT}.001) and Name == "alpha"`,
  `T != datetime(${AT}.0010001)`,
  `datetime(${AT}) >= T and Sev in ("high", "")`,
  `T > datetime(null) or Sev == ""`,
  `T != datetime(null) and Sev != "High"`,
  'Sev =~ "high" and Name != "" and N >= 0',
  'Name == "Alpha" or Name == ""',
  'Name != "alpha" and Sev == "HIGH"',
  'N < 1',
  'N <= -1 and R > 0',
  '2 > N',
  'N == 0',
  'N != 0',
  'N == 0.0 and R != 0.5',
  'R < 1.5',
  'R >= -0.5 and R <= 1',
  'R == real(nan)',
  'R != real(nan)',
  'N > long(null)',
  'N == int(null) or N != int(null)',
  'strlen(Name) > 4 and T >= datetime(2026-01-09T23:59:59.999) and isnotnull(N)',
  'true and Sev == "Medium"',
  'false or N == 1',
  'Sev == "nothing"',
  '1 == 1',
  'U has "secrets"',
  'U !has "secrets" and N > 0',
  'U has_cs "Secrets"',
  'U !has_cs "SECRETS"',
  'U hasprefix "secret" and T > datetime(2026-01-09)',
  'U hassuffix "crets"',
  'U has "über"',
  'U has "/pods?"',
  'U has "" and Name == "beta"',
  'U !has ""',
  'U has "secrets" or Sev == "Low"',
  'tostring(D) has "secrets"',
  'tostring(D) !has_cs "Secrets" and N > 0',
  'tostring(D) hasprefix "mess"',
  'tostring(D) has "9"',
  'tostring(U) has "pods"',
];

/** The predicate with each column read through an identity expression: only the general path can run it. */
const IDENTITY: Record<string, string> = {
  T: '(T + 0s)',
  Sev: 'strcat(Sev, "")',
  Name: 'strcat(Name, "")',
  N: '(N + 0)',
  R: '(R + 0.0)',
  U: 'strcat(U, "")',
};
const general = (predicate: string) =>
  predicate
    .replace(/\b(T|Sev|Name|N|R|U)\b/g, (name) => IDENTITY[name]!)
    .replace('tostring(D)', 'strcat(tostring(D), "")');

describe('where as column loops keeps what the row path keeps', () => {
  const fast = columnar();
  const slow = byRows();
  it.each(PREDICATES)('%s', (predicate) => {
    const queries = (where: string) => [
      `F | where ${where} | count`,
      `F | where ${where} | summarize count() by Sev, Name, N | order by Sev asc, Name asc, N asc`,
      `F | extend Row = row_number() | where ${where} | summarize sum(Row), min(Row), max(Row)`,
    ];
    const generalQueries = queries(general(predicate));
    queries(predicate).forEach((query, i) => {
      const expected = slow.query(generalQueries[i]!);
      const actual = fast.query(query);
      if (!expected.ok) throw new Error(`row engine: ${expected.code} ${expected.message}`);
      if (!actual.ok) throw new Error(`columnar engine: ${actual.code} ${actual.message}`);
      expect(actual.rows(), query).toEqual(expected.rows());
    });
  });
});
