import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITIONS } from '../tables';
import { knowledgeCheck, type KnowledgeCheck } from './check';
import { lessonFields } from './lesson';
import { readContentFolder } from './moduleContent';

const contentRoot = join(import.meta.dirname, '../../content');
const lessons = readContentFolder(contentRoot, 'modules').filter(
  (file) => (file.frontmatter as { module?: string }).module === '4.7',
);
const lessonText = lessons.map((lesson) => lesson.body).join('\n\n');
const checks = readContentFolder(contentRoot, 'checks').map((file) => ({
  file,
  parsed: knowledgeCheck.safeParse(file.frontmatter),
}));
const validChecks: KnowledgeCheck[] = checks.flatMap(({ parsed }) =>
  parsed.success && parsed.data.module === '4.7' ? [parsed.data] : [],
);

/**
 * The topics of the module's source text. Each must stay in the lesson: every pattern of a topic
 * has to match somewhere in the module's lessons.
 */
const TOPICS: Record<string, RegExp[]> = {
  'the three protection layers': [
    /three layers of protection/i,
    /image scanning/i,
    /runtime protection/i,
    /audit-log analysis/i,
  ],
  'scan checkpoints: push, scheduled rescan, pull': [
    /\*\*Push\*\*/,
    /\*\*Scheduled rescan\*\*/,
    /\*\*Pull\*\*/,
  ],
  'what a finding shows': [
    /CVE identifier/,
    /affected package/,
    /fixed version/,
    /CVSS score/,
    /image, layer and package/,
  ],
  'the container vulnerability recommendation': [
    /registry container images should have vulnerabilities resolved/,
  ],
  'admission control with Azure Policy for Kubernetes': [
    /Admission control/,
    /Azure Policy for\s+Kubernetes/,
    /shifting left/i,
  ],
  'the runtime sensor as a DaemonSet': [/Defender sensor/, /DaemonSet/],
  'the four runtime anomaly kinds': [
    /Process execution/,
    /\*\*Network\*\*/,
    /\*\*File system\*\*/,
    /Privilege escalation/,
  ],
  'the four runtime alerts': [
    /Container with a sensitive volume mount/,
    /Anomalous process execution in container/,
    /Docker socket mounted in container/,
    /Communication with suspicious IP/,
  ],
  'investigating when the container is gone': [/already gone/i, /Sentinel/],
  'audit-log analysis and what it detects': [
    /audit log/,
    /RBAC bindings/,
    /host network/,
    /secrets/,
    /machine\s+learning/,
  ],
  'the three audit-log alerts': [
    /New high privileges role detected/,
    /Container running in privileged mode/,
    /Access to Kubernetes dashboard/,
  ],
  'the working SecurityAlert query with parse_json': [
    /parse_json\(ExtendedProperties\)/,
    /is a `string` column/,
  ],
  'escape vectors including kernel exploits': [
    /Privileged container/,
    /Docker socket mount/,
    /hostPath volume/,
    /Kernel exploit/,
  ],
  'the risk-indicator table with severities': [
    /Docker socket mounted\s*\|\s*\*\*Critical\*\*/,
    /Privileged container deployed\s*\|\s*\*\*High\*\*/,
    /hostPath volume of `\/` mounted\s*\|\s*\*\*High\*\*/,
    /Container running as root\s*\|\s*\*\*Medium\*\*/,
    /Host network mode\s*\|\s*\*\*Medium\*\*/,
    /Host PID namespace\s*\|\s*\*\*Medium\*\*/,
  ],
  'the detection priority': [/Detection priority/],
  'Pod Security Standards levels': [
    /Pod Security Standards/,
    /\*\*Privileged\*\*/,
    /\*\*Baseline\*\*/,
    /\*\*Restricted\*\*/,
  ],
  'Azure Policy rejecting non-compliant pods and its recommendations': [
    /API server rejects it/,
    /Privileged containers should be avoided/,
    /share the host process ID namespace/,
  ],
  'the supply-chain stages': [
    /Base image selection/,
    /Build pipeline/,
    /\*\*Registry\*\*/,
    /\*\*Runtime\*\*/,
  ],
  'why runtime monitoring is still needed': [/not scanned/, /disclosed after/, /change a running container/],
  'the four-step investigation methodology': [
    /Preserve the evidence/,
    /Investigate the image/,
    /Investigate the pod configuration/,
    /Check for lateral movement/,
  ],
  'the exam takeaways': [/What the SC-200 exam expects/],
  'AKS baseline hardening': [
    /AKS security baseline/,
    /CIS Kubernetes Benchmark/,
    /Azure RBAC for Kubernetes authorization/,
    /Pod security admission/,
    /dashboard disabled/i,
    /Network policies/,
    /audit logging/,
    /imagePullPolicy: Always/,
  ],
  'the forensics evidence order': [
    /Container logs/,
    /Running processes/,
    /Network connections/,
    /File system changes/,
  ],
  'what remains once a pod is gone': [/Defender sensor data in Sentinel/, /The Kubernetes audit log/],
  'the "Try it yourself" dashboard tour': [/Try it yourself/, /Workload protections/, /no resources/],
};

describe('module 4.7 lessons', () => {
  it('exist and have valid lesson frontmatter', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(1);
    for (const lesson of lessons) {
      const parsed = lessonFields.safeParse(lesson.frontmatter);
      expect(parsed.success, `${lesson.path}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it.each(Object.entries(TOPICS))('cover the topic: %s', (_topic, patterns) => {
    for (const pattern of patterns) expect(pattern.test(lessonText), `no match for ${pattern}`).toBe(true);
  });
});

describe('module 4.7 knowledge checks', () => {
  it('all validate against the check schema, with the file named after the id', () => {
    for (const { file, parsed } of checks) {
      expect(parsed.success, `${file.path}: ${parsed.error?.message}`).toBe(true);
      if (parsed.success) expect(basename(file.path, '.md')).toBe(parsed.data.id);
      expect(file.body.length, `${file.path}: the body (the question) is empty`).toBeGreaterThan(0);
    }
  });

  it('have unique ids and belong to lessons of the module', () => {
    const ids = validChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    const lessonIds = new Set(lessons.map((lesson) => lesson.id));
    for (const check of validChecks) expect(lessonIds, check.id).toContain(check.lesson);
  });

  it('number at least 25 and cover every kind of question the issue asks for', () => {
    expect(validChecks.length).toBeGreaterThanOrEqual(25);
    const types = new Set(validChecks.map((check) => check.type));
    for (const type of ['single', 'multiple', 'ordering', 'matching']) expect(types).toContain(type);
    const ordering = validChecks.filter((check) => check.type === 'ordering').map((check) => check.id);
    expect(ordering).toEqual(expect.arrayContaining(['investigation-steps', 'evidence-order']));
    const matching = validChecks.filter((check) => check.type === 'matching').map((check) => check.id);
    expect(matching).toEqual(expect.arrayContaining(['escape-risk-ranking', 'pss-levels']));
    expect(ids()).toContain('critical-cve-in-production');
  });
});

function ids(): string[] {
  return validChecks.map((check) => check.id);
}

/** Kusto.Language analysis of a query against the project's table definitions: its error diagnostics. */
function kustoErrors(query: string): string[] {
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const K = (globalThis as any).Kusto.Language;
  const symbols = TABLE_DEFINITIONS.map(
    (table) =>
      new K.Symbols.TableSymbol.$ctor7(
        table.name,
        `(${table.columns.map((column) => `['${column.name}']:${column.type}`).join(', ')})`,
        null,
      ),
  );
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('Sentinel', symbols));
  const diagnostics = K.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
  const errors: string[] = [];
  for (let i = 0; i < diagnostics.Count; i++) {
    const diagnostic = diagnostics.getItem(i);
    if (diagnostic.Severity === 'Error') errors.push(`${diagnostic.Code}: ${diagnostic.Message}`);
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return errors;
}

describe('KQL in module 4.7', () => {
  const blocks = [...lessonText.matchAll(/```kql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const references = validChecks.flatMap((check) => (check.type === 'query' ? [check.referenceQuery] : []));

  it('every kql example and reference query analyzes without errors on the real table schemas', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const query of [...blocks, ...references]) expect(kustoErrors(query), query).toEqual([]);
  });

  it('the broken form of the source query is shown as text, and it does fail', () => {
    const broken = /```text\n(SecurityAlert[\s\S]*?ExtendedProperties\.\["Cluster name"\][\s\S]*?)```/.exec(
      lessonText,
    );
    expect(broken, 'the lesson shows the failing query').not.toBeNull();
    expect(kustoErrors(broken![1]!).join('\n')).toMatch(/KS142/);
  });
});
