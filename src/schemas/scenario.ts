import { z } from 'zod';

export const scenarioObjective = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
    .describe('Stable identifier of the objective within the scenario.'),
  question: z
    .string()
    .min(1)
    .describe('What the learner must find out, e.g. "Which pod mounted the Docker socket?".'),
  answers: z
    .array(z.string().min(1))
    .min(1)
    .describe('Accepted answers, compared case-insensitively after trimming.'),
  hint: z.string().optional().describe('A nudge shown on request, e.g. which table to query.'),
});

/** A scripted investigation: a storyline played over simulated background activity, and what to find. */
export const scenario = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
    .describe('Stable identifier; the dataset id is the scenario id plus the seed.'),
  title: z.string().min(1).describe('Title shown in the scenario list.'),
  summary: z.string().min(1).describe('One or two sentences that set the scene for the learner.'),
  difficulty: z
    .enum(['beginner', 'intermediate', 'advanced'])
    .describe('How much KQL and Kubernetes it assumes.'),
  seed: z
    .number()
    .int()
    .nonnegative()
    .describe('Default seed of the random source; the same seed gives the same data.'),
  storyline: z.string().min(1).describe('Id of the attack storyline (timed steps) the simulation plays.'),
  days: z.number().int().positive().max(30).default(1).describe('Days of background activity to simulate.'),
  objectives: z.array(scenarioObjective).min(1).describe('What the learner is graded on.'),
});

export type Scenario = z.infer<typeof scenario>;
