/**
 * The knowledge-check bank as exam practice: enough questions, case studies that hold together, and the
 * topics the exam asks about that the module only touches.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeCheck, type KnowledgeCheck } from '../schemas/check';
import { readContentFolder } from '../schemas/moduleContent';

const checks = readContentFolder(join(import.meta.dirname, '../../content'), 'checks').map((file) => ({
  body: file.body,
  check: knowledgeCheck.parse(file.frontmatter),
}));

/** Everything a learner reads in a check: question, options, pairs, items and explanations. */
function textOf({ body, check }: { body: string; check: KnowledgeCheck }): string {
  return [body, JSON.stringify(check)].join('\n');
}

describe('the knowledge-check bank', () => {
  it('holds at least 65 checks', () => expect(checks.length).toBeGreaterThanOrEqual(65));

  it('groups case-study questions by id, three or more per case, with one title and one situation', () => {
    const cases = new Map<string, NonNullable<KnowledgeCheck['caseStudy']>[]>();
    for (const { check } of checks)
      if (check.caseStudy)
        cases.set(check.caseStudy.id, [...(cases.get(check.caseStudy.id) ?? []), check.caseStudy]);
    expect(cases.size).toBeGreaterThanOrEqual(2);
    for (const [id, members] of cases) {
      expect(members.length, id).toBeGreaterThanOrEqual(3);
      expect(new Set(members.map((member) => member.title)).size, `${id}: titles differ`).toBe(1);
      expect(new Set(members.map((member) => member.situation)).size, `${id}: situations differ`).toBe(1);
    }
  });

  it.each([
    ['the Defender sensor component', /Defender sensor/],
    ['the Azure Policy add-on', /Azure Policy add-on/],
    ['agentless discovery for Kubernetes', /Agentless discovery for Kubernetes/i],
    ['registry access', /Registry access/i],
    ['the Sentinel connector for Defender for Cloud', /Defender for Cloud connector/],
    ['bi-directional sync', /bi-directional/i],
    ['suppression rules', /suppression rule/i],
    ['continuous export', /continuous export/i],
    ['kube-audit versus kube-audit-admin', /kube-audit-admin/],
    ['sample alerts', /sample alerts/i],
    ['workflow automation', /workflow automation/i],
    ['hunting container activity in Defender XDR', /CloudProcessEvents/],
  ])('asks about %s', (_topic, pattern) => {
    expect(checks.filter((entry) => pattern.test(textOf(entry))).length).toBeGreaterThanOrEqual(1);
  });
});
