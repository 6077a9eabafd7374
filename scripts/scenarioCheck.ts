/**
 * `npm run -s scenario:check`: proves every case can be solved, for several seeds.
 *
 * For each scenario file and each seed it generates the dataset in memory, loads it into the KQL engine at the
 * dataset's virtual now, and runs every reference query. A case fails unless each query answers with exactly one
 * value, the opening alert is in SecurityAlert and opens an incident, each query-based answer changes between
 * seeds (unless the objective is marked `fixed`), and each known wrong answer differs from the answer. `--static`
 * only parses and binds the queries against the table schemas (the build runs that). Exit code 1 on any problem;
 * the last line is `N cases, M objectives, all solvable`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answerFromResult, answerMatches, normalizeAnswer } from '../src/investigations/answers';
import { liveAnswer } from '../src/investigations/liveEvidence';
import { createKqlEngine, type KqlEngine } from '../src/kql/index';
import type { Scenario } from '../src/schemas/scenario';
import { MemorySink, type Row } from '../simulations/core/sink';
import { loadScenarioFiles } from '../simulations/node/loadScenarios';
import { queryProblems, scenarioQueries } from '../simulations/scenario/referenceQueries';
import { simulate } from '../simulations/scenario/runner';
import { createLiveCluster, type LiveCluster } from '../simulations/live/liveCluster';
import type { LoadedScenario } from '../simulations/scenario/scenarioDocuments';

/** Seeds every case is checked with, besides its own default. */
export const CHECK_SEEDS = [1, 2, 3, 4] as const;

export interface CaseReport {
  id: string;
  objectives: number;
  /** Generation time in Node, per seed, in milliseconds. */
  generationMs: Map<number, number>;
  /** Answers of query-based objectives, by objective then seed. */
  answers: Map<string, Map<number, string>>;
  problems: string[];
}

const engineForDiagnostics = (() => {
  let engine: KqlEngine | undefined;
  return () => (engine ??= createKqlEngine());
})();

/** Parse and bind problems of every query of every file (what the build checks). */
export function staticProblems(scenarios: readonly LoadedScenario[]): string[] {
  const engine = engineForDiagnostics();
  return scenarios.flatMap((entry) =>
    queryProblems(entry.path, entry.scenario, (text) => engine.diagnose(text)),
  );
}

function runQuery(
  engine: KqlEngine,
  text: string,
  now: Date,
): { ok: true; value: string } | { ok: false; reason: string } {
  const outcome = engine.query(text, { now, maxRows: 10 });
  if (!outcome.ok)
    return { ok: false, reason: `line ${outcome.line} column ${outcome.column}: ${outcome.message}` };
  return answerFromResult({ rowCount: outcome.rowCount, columns: outcome.columns, rows: outcome.page(0, 1) });
}

function opensAnIncident(alerts: readonly Row[], incidents: readonly Row[]): boolean {
  const ids = new Set(alerts.map((alert) => String(alert.SystemAlertId)));
  return incidents.some((incident) => {
    const linked: unknown = incident.AlertIds;
    const list: unknown = typeof linked === 'string' ? JSON.parse(linked) : linked;
    return Array.isArray(list) && list.some((id) => ids.has(String(id)));
  });
}

/**
 * Which tables a case's queries can read: loading only those makes a check several times faster. A query that
 * can reach any table (`search`, `union *`) gets them all.
 */
function tablesUsed(scenario: Scenario): (table: string) => boolean {
  const texts = scenarioQueries(scenario).map((query) => query.text);
  if (texts.some((text) => /\bsearch\b|\bunion\s+\*/.test(text))) return () => true;
  const words = new Set(texts.flatMap((text) => text.match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? []));
  return (table) => words.has(table);
}

/** Generates one case's dataset for one seed and checks every objective on it. */
async function checkSeed(scenario: Scenario, seed: number, report: CaseReport): Promise<void> {
  const where = (objective?: string) =>
    `${scenario.id} seed ${seed}${objective ? ` objective "${objective}"` : ''}`;
  const sink = new MemorySink();
  const started = performance.now();
  const result = await simulate({ scenario, seed, days: scenario.days, sink });
  report.generationMs.set(seed, performance.now() - started);

  const opening = sink.rows('SecurityAlert').filter((row) => row.AlertType === scenario.openingAlert);
  if (opening.length === 0)
    report.problems.push(`${where()}: the opening alert ${scenario.openingAlert} is not in SecurityAlert`);
  else if (!opensAnIncident(opening, sink.rows('SecurityIncident')))
    report.problems.push(
      `${where()}: the opening alert ${scenario.openingAlert} opens no incident in SecurityIncident (informational alerts do not); the case page shows the incident, so pick an alert of severity Low or above`,
    );

  const engine = createKqlEngine();
  const needed = tablesUsed(scenario);
  for (const [table, rows] of sink.tables) if (needed(table)) engine.loadTable(table, rows);
  const now = new Date(result.manifest.virtualNow);

  // Built once per seed, and only for a case with objectives answered inside the live pod.
  let live: Promise<LiveCluster> | undefined;
  const runOnLiveCluster = async (line: string) => {
    live ??= createLiveCluster({ scenario, seed, days: scenario.days });
    const result = (await live).kubectl(line);
    return result.exitCode === 0
      ? ({ ok: true, value: result.stdout } as const)
      : ({ ok: false, reason: result.stderr.trim() } as const);
  };

  for (const objective of scenario.objectives) {
    let answer: string | undefined;
    if (objective.live) {
      const outcome = await liveAnswer(
        objective.live,
        async (query) => runQuery(engine, query, now),
        runOnLiveCluster,
      );
      if (!outcome.ok) {
        report.problems.push(`${where(objective.id)}: live evidence: ${outcome.reason}`);
        continue;
      }
      answer = outcome.value;
      const bySeed = report.answers.get(objective.id) ?? new Map<number, string>();
      bySeed.set(seed, answer);
      report.answers.set(objective.id, bySeed);
    } else if (objective.query) {
      const outcome = runQuery(engine, objective.query, now);
      if (!outcome.ok) {
        report.problems.push(`${where(objective.id)}: reference query: ${outcome.reason}`);
        continue;
      }
      answer = outcome.value;
      const bySeed = report.answers.get(objective.id) ?? new Map<number, string>();
      bySeed.set(seed, answer);
      report.answers.set(objective.id, bySeed);
    }
    const expected = [...(answer === undefined ? [] : [answer]), ...(objective.answers ?? [])];
    objective.wrongAnswers.forEach((wrong, index) => {
      const label = `wrong answer ${index + 1}`;
      let value = wrong.answer;
      if (wrong.query) {
        const outcome = runQuery(engine, wrong.query, now);
        if (!outcome.ok) {
          report.problems.push(`${where(objective.id)}: ${label} query: ${outcome.reason}`);
          return;
        }
        value = outcome.value;
      }
      if (value !== undefined && answerMatches(value, expected))
        report.problems.push(`${where(objective.id)}: ${label} "${value}" is accepted as the right answer`);
    });
  }
}

/**
 * What the learner reads before solving (title, summary, brief, questions, answer formats, hints) must not contain
 * an answer that the data gives: the case would be solved by reading. Fixed answers (a well-known path) are exempt.
 */
export function giveaways(
  entry: LoadedScenario,
  answers: ReadonlyMap<string, ReadonlyMap<number, string>>,
): string[] {
  const { scenario } = entry;
  const visible = [
    scenario.title,
    scenario.summary,
    entry.briefing,
    ...scenario.objectives.flatMap((objective) => [
      objective.question,
      objective.answerFormat ?? '',
      ...objective.hints.map((hint) => hint.text),
    ]),
  ]
    .join('\n')
    .toLowerCase();
  const problems: string[] = [];
  for (const objective of scenario.objectives) {
    if (objective.fixed) continue;
    for (const [seed, answer] of answers.get(objective.id) ?? []) {
      const value = normalizeAnswer(answer);
      const name = /^[^/\s]+\/[^/\s]+$/.test(value) ? value.split('/')[1]! : value;
      const leaked = [value, name].find((form) => form.length >= 4 && visible.includes(form));
      if (leaked)
        problems.push(
          `${scenario.id} seed ${seed} objective "${objective.id}": the answer "${leaked}" is written in what the learner reads before solving`,
        );
    }
  }
  return problems;
}

/** Checks one case for the given seeds; answers must vary across them unless there is only one. */
export async function checkCase(entry: LoadedScenario, seeds: readonly number[]): Promise<CaseReport> {
  const { scenario } = entry;
  const report: CaseReport = {
    id: scenario.id,
    objectives: scenario.objectives.length,
    generationMs: new Map(),
    answers: new Map(),
    problems: [],
  };
  for (const seed of seeds) await checkSeed(scenario, seed, report);
  report.problems.push(...giveaways(entry, report.answers));
  if (seeds.length > 1)
    for (const objective of scenario.objectives) {
      const bySeed = report.answers.get(objective.id);
      if (!bySeed || bySeed.size < seeds.length) continue;
      const distinct = new Set([...bySeed.values()].map(normalizeAnswer));
      if (!objective.fixed && distinct.size < 2)
        report.problems.push(
          `${scenario.id} objective "${objective.id}": the answer is "${[...bySeed.values()][0]}" for every seed (${seeds.join(', ')}); vary the indicator in the storyline, or mark the objective fixed: true if it cannot vary`,
        );
      if (objective.fixed && distinct.size > 1)
        report.problems.push(
          `${scenario.id} objective "${objective.id}" is marked fixed but its answer changes with the seed (${[...distinct].join(', ')})`,
        );
    }
  return report;
}

/** Seeds to check: the case's own, and the others too when `all`. */
export function seedsFor(scenario: Scenario, all: boolean): number[] {
  return all ? [...new Set([scenario.seed, ...CHECK_SEEDS])] : [scenario.seed];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      static: { type: 'boolean', default: false },
      all: { type: 'boolean', default: process.env.CI === 'true' },
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string' },
      content: { type: 'string', default: 'content' },
      answers: { type: 'boolean', default: false },
    },
  });
  const directory = resolve(values.content, 'scenarios');
  const scenarios = loadScenarioFiles(directory).filter(
    (entry) => values.scenario === undefined || entry.scenario.id === values.scenario,
  );
  // A site may have no cases yet: nothing to bind then. Asked to check cases and finding none is a mistake.
  if (scenarios.length === 0 && !(values.static && values.scenario === undefined))
    throw new Error(`no scenario files matched in ${directory}`);
  const objectiveCount = scenarios.reduce((sum, entry) => sum + entry.scenario.objectives.length, 0);

  const parseProblems = staticProblems(scenarios);
  if (values.static || parseProblems.length > 0) {
    for (const problem of parseProblems) console.error(problem);
    console.log(
      parseProblems.length === 0
        ? `${scenarios.length} cases, ${objectiveCount} objectives, every query parses and binds`
        : `${scenarios.length} cases, ${objectiveCount} objectives, ${parseProblems.length} queries do not parse or bind`,
    );
    process.exitCode = parseProblems.length === 0 ? 0 : 1;
    return;
  }

  const all = values.all && !values.quick;
  const problems: string[] = [];
  for (const entry of scenarios) {
    const seeds = seedsFor(entry.scenario, all);
    const report = await checkCase(entry, seeds);
    const timings = [...report.generationMs]
      .map(([seed, ms]) => `seed ${seed} ${Math.round(ms)} ms`)
      .join(', ');
    console.log(
      `${report.id}: ${report.objectives} objectives, ${entry.scenario.days} days; generated in Node: ${timings}${report.problems.length ? `; ${report.problems.length} problems` : ''}`,
    );
    if (values.answers)
      for (const [objective, bySeed] of report.answers)
        console.log(`  ${objective}: ${[...bySeed].map(([seed, answer]) => `${seed}=${answer}`).join('  ')}`);
    for (const problem of report.problems) console.error(`  ${problem}`);
    problems.push(...report.problems);
  }
  if (problems.length > 0) {
    console.log(`${scenarios.length} cases, ${objectiveCount} objectives, ${problems.length} problems`);
    process.exitCode = 1;
    return;
  }
  console.log(`${scenarios.length} cases, ${objectiveCount} objectives, all solvable`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(`scenario:check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
