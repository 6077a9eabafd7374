import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { knowledgeCheck, lessonFields, scenario } from './schemas';

/**
 * Instructors' content lives in the top-level `content/` folder. A test points
 * SC200_CONTENT_DIR at a folder of broken fixtures to prove the build names the file and field.
 */
const contentRoot = process.env.SC200_CONTENT_DIR ?? './content';


export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: 'modules/**/*.{md,mdx}', base: contentRoot }),
    schema: docsSchema({ extend: lessonFields }),
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
