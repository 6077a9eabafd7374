import { z } from 'zod';

/**
 * The fields a lesson adds to Starlight's own frontmatter (title, description, sidebar…).
 * A lesson is one Markdown file under `content/modules/`.
 */
export const lessonFields = z.object({
  module: z
    .string()
    .regex(/^\d+\.\d+$/, 'a module number such as "4.7"')
    .describe('The course module this lesson belongs to, as numbered in the SC-200 course (e.g. "4.7").'),
  objective: z
    .string()
    .min(10)
    .describe(
      'The SC-200 exam objective the lesson serves, in the words of the skills outline (e.g. "Mitigate threats by using Microsoft Defender for Cloud").',
    ),
  order: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'Position of the lesson within its module; lower numbers come first in the sidebar and the module list.',
    ),
  minutes: z
    .number()
    .int()
    .positive()
    .max(240)
    .describe('Estimated minutes a learner needs to read the lesson and answer its checks.'),
  lab: z
    .object({
      scenario: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'a scenario id such as "docker-sock-escape"')
        .describe('Id of the scenario (content/scenarios/) whose simulated data the examples run on.'),
      seed: z
        .number()
        .int()
        .nonnegative()
        .describe('Seed of that data set; the same seed gives the same rows.'),
    })
    .optional()
    .describe(
      'The data set on which the lesson\'s ```kql examples return rows. When set, each example gets an "Open in lab" link that loads the query with this data set.',
    ),
});

export type LessonFields = z.infer<typeof lessonFields>;
