import { z } from './zodConfig';
import { StoreError } from './storeError';
import { checkSetting } from './settings';

import { LEARNER_EXPORT_FORMAT } from './learnerExportFormat';

export { LEARNER_EXPORT_FORMAT };

/** Caps on what a file may hold: far above a real learner's data, low enough that no file can fill the browser. */
const LIMITS = {
  progress: 10_000,
  answers: 200_000,
  reviewCards: 10_000,
  queryHistory: 10_000,
  savedQueries: 5_000,
  settings: 1_000,
  queryText: 1_000_000,
  clusterSessions: 1_000,
  clusterSteps: 5_000,
  commandText: 100_000,
} as const;

const epochMs = z.number().describe('Epoch milliseconds (UTC); zod numbers are finite');

const storedCard = z
  .object({
    due: epochMs.describe('When the card is next due'),
    stability: z.number().describe('FSRS stability'),
    difficulty: z.number().describe('FSRS difficulty'),
    elapsed_days: z.number().describe('Days since the previous review'),
    scheduled_days: z.number().describe('Days between the last review and the due date'),
    learning_steps: z.number().describe('Current learning step'),
    reps: z.number().int().describe('Number of reviews'),
    lapses: z.number().int().describe('Number of times the card was forgotten'),
    state: z.number().int().min(0).max(3).describe('FSRS state: 0 new, 1 learning, 2 review, 3 relearning'),
    last_review: epochMs.optional().describe('When the card was last reviewed'),
  })
  .describe('ts-fsrs card state with dates as epoch milliseconds');

const wireValue = z.unknown().describe('A cell in wire format (string, number, boolean, null or JSON)');

const caseRecord = z
  .object({
    scenarioId: z.string().min(1).describe('The case (scenario id)'),
    seed: z.number().int().nonnegative().describe('Seed of the run: it decides the dataset and the answers'),
    startedAt: epochMs.describe('When this run began'),
    updatedAt: epochMs.describe('When it last changed'),
    objectives: z
      .record(
        z.string(),
        z.object({
          hintsOpened: z.number().int().nonnegative().describe('Hint tiers opened'),
          attempts: z
            .array(
              z.object({
                answer: z.string().describe('The answer given'),
                at: epochMs.describe('When it was given'),
                verdict: z.enum(['correct', 'known-wrong', 'wrong']).describe('How it was graded'),
              }),
            )
            .describe('Answers given, oldest first'),
          solved: z
            .object({
              answer: z.string().describe('The answer that solved it'),
              at: epochMs.describe('When'),
              points: z.number().nonnegative().describe('Points earned after hints'),
            })
            .optional()
            .describe('Present once the objective is solved'),
        }),
      )
      .describe('Progress per objective id'),
    gaveUpAt: epochMs.optional().describe('When the learner gave up this run'),
    notebook: z
      .array(
        z.object({
          id: z.string().min(1).describe('Entry id'),
          kind: z
            .enum(['query', 'row', 'capture'])
            .describe(
              "A pinned query with its result, one pinned row, or a terminal command's captured output",
            ),
          at: epochMs.describe('When it was pinned'),
          query: z.string().describe('The KQL text'),
          columns: z
            .array(
              z.object({ name: z.string().describe('Column name'), type: z.string().describe('Kusto type') }),
            )
            .describe('Result columns'),
          rows: z.array(z.array(wireValue)).describe('The pinned row, or the first rows of the result'),
          rowCount: z.number().int().nonnegative().describe('Rows the query returned in all'),
          output: z
            .string()
            .max(LIMITS.queryText)
            .optional()
            .describe('A capture: what the command printed (stdout, then stderr)'),
          virtualTime: epochMs
            .optional()
            .describe("A capture: the cluster's virtual time when the command ran"),
        }),
      )
      .describe('The case notebook: evidence the learner pinned'),
    earlierRuns: z
      .array(
        z.object({
          seed: z.number().int().nonnegative().describe('Seed of the earlier run'),
          score: z.number().nonnegative().describe('Points it reached'),
          status: z.enum(['not-started', 'in-progress', 'solved', 'given-up']).describe('How it ended'),
          endedAt: epochMs.describe('When the learner left it for a new seed'),
        }),
      )
      .describe('Earlier runs of the same case with other seeds'),
  })
  .describe("The learner's run of one investigation");

/** The JSON file a learner downloads to keep or move their progress. */
export const learnerExportSchema = z
  .object({
    format: z.literal(LEARNER_EXPORT_FORMAT).describe('Marks the file as SC-200 Lab learner data'),
    formatVersion: z.literal(1).describe('Version of this file format'),
    exportedAt: z.string().describe('When the file was written (ISO 8601)'),
    progress: z
      .array(
        z.object({
          lessonId: z.string().min(1).describe('Lesson id'),
          completedAt: epochMs.describe('When the lesson was marked complete'),
        }),
      )
      .max(LIMITS.progress)
      .describe('Completed lessons'),
    answers: z
      .array(
        z.object({
          id: z.number().optional().describe('Local record id (ignored on import)'),
          checkId: z.string().min(1).describe('Knowledge-check id'),
          answer: z.unknown().describe('The answer as the check widget recorded it'),
          correct: z.boolean().describe('Whether the answer was correct'),
          answeredAt: epochMs.describe('When the answer was given'),
          durationMs: z.number().nonnegative().optional().describe('Time taken to answer'),
        }),
      )
      .max(LIMITS.answers)
      .describe('Every answer given to a knowledge check'),
    reviewCards: z
      .array(
        z.object({
          checkId: z.string().min(1).describe('Knowledge-check id'),
          card: storedCard,
          due: epochMs.describe('Copy of card.due'),
          updatedAt: epochMs.describe('When the card was last written'),
        }),
      )
      .max(LIMITS.reviewCards)
      .describe('Spaced-repetition state per check'),
    queryHistory: z
      .array(
        z.object({
          id: z.number().optional().describe('Local record id (ignored on import)'),
          text: z.string().max(LIMITS.queryText).describe('The KQL text that was run'),
          ranAt: epochMs.describe('When it ran'),
          datasetId: z.string().optional().describe('Dataset it ran against'),
          rowCount: z.number().optional().describe('Rows returned'),
          durationMs: z.number().optional().describe('Run time'),
          error: z.string().optional().describe('Error message, when it failed'),
        }),
      )
      .max(LIMITS.queryHistory)
      .describe('Queries the learner ran (the store keeps the latest 500)'),
    savedQueries: z
      .array(
        z.object({
          id: z.number().optional().describe('Local record id (ignored on import)'),
          name: z.string().min(1).describe('Name the learner gave the query'),
          text: z.string().max(LIMITS.queryText).describe('The KQL text'),
          savedAt: epochMs.describe('When it was first saved'),
          updatedAt: epochMs.describe('When it was last saved'),
          description: z.string().optional().describe('Optional note'),
        }),
      )
      .max(LIMITS.savedQueries)
      .describe('Queries the learner saved by name'),
    settings: z
      .array(
        z
          .object({
            key: z.string().min(1).max(200).describe('Setting name'),
            value: z.unknown().describe('Setting value'),
          })
          .superRefine(({ key, value }, context) => {
            const check = checkSetting(key, value);
            if (!check.ok) context.addIssue({ code: 'custom', message: check.problem, path: ['value'] });
          }),
      )
      .max(LIMITS.settings)
      .describe('Site settings'),
    cases: z
      .array(caseRecord)
      .default([])
      .describe('Investigations: one run per case (files written before cases existed have none)'),
    clusterSessions: z
      .array(
        z.object({
          datasetId: z.string().min(1).describe('The dataset whose live cluster the session ran on'),
          datasetCreatedAt: epochMs.describe(
            'When that dataset was generated (a newer one gets the rows again)',
          ),
          steps: z
            .array(
              z.object({
                time: epochMs.describe('Virtual time the clock ran to before the call'),
                line: z
                  .string()
                  .max(LIMITS.commandText)
                  .optional()
                  .describe('The kubectl command line (absent: the clock alone ran)'),
                stdin: z
                  .string()
                  .max(LIMITS.commandText)
                  .optional()
                  .describe('Text piped in (a manifest for apply -f -)'),
                ranAt: epochMs.describe('Wall-clock time of the step'),
                appended: z.boolean().describe("Whether its rows reached the dataset's tables"),
              }),
            )
            .max(LIMITS.clusterSteps)
            .describe('Steps in the order they ran'),
          updatedAt: epochMs.describe('When the session last changed'),
        }),
      )
      .max(LIMITS.clusterSessions)
      .default([])
      .describe(
        'Live-cluster sessions: kubectl calls and the virtual clock per dataset (older files have none)',
      ),
  })
  .describe('SC-200 Lab learner data export');

export type LearnerDataExport = z.infer<typeof learnerExportSchema>;

/** Validates a parsed learner-data file, saying exactly which entry is wrong when it is not valid. */
export function parseLearnerExport(data: unknown): LearnerDataExport {
  const result = learnerExportSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('; ');
  throw new StoreError(
    'invalid-input',
    `This file is not SC-200 Lab learner data, or it is damaged (${problems}). Nothing was imported; your current data is unchanged.`,
  );
}
