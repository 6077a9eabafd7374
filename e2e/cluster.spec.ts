import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './fixtures';

/**
 * The live cluster on a case page: the learner's terminal, captures into the case notebook, the trace every call
 * leaves in the dataset, manifests through admission, the virtual clock, and an objective only the live pod answers.
 */
const CASE_ID = 'web-shell-reverse-shell';
const CASE_URL = `/scenarios/${CASE_ID}/`;
/** The learner's identity on the simulated cluster, as the terminal's banner names it. */
const LEARNER = 'analyst@contoso.com';

interface LiveObjective {
  id: string;
  question: string;
  points: number;
  live?: { pod: string; container?: string; command: string };
}

function liveObjective(): LiveObjective & { live: NonNullable<LiveObjective['live']> } {
  const text = readFileSync(`content/scenarios/${CASE_ID}.md`, 'utf8');
  const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as { objectives: LiveObjective[] };
  const objective = data.objectives.find((candidate) => candidate.live);
  if (!objective?.live) throw new Error(`${CASE_ID} has no objective answered from the live pod`);
  return { ...objective, points: objective.points ?? 100, live: objective.live };
}

function terminal(page: Page): Locator {
  return page.getByRole('region', { name: 'Cluster terminal' });
}

/** What the terminal shows, as its screen-reader mode gives it to assistive technology (one list item a row). */
function screen(page: Page): Locator {
  return terminal(page).getByRole('list');
}

async function commandsAnswered(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('cluster:command').length);
}

/** Waits until the terminal has answered one more command than `before`. */
async function answered(page: Page, before: number) {
  await expect.poll(() => commandsAnswered(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

/** Types a command line into the terminal as a learner would and waits until its answer is on the screen. */
async function typeCommand(page: Page, line: string) {
  const before = await commandsAnswered(page);
  await terminal(page).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await answered(page, before);
}

async function openCase(page: Page) {
  await page.goto(CASE_URL);
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
}

async function openClusterTab(page: Page) {
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await expect(screen(page)).toContainText('learner@Azure:~$', { timeout: 120_000 });
}

async function runQuery(page: Page, query: string): Promise<string> {
  await page.getByRole('tab', { name: 'KQL lab' }).click();
  await expect(page.locator('html[data-lab-editor="ready"]')).toBeAttached({ timeout: 60_000 });
  const editor = page.getByRole('textbox', { name: 'KQL query' }).first();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query.replace(/\s*\n\s*/g, ' ').trim());
  await page.keyboard.press('Escape');
  const before = await page.evaluate(() => performance.getEntriesByName('lab:run').length);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('lab:run').length), { timeout: 30_000 })
    .toBeGreaterThan(before);
  await expect(page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status')).toHaveText(
    /^1 rows in/,
  );
  return (await page.getByRole('grid').first().getByRole('gridcell').first().innerText()).trim();
}

async function capture(page: Page, entries: number): Promise<Locator> {
  await page.getByRole('button', { name: 'Capture the last output to the notebook' }).click();
  const notebook = page.getByRole('region', { name: 'Case notebook' });
  await expect(notebook.getByRole('heading', { level: 3, name: /^Captured output/ })).toHaveCount(entries);
  return notebook;
}

test('a learner captures evidence from the live pod, sees their calls in KQL and solves the live-only objective', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const objective = liveObjective();
  await openCase(page);

  // The pod the alert names, found with KQL as the learner would.
  const pod = await runQuery(page, objective.live.pod);
  expect(pod).toMatch(/^shop\/storefront-/);
  const [namespace, name] = pod.split('/') as [string, string];

  await openClusterTab(page);
  await expect(screen(page)).toContainText(`You are ${LEARNER}`);
  await typeCommand(page, 'kubectl get pods -A');
  await expect(screen(page)).toContainText(name);

  // The processes of the live pod, captured into the notebook: the reverse shell is among them.
  const exec = `kubectl exec -n ${namespace} ${name} -c ${objective.live.container ?? 'php-fpm'} --`;
  await typeCommand(page, `${exec} ps aux`);
  const notebook = await capture(page, 1);
  await expect(notebook.getByRole('figure', { name: `$ ${exec} ps aux` })).toContainText('bash -i');

  // Its connections: the pod's own end of the reverse shell, which no log has.
  await typeCommand(page, `${exec} ${objective.live.command}`);
  await capture(page, 2);
  const sockets = await notebook
    .getByRole('figure', { name: `$ ${exec} ${objective.live.command}` })
    .innerText();
  const localPort = /ESTAB\s+\d+\s+\d+\s+[0-9.]+:(\d+)\s+\S+\s+users:\(\("bash"/.exec(sockets)?.[1];
  expect(localPort, sockets).toBeDefined();
  const region = page.getByRole('region', { name: objective.question });
  await region.getByLabel('Answer').fill(localPort!);
  await region.getByRole('button', { name: 'Submit answer' }).click();
  await expect(region.getByRole('status')).toHaveText(`Correct: ${objective.points} points.`, {
    timeout: 120_000,
  });

  // Every call the learner made is in the dataset, as the API server logged it.
  const listed = await runQuery(
    page,
    `AKSAudit | where tostring(User.username) == "${LEARNER}" and Verb == "list" and tostring(ObjectRef.resource) == "pods" | summarize Calls = count()`,
  );
  expect(Number(listed)).toBeGreaterThanOrEqual(1);
  const execs = await runQuery(
    page,
    `AKSAudit | where tostring(User.username) == "${LEARNER}" and tostring(ObjectRef.subresource) == "exec" | summarize dcount(RequestUri)`,
  );
  expect(execs).toBe('2');
});

test('a manifest refused at baseline is admitted once the namespace is relabelled privileged; the session survives a reload; the pod is replaced on schedule', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await openCase(page);
  await openClusterTab(page);

  const manifests = page.getByRole('region', { name: 'Apply a manifest' });
  await manifests.getByLabel('Built-in manifest').selectOption('node-debugger.yaml');
  await manifests.getByRole('button', { name: 'Load into the box' }).click();
  await expect(manifests.getByLabel(/^Manifest \(YAML\)/)).toHaveValue(/privileged: true/);
  await manifests.getByLabel('Namespace').fill('dev');
  let before = await commandsAnswered(page);
  await manifests.getByRole('button', { name: /^Apply with kubectl apply -n dev/ }).click();
  await answered(page, before);
  await expect(screen(page)).toContainText('Error from server (Forbidden)');

  await typeCommand(page, 'kubectl label ns dev pod-security.kubernetes.io/enforce=privileged --overwrite');
  await expect(screen(page)).toContainText('namespace/dev labeled');
  before = await commandsAnswered(page);
  await manifests.getByRole('button', { name: /^Apply with kubectl apply -n dev/ }).click();
  await answered(page, before);
  await expect(screen(page)).toContainText('pod/node-debugger created');

  // A reload replays the learner's steps: the pod is still there.
  await page.reload();
  await expect(page.getByText(/^Dataset ready:/)).toBeVisible({ timeout: 180_000 });
  await openClusterTab(page);
  await expect(screen(page)).toContainText('Your 3 earlier step(s) on this cluster were replayed.');
  await typeCommand(page, 'kubectl get pods -n dev');
  await expect(screen(page)).toContainText('node-debugger');

  // The clock: jump to the compromised pod's replacement; the storefront gets a fresh pod.
  const clock = page.getByRole('region', { name: 'Virtual clock' });
  const startedAt = await clock.getByTestId('virtual-now').innerText();
  await clock.getByText(/^Events:/).click();
  await clock.getByRole('button', { name: /^Jump to A pod replaced/ }).click();
  await expect(clock.getByTestId('virtual-now')).not.toHaveText(startedAt, { timeout: 60_000 });
  await expect(clock.getByRole('button', { name: /^Jump to A pod replaced/ })).toHaveCount(0, {
    timeout: 60_000,
  });
  await clock.getByRole('button', { name: 'Step' }).click();
  await typeCommand(page, 'kubectl get pods -n shop');
  await expect(screen(page)).toContainText(/storefront-\S+\s+2\/2\s+Running\s+0\s+\d+s/);

  // The cluster page opens the same dataset's cluster, with the learner's session.
  await page.goto('/cluster/');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue(`${CASE_ID}:5:2`);
  await expect(screen(page)).toContainText('earlier step(s) on this cluster were replayed', {
    timeout: 120_000,
  });
  await typeCommand(page, 'kubectl get pods -n dev');
  await expect(screen(page)).toContainText('node-debugger');
  const axe = await new AxeBuilder({ page }).include('.cluster-page').analyze();
  expect(
    axe.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
  ).toEqual([]);
});
