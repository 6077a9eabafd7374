import type { Scenario } from '../../src/schemas/scenario';

/** Every KQL query a scenario file holds, with where it is, for messages. */
export interface ScenarioQuery {
  objective: string;
  /** "reference query" or "wrong answer 2 query". */
  role: string;
  text: string;
}

/** The part of a Kusto.Language diagnostic a message needs (the engine's `Diagnostic` fits). */
export interface QueryDiagnostic {
  severity: string;
  message: string;
  line: number;
  column: number;
}

export function scenarioQueries(scenario: Scenario): ScenarioQuery[] {
  return scenario.objectives.flatMap((objective) => [
    ...(objective.query ? [{ objective: objective.id, role: 'reference query', text: objective.query }] : []),
    ...(objective.live
      ? [{ objective: objective.id, role: 'live pod query', text: objective.live.pod }]
      : []),
    ...objective.wrongAnswers.flatMap((wrong, index) =>
      wrong.query
        ? [{ objective: objective.id, role: `wrong answer ${index + 1} query`, text: wrong.query }]
        : [],
    ),
  ]);
}

/**
 * Queries that do not parse or bind against the table schemas, one message each naming the file, the objective
 * and the place in the query. `diagnose` is the engine's (Kusto.Language), passed in so that the simulation
 * does not depend on the engine.
 */
export function queryProblems(
  path: string,
  scenario: Scenario,
  diagnose: (text: string) => readonly QueryDiagnostic[],
): string[] {
  return scenarioQueries(scenario).flatMap((query) =>
    diagnose(query.text)
      .filter((diagnostic) => diagnostic.severity === 'error')
      .slice(0, 1)
      .map(
        (diagnostic) =>
          `${path}: objective "${query.objective}", ${query.role}, line ${diagnostic.line} column ${diagnostic.column}: ${diagnostic.message}`,
      ),
  );
}
