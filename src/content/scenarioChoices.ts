import { getCollection } from 'astro:content';

/** A scenario as the lab and the Datasets page offer it for generation. */
export interface ScenarioChoice {
  id: string;
  title: string;
  seed: number;
  days: number;
}

/** The published scenarios, by title. */
export async function scenarioChoices(): Promise<ScenarioChoice[]> {
  return (await getCollection('scenarios'))
    .map((entry) => ({
      id: entry.data.id,
      title: entry.data.title,
      seed: entry.data.seed,
      days: entry.data.days,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}
