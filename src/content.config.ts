import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { docsSchema } from '@astrojs/starlight/schema';
import { knowledgeCheck, lessonFields, scenario } from './schemas';

/**
 * Instructors' content lives in the top-level `content/` folder. A test points
 * SC200_CONTENT_DIR at a folder of broken fixtures to prove the build names the file and field.
 */
const contentRoot = process.env.SC200_CONTENT_DIR ?? './content';

export const collections = {
  // Starlight renders lessons from `docs`. Its schema also validates the frontmatter of our own
  // pages (home, 404), so the lesson fields are optional there and required by `lessons` below,
  // which reads the same files.
  docs: defineCollection({
    loader: glob({ pattern: 'modules/**/*.{md,mdx}', base: contentRoot }),
    schema: docsSchema({ extend: lessonFields.partial() }),
  }),
  lessons: defineCollection({
    loader: glob({ pattern: 'modules/**/*.{md,mdx}', base: contentRoot }),
    schema: lessonFields
      .extend({
        title: z.string().min(1).describe('The lesson title, shown in the sidebar and on the home page.'),
      })
      .loose(),
  }),
  checks: defineCollection({
    loader: glob({ pattern: 'checks/**/*.md', base: contentRoot }),
    schema: knowledgeCheck,
  }),
  scenarios: defineCollection({
    loader: glob({ pattern: 'scenarios/**/*.md', base: contentRoot }),
    schema: scenario,
  }),
};
