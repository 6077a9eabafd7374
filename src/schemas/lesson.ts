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
});

export type LessonFields = z.infer<typeof lessonFields>;
