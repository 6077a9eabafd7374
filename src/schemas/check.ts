import { z } from 'zod';

const explanation = z
  .string()
  .min(1)
  .describe(
    'Why this choice is right or wrong, shown to the learner after answering. Required for every choice.',
  );

const choice = z
  .object({
    text: z.string().min(1).describe('The choice as the learner reads it (Markdown inline syntax allowed).'),
    isCorrect: z.boolean().describe('Whether choosing this option is correct.'),
    explanation,
  })
  .describe('One answer option.');

const caseStudy = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
      .describe('Identifier of the case study, the same in each of its questions.'),
    title: z.string().min(1).describe('Title of the case study, shown above each of its questions.'),
    situation: z
      .string()
      .min(40)
      .describe(
        'The situation (a paragraph, Markdown inline syntax allowed) that every question of the case study refers to; shown above each of them. Write it the same way in each question.',
      ),
  })
  .describe(
    'Makes the question part of a case study: one situation followed by three or more questions, as in the exam. Every question of the case repeats the same id, title and situation.',
  );

const commonFields = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
    .describe(
      'Stable identifier of the question; progress and review cards refer to it, so never reuse or rename one.',
    ),
  module: z
    .string()
    .regex(/^\d+\.\d+$/, 'a module number such as "4.7"')
    .describe('The module the question belongs to (e.g. "4.7").'),
  lesson: z
    .string()
    .min(1)
    .describe(
      'Id of the lesson the question checks, as in content/ (e.g. "modules/4-7-defender-for-containers").',
    ),
  objective: z
    .string()
    .min(10)
    .describe('The SC-200 exam objective the question tests; exam mode scores each objective separately.'),
  order: z.number().int().nonnegative().default(0).describe('Position of the question within its lesson.'),
  caseStudy: caseStudy.optional(),
};

export const singleChoiceCheck = z
  .object({
    ...commonFields,
    type: z.literal('single').describe('Single choice: exactly one option is correct.'),
    choices: z.array(choice).min(2).describe('The options, in the order shown.'),
  })
  .refine((check) => check.choices.filter((c) => c.isCorrect).length === 1, {
    message: 'a single-choice question needs exactly one choice with isCorrect: true',
    path: ['choices'],
  });

export const multipleChoiceCheck = z
  .object({
    ...commonFields,
    type: z
      .literal('multiple')
      .describe('Multiple choice: one or more options are correct; the learner picks all of them.'),
    choices: z.array(choice).min(2).describe('The options, in the order shown.'),
  })
  .refine((check) => check.choices.some((c) => c.isCorrect), {
    message: 'a multiple-choice question needs at least one choice with isCorrect: true',
    path: ['choices'],
  });

export const orderingCheck = z.object({
  ...commonFields,
  type: z.literal('ordering').describe('Ordering: the learner puts the items in sequence.'),
  items: z
    .array(
      z.object({
        text: z.string().min(1).describe('The step as the learner reads it.'),
        explanation,
      }),
    )
    .min(2)
    .describe('The items in their correct order; the learner sees them shuffled.'),
});

export const matchingCheck = z.object({
  ...commonFields,
  type: z.literal('matching').describe('Matching: the learner pairs each left item with a right item.'),
  pairs: z
    .array(
      z.object({
        left: z.string().min(1).describe('The item to match (e.g. a risk indicator).'),
        right: z.string().min(1).describe('Its correct partner (e.g. a severity).'),
        explanation,
      }),
    )
    .min(2)
    .describe('The correct pairs; the right-hand items are shown shuffled.'),
});

export const queryCheck = z.object({
  ...commonFields,
  type: z.literal('query').describe('Write a query: graded by comparing the result with a reference query.'),
  referenceQuery: z.string().min(1).describe('The KQL whose result is the right answer.'),
  dataset: z
    .object({
      scenario: z.string().min(1).describe('Scenario id whose simulated data the query runs on.'),
      seed: z.number().int().nonnegative().describe('Seed of the simulated data set.'),
    })
    .describe('The data both queries run on.'),
  starterQuery: z.string().default('').describe('What the editor holds when the question opens.'),
  orderMatters: z
    .boolean()
    .default(false)
    .describe('Whether row order must match the reference (true when the question asks for a sort).'),
  explanation: explanation.describe('Shown after answering: what the reference query does and why.'),
});

/** A knowledge check: one Markdown file whose body is the question and whose frontmatter holds the answers. */
export const knowledgeCheck = z.discriminatedUnion('type', [
  singleChoiceCheck,
  multipleChoiceCheck,
  orderingCheck,
  matchingCheck,
  queryCheck,
]);

export type KnowledgeCheck = z.infer<typeof knowledgeCheck>;
