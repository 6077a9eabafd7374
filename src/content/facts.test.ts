/**
 * Facts in content/ checked against their one source: alert names and types against the project's
 * Defender for Containers alert catalog (../shared/reference/defender-k8s-alerts.json), recommendation
 * names against the recommendations the simulation writes to SecurityRecommendation.
 *
 * Content writes these facts in forms this test recognises:
 * - an alert type anywhere: `K8S_…` or `K8S.NODE_…`;
 * - an alert display name with its type: "Privileged container detected" (`K8S_PrivilegedContainer`);
 * - an alert display name followed by the word alert: the "Privileged container detected" alert;
 * - a Markdown table whose first header cell is `Alert`: its first column holds display names;
 * - a check choice, matching side or ordering item written wholly in double quotes: a display name;
 * - a recommendation name in italics (`_…_` or `*…*`) containing "should".
 * Quotes of the course text that name things Defender does not have go in plain quotes inside a
 * blockquote aside of a lesson, never in these forms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySink, simulate, STORYLINES } from '../../simulations/index';
import { knowledgeCheck } from '../schemas/check';
import { readContentFolder, type ContentFile } from '../schemas/moduleContent';

const repoRoot = join(import.meta.dirname, '../..');
const contentRoot = join(repoRoot, 'content');
const catalogPath = join(repoRoot, '../shared/reference/defender-k8s-alerts.json');

interface CatalogEntry {
  displayName: string;
  alertType: string;
}

const files: ContentFile[] = ['modules', 'checks', 'scenarios'].flatMap((folder) =>
  readContentFolder(contentRoot, folder),
);
const rawText = (file: ContentFile) => readFileSync(join(contentRoot, file.path), 'utf8');

/** Names the course text (and the first lessons) used that are not Defender for Containers alerts. */
const NOT_DEFENDER_ALERTS = [
  'Anomalous process execution in container',
  'Docker socket mounted in container',
  'Communication with suspicious IP',
  'Access to Kubernetes dashboard',
];

interface Mention {
  file: string;
  name: string;
  type?: string;
}

const ALERT_TYPE = /\bK8S(?:\.NODE)?_\w+/g;
const NAME_WITH_TYPE = /"([^"\n]+)"\s*\(`?(K8S(?:\.NODE)?_\w+)`?\)/g;
const NAME_THEN_ALERT = /"([^"\n]+)"\s+alerts?\b/g;
const WHOLLY_QUOTED = /^"([^"]+)"$/;

function withoutCode(text: string): string {
  return text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

function alertTypeMentions(file: ContentFile): Mention[] {
  return [...rawText(file).matchAll(ALERT_TYPE)].map((match) => ({
    file: file.path,
    name: match[0],
    type: match[0],
  }));
}

function tableAlertNames(file: ContentFile): Mention[] {
  const mentions: Mention[] = [];
  let inAlertTable = false;
  for (const line of file.body.split('\n')) {
    const cells = line.trim().startsWith('|') ? line.split('|').slice(1, -1) : undefined;
    if (!cells || cells.length === 0) {
      inAlertTable = false;
      continue;
    }
    const first = cells[0]!.trim();
    if (/^-+$/.test(first.replace(/:/g, ''))) continue;
    if (first === 'Alert') {
      inAlertTable = true;
      continue;
    }
    if (!inAlertTable) continue;
    const typed = /"([^"]+)"\s*\(`?(K8S(?:\.NODE)?_\w+)`?\)/.exec(first);
    const name = typed ? typed[1]! : first.replace(/\*\*/g, '').replace(/^"|"$/g, '').trim();
    mentions.push({ file: file.path, name, type: typed?.[2] });
  }
  return mentions;
}

function quotedCheckTexts(file: ContentFile): Mention[] {
  if (!file.path.startsWith('checks/')) return [];
  const parsed = knowledgeCheck.safeParse(file.frontmatter);
  if (!parsed.success) return [];
  const check = parsed.data;
  const texts =
    check.type === 'single' || check.type === 'multiple'
      ? check.choices.map((choice) => choice.text)
      : check.type === 'matching'
        ? check.pairs.flatMap((pair) => [pair.left, pair.right])
        : check.type === 'ordering'
          ? check.items.map((item) => item.text)
          : [];
  return texts.flatMap((text) => {
    const match = WHOLLY_QUOTED.exec(text.trim());
    return match ? [{ file: file.path, name: match[1]! }] : [];
  });
}

function alertNameMentions(file: ContentFile): Mention[] {
  const text = rawText(file);
  const withType = [...text.matchAll(NAME_WITH_TYPE)].map((match) => ({
    file: file.path,
    name: match[1]!,
    type: match[2]!,
  }));
  const thenAlert = [...text.matchAll(NAME_THEN_ALERT)].map((match) => ({
    file: file.path,
    name: match[1]!,
  }));
  return [...withType, ...thenAlert, ...tableAlertNames(file), ...quotedCheckTexts(file)];
}

/** Recommendation names: italic spans that state what "should" be, with any quotes inside removed. */
function recommendationMentions(file: ContentFile): Mention[] {
  const text = withoutCode(rawText(file));
  const italics = [...text.matchAll(/(?<![\w*])\*([^*\n]+)\*(?![\w*])|(?<!\w)_([^_\n]+)_(?!\w)/g)];
  return italics
    .map((match) => (match[1] ?? match[2]!).replace(/^["'“]|["'”]$/g, '').trim())
    .filter((span) => /\bshould\b/.test(span))
    .map((name) => ({ file: file.path, name }));
}

function describeMentions(mentions: Mention[]): string[] {
  return mentions.map(
    (m) => `${m.file}: ${m.type && m.type !== m.name ? `"${m.name}" (${m.type})` : m.name}`,
  );
}

describe('alert names and types in content/ are in the alert catalog', () => {
  if (!existsSync(catalogPath)) {
    it.skip('../shared/reference/defender-k8s-alerts.json is absent: alert facts not checked', () => {});
    return;
  }
  const catalog = (JSON.parse(readFileSync(catalogPath, 'utf8')) as { catalog: CatalogEntry[] }).catalog;
  const nameOfType = new Map(catalog.map((entry) => [entry.alertType, entry.displayName]));
  const names = new Set(catalog.map((entry) => entry.displayName));

  it('finds the alert facts it checks (the forms are in use)', () => {
    expect(files.flatMap(alertTypeMentions).length).toBeGreaterThan(10);
    expect(files.flatMap(alertNameMentions).length).toBeGreaterThan(10);
  });

  it('every alert type (K8S_…, K8S.NODE_…) is a catalog alert type', () => {
    const unknown = files.flatMap(alertTypeMentions).filter((mention) => !nameOfType.has(mention.type!));
    expect(describeMentions(unknown)).toEqual([]);
  });

  it('every alert display name is a catalog display name, and the type written with it is its own', () => {
    const wrong = files
      .flatMap(alertNameMentions)
      .filter((mention) =>
        mention.type ? nameOfType.get(mention.type) !== mention.name : !names.has(mention.name),
      );
    expect(describeMentions(wrong)).toEqual([]);
  });

  it('names that are not Defender alerts appear only in a lesson aside quoting the course text', () => {
    const misuses = files.flatMap((file) =>
      file.body
        .split('\n')
        .filter((line) => !(file.path.startsWith('modules/') && line.trimStart().startsWith('>')))
        .flatMap((line) => NOT_DEFENDER_ALERTS.filter((name) => line.includes(name)))
        .map((name) => `${file.path}: ${name}`),
    );
    const inFrontmatter = files.flatMap((file) => {
      const frontmatter = JSON.stringify(file.frontmatter);
      return NOT_DEFENDER_ALERTS.filter((name) => frontmatter.includes(name)).map(
        (name) => `${file.path}: ${name}`,
      );
    });
    expect([...misuses, ...inFrontmatter]).toEqual([]);
  });
});

describe('recommendation names in content/ are those the simulation writes', () => {
  it('every recommendation name (italic, with "should") is in SecurityRecommendation of a simulated dataset', async () => {
    // Posture is assessed once a day, so three days hold every recommendation at least once.
    const sink = new MemorySink();
    await simulate({ scenario: STORYLINES[0]!.id, seed: 1, days: 3, sink });
    const simulated = new Set(
      (sink.tables.get('SecurityRecommendation') ?? []).map((row) => String(row.RecommendationDisplayName)),
    );
    expect(simulated.size).toBeGreaterThan(1);
    const mentions = files.flatMap(recommendationMentions);
    expect(mentions.length).toBeGreaterThan(3);
    const unknown = mentions.filter((mention) => !simulated.has(mention.name));
    expect(describeMentions(unknown)).toEqual([]);
  }, 120_000);
});
