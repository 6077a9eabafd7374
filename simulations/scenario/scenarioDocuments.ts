import { parse } from 'yaml';
import { scenario as scenarioSchema, type Scenario } from '../../src/schemas/scenario';
import { findStoryline } from '../storylines/index';

export interface ScenarioDocument {
  /** Where it came from (a file path), for messages. */
  path: string;
  text: string;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The learner-facing briefing (the Markdown body). */
  briefing: string;
  path: string;
}

/**
 * Parses a scenario Markdown file: YAML frontmatter validated by the scenario schema, naming a storyline
 * that exists. Works in the browser too (no file system): callers pass the text.
 */
export function parseScenarioDocument(document: ScenarioDocument): LoadedScenario {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(document.text);
  if (!match)
    throw new Error(`${document.path}: no YAML frontmatter (the file must start with a line "---")`);
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    throw new Error(`${document.path}: frontmatter is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`${document.path}: invalid scenario frontmatter: ${problems}`);
  }
  if (!findStoryline(result.data.storyline))
    throw new Error(
      `${document.path}: storyline "${result.data.storyline}" does not exist (simulations/storylines)`,
    );
  return { scenario: result.data, briefing: match[2]!.trim(), path: document.path };
}

/** Parses every scenario document; ids must be unique. */
export function listScenarios(documents: readonly ScenarioDocument[]): LoadedScenario[] {
  const loaded = documents.map(parseScenarioDocument);
  const seen = new Map<string, string>();
  for (const entry of loaded) {
    const previous = seen.get(entry.scenario.id);
    if (previous)
      throw new Error(`${entry.path}: scenario id "${entry.scenario.id}" is already used by ${previous}`);
    seen.set(entry.scenario.id, entry.path);
  }
  return loaded.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
}
