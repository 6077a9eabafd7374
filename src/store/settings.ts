/**
 * Learner settings by meaning. A setting is any JSON value in the store, written by one view and read by others, and
 * may come from an imported file: a value of the right shape can still make no sense (`exam-history: [{}]`). Each
 * known key has a schema here; a value that fails it is reported, never handed to a view as if it were good.
 */
import { isCheckedSettingKey, type CheckedSettingKey } from './settingKeys';
import { z } from './zodConfig';

const epochMs = z.number().int().nonnegative().describe('Epoch milliseconds (UTC)');
const percent = z.number().int().min(0).max(100).describe('Whole percent');

const objectiveScore = z
  .object({
    objective: z.string().min(1).describe('The SC-200 objective'),
    correct: z.number().int().nonnegative().describe('Questions of the objective answered right'),
    total: z.number().int().positive().describe('Questions of the objective'),
    percent,
  })
  .refine((score) => score.correct <= score.total, 'more correct answers than questions')
  .describe('The score of one objective');

const examRecord = z
  .object({
    finishedAt: epochMs.describe('When the exam ended'),
    questionCount: z.number().int().positive().max(1000).describe('Questions asked'),
    minutes: z
      .number()
      .positive()
      .max(24 * 60)
      .describe('The time allowed'),
    score: z
      .object({
        correct: z.number().int().nonnegative().describe('Questions answered right'),
        total: z.number().int().nonnegative().describe('Questions scored'),
        percent,
        byObjective: z.array(objectiveScore).describe('Per objective, weakest first'),
      })
      .refine((score) => score.correct <= score.total, 'more correct answers than questions')
      .describe('The exam score'),
  })
  .describe('One finished practice exam');

/** The settings the site reads, by key. A key not listed here is stored and read as it is. */
export const SETTING_SCHEMAS: Readonly<Record<CheckedSettingKey, z.ZodType>> = {
  'exam-history': z.array(examRecord).max(1000).describe('Finished practice exams, oldest first'),
  'lab.dataset': z.string().min(1).max(200).describe('The dataset the lab used last'),
  'lab.tabs': z
    .object({
      tabs: z
        .array(
          z.object({
            id: z.string().min(1).describe('Tab id'),
            title: z.string().describe('Tab title'),
            text: z.string().max(1_000_000).describe('The query in the tab'),
            editedAt: epochMs
              .optional()
              .describe('When the tab was last changed; the later edit wins a merge'),
          }),
        )
        .min(1)
        .max(50)
        .describe('The open query tabs'),
      activeId: z.string().describe('The selected tab'),
      closed: z
        .record(z.string(), epochMs)
        .optional()
        .describe('Closed tab ids and when they were closed, so another page cannot reopen them'),
    })
    .loose()
    .describe("The lab's query tabs"),
};

/** Names the readable part of a setting the learner may want to reset. */
export const SETTING_LABELS: Readonly<Record<CheckedSettingKey, string>> = {
  'exam-history': 'practice exam history',
  'lab.dataset': "the lab's last dataset",
  'lab.tabs': "the lab's query tabs",
};

export type SettingCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/** Whether a stored value makes sense for its key; the problem in plain words when it does not. */
export function checkSetting(key: string, value: unknown): SettingCheck {
  if (!isCheckedSettingKey(key)) return { ok: true };
  const schema = SETTING_SCHEMAS[key];
  const result = schema.safeParse(value);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    problem: `The saved ${SETTING_LABELS[key]} is not valid${where}: ${issue.message}.`,
  };
}
