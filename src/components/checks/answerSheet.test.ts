import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonForHtml } from '../../content/jsonForHtml';
import { knowledgeCheck, type KnowledgeCheck } from '../../schemas/check';
import { readContentFolder } from '../../schemas/moduleContent';
import { answerSheetOf, checkViewOf, optionTokens } from './answerSheet';
import { grade } from './grading';

const ATTACK = '</script><img src=x onerror=alert(1)>';

const single: KnowledgeCheck = knowledgeCheck.parse({
  id: 'sample-single',
  module: '4.7',
  lesson: 'modules/4-7-container-escape',
  objective: 'Investigate and remediate threats to containers',
  type: 'single',
  choices: [
    { text: 'The right one', isCorrect: true, explanation: 'Because it is right.' },
    { text: 'A wrong one', isCorrect: false, explanation: 'Because it is wrong.' },
    { text: 'Another wrong one', isCorrect: false, explanation: 'Also wrong.' },
    { text: `Text with ${ATTACK}`, isCorrect: false, explanation: `Explained with ${ATTACK}` },
  ],
});

describe('the view a page shows before an answer', () => {
  it('holds neither the key nor any explanation', () => {
    const view = JSON.stringify(checkViewOf(single));
    expect(view).not.toMatch(/isCorrect|explanation|Because it is|Also wrong/);
  });

  it('lists options in token order, not in the authored order', () => {
    const view = checkViewOf(single);
    const tokens = view.options.map((option) => option.token);
    expect(tokens).toEqual([...tokens].sort());
    expect(new Set(tokens)).toEqual(new Set(optionTokens(single)));
  });

  it('does not put the correct option first more often than chance, over the authored checks', () => {
    const contentRoot = join(import.meta.dirname, '../../../content');
    const checks = readContentFolder(contentRoot, 'checks').flatMap((file) => {
      const parsed = knowledgeCheck.safeParse(file.frontmatter);
      return parsed.success && parsed.data.type === 'single' ? [parsed.data] : [];
    });
    if (checks.length < 10) return;
    const firstIsCorrect = checks.filter((check) => {
      const sheet = answerSheetOf(check);
      const firstToken = checkViewOf(check).options[0]!.token;
      const key = sheet.key as { correct: readonly number[] };
      return key.correct.includes(sheet.tokens.indexOf(firstToken));
    }).length;
    // With about four options each, chance is a quarter; well over half would mean the order leaks the key.
    expect(firstIsCorrect / checks.length).toBeLessThan(0.5);
  });

  it("escapes an author's HTML in option texts", () => {
    const html = checkViewOf(single)
      .options.map((option) => option.html)
      .join('');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;');
  });
});

describe('the answer sheet fetched on submit', () => {
  it('maps tokens back to the authored options and grades a response', () => {
    const sheet = answerSheetOf(single);
    expect(sheet.tokens).toEqual(optionTokens(single));
    expect(sheet.explanations[0]).toBe('Because it is right.');
    expect(grade({ type: 'single', choice: 0 }, sheet.key!).correct).toBe(true);
  });

  it("keeps a query check's reference query out of the page", () => {
    const query = knowledgeCheck.parse({
      id: 'sample-query',
      module: '4.7',
      lesson: 'modules/4-7-runtime-and-audit-logs',
      objective: 'Identify threats by using Kusto Query Language (KQL)',
      type: 'query',
      dataset: { scenario: 'docker-sock-escape', seed: 11 },
      starterQuery: `SecurityAlert // ${ATTACK}`,
      referenceQuery: 'SecurityAlert | count',
      explanation: 'Count them.',
    });
    expect(JSON.stringify(checkViewOf(query))).not.toContain('SecurityAlert | count');
    expect(answerSheetOf(query).query).toEqual({
      referenceQuery: 'SecurityAlert | count',
      orderMatters: false,
      explanationHtml: 'Count them.',
    });
  });
});

describe('ordering and matching checks', () => {
  const base = {
    module: '4.7',
    lesson: 'modules/4-7-investigation-and-forensics',
    objective: 'Investigate and remediate threats to containers',
  };

  it("grade a response made of the page's tokens, mapped back through the sheet", () => {
    const ordering = knowledgeCheck.parse({
      ...base,
      id: 'sample-ordering',
      type: 'ordering',
      items: ['First', 'Second', 'Third'].map((text) => ({ text, explanation: `${text} because.` })),
    });
    const sheet = answerSheetOf(ordering);
    const shown = checkViewOf(ordering).options.map((option) => option.token);
    const inAuthoredOrder = [...shown].sort((a, b) => sheet.tokens.indexOf(a) - sheet.tokens.indexOf(b));
    const order = inAuthoredOrder.map((token) => sheet.tokens.indexOf(token));
    expect(grade({ type: 'ordering', order }, sheet.key!).correct).toBe(true);
    expect(grade({ type: 'ordering', order: [...order].reverse() }, sheet.key!).correct).toBe(false);
  });

  it('offer each right-hand value once, in a neutral order, and keep the pairs in the sheet', () => {
    const matching = knowledgeCheck.parse({
      ...base,
      id: 'sample-matching',
      type: 'matching',
      pairs: [
        { left: 'Docker socket mounted', right: 'Critical', explanation: 'Root on the node.' },
        { left: 'Privileged container', right: 'High', explanation: 'Close to root.' },
        { left: 'hostPath of /etc', right: 'High', explanation: 'Host files.' },
      ],
    });
    const view = checkViewOf(matching);
    expect(view.type === 'matching' && view.rights).toEqual(['Critical', 'High']);
    expect(answerSheetOf(matching).key).toEqual({ type: 'matching', rights: ['Critical', 'High', 'High'] });
  });
});

describe("JSON embedded in a check's HTML", () => {
  it('cannot close its script element when the text holds </script><img onerror>', () => {
    const spec = {
      scenario: 'x',
      seed: 1,
      days: 1,
      datasetId: 'x:1:1',
      note: ATTACK,
      options: checkViewOf(single).options,
    };
    const embedded = jsonForHtml(spec);
    expect(embedded).not.toContain('</script');
    expect(embedded).not.toContain('<img');
    expect(JSON.parse(embedded)).toEqual(spec);
  });
});
