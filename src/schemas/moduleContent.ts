/**
 * Reads the Markdown content files (lessons and checks) from disk for tests and scripts that run
 * outside Astro: frontmatter parsed with the same zod schemas as the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ContentFile {
  /** Path relative to the content root, with forward slashes, e.g. `checks/4-7/evidence-order.md`. */
  path: string;
  /** Astro's collection id: the path without its extension. */
  id: string;
  frontmatter: unknown;
  body: string;
}

export class FrontmatterError extends Error {}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseContentFile(path: string, text: string): Omit<ContentFile, 'id'> {
  const match = FRONTMATTER.exec(text);
  if (!match)
    throw new FrontmatterError(`${path}: no frontmatter (a block between two "---" lines at the top)`);
  try {
    return { path, frontmatter: parseYaml(match[1]!), body: match[2]!.trim() };
  } catch (error) {
    throw new FrontmatterError(`${path}: the frontmatter is not valid YAML: ${(error as Error).message}`);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every `.md`/`.mdx` file under `contentRoot/folder`. */
export function readContentFolder(contentRoot: string, folder: string): ContentFile[] {
  return walk(join(contentRoot, folder))
    .filter((file) => /\.mdx?$/.test(file))
    .sort()
    .map((file) => {
      const path = relative(contentRoot, file).split('\\').join('/');
      return { ...parseContentFile(path, readFileSync(file, 'utf8')), id: path.replace(/\.mdx?$/, '') };
    });
}
