import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AUTHORING_PATH, fieldTable, renderAuthoringGuide } from './generate-authoring';

describe('AUTHORING.md', () => {
  it('is up to date with the schemas (run npx tsx scripts/generate-authoring.ts)', async () => {
    expect(readFileSync(AUTHORING_PATH, 'utf8')).toBe(await renderAuthoringGuide());
  });

  it('documents every field of every check type', async () => {
    const guide = await renderAuthoringGuide();
    for (const field of [
      '`choices[].explanation`',
      '`items[].text`',
      '`pairs[].right`',
      '`referenceQuery`',
      '`orderMatters`',
    ])
      expect(guide).toContain(field);
    for (const type of ['single', 'multiple', 'ordering', 'matching', 'query'])
      expect(guide).toContain(`type: "${type}"`);
  });
});

describe('fieldTable', () => {
  it('lists fields with type, whether required, description and constraints', () => {
    const table = fieldTable(
      z.object({
        name: z.string().min(1).describe('The name.'),
        count: z.number().int().default(3).describe('How many.'),
        tags: z.array(z.object({ label: z.string().describe('A label.') })).describe('Tags.'),
      }),
    );
    expect(table.split('\n')).toEqual([
      '| Field | Type | Required | Meaning |',
      '| --- | --- | --- | --- |',
      '| `name` | string | yes | The name. — at least 1 characters |',
      '| `count` | whole number | no | How many. — default `3` |',
      '| `tags` | list of object | yes | Tags. |',
      '| `tags[].label` | string | yes | A label. |',
    ]);
  });
});
