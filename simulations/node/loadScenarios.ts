import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listScenarios, type LoadedScenario } from '../scenario/scenarioDocuments';

/** Reads content/scenarios/*.md (Node only; the browser passes the texts itself). */
export function loadScenarioFiles(directory: string): LoadedScenario[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort();
  return listScenarios(
    files.map((file) => ({ path: join(directory, file), text: readFileSync(join(directory, file), 'utf8') })),
  );
}
