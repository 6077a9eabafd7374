/**
 * The settings whose values are checked by meaning (their schemas are in settings.ts). Kept apart from the schemas so
 * that reading any other setting (a lesson page reads the learner's shuffle seed) never loads zod.
 */
export const CHECKED_SETTING_KEYS = ['exam-history', 'lab.dataset', 'lab.tabs'] as const;

export type CheckedSettingKey = (typeof CHECKED_SETTING_KEYS)[number];

export function isCheckedSettingKey(key: string): key is CheckedSettingKey {
  return (CHECKED_SETTING_KEYS as readonly string[]).includes(key);
}
