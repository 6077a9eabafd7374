import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** The Node engine's answer, from the project's CLI (`npm run kql`) over the same NDJSON files. */
function nodeEngineRows(folder: string, now: string, query: string): unknown[][] {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/kql/cli/kql.ts',
      '--tables',
      folder,
      '--now',
      now,
      '--format',
      'json',
      '--query',
      query,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`kql CLI failed: ${run.stderr || run.stdout}`);
  return (JSON.parse(run.stdout) as { rows: unknown[][] }).rows;
}

/** Seeded rows for two tables, in the wire format the simulation and the CLI write. */
function generateRows(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const end = Date.UTC(2026, 10, 26, 12, 0, 0);
  const reasons = ['Pulled', 'Created', 'Started', 'BackOff', 'Killing', 'FailedMount'];
  const namespaces = ['default', 'kube-system', 'prod', 'payments'];
  const kubeEvents = Array.from({ length: 3000 }, (_, i) => ({
    TimeGenerated: new Date(end - Math.floor(next() * 6 * 3_600_000)).toISOString(),
    ClusterName: 'aks-lab',
    Namespace: namespaces[Math.floor(next() * namespaces.length)],
    Name: `pod-${i % 97}`,
    Reason: reasons[Math.floor(next() * reasons.length)],
    Count: Math.floor(next() * 20),
    Message: `event ${i}`,
    TenantId: '11111111-2222-3333-4444-555555555555',
    Type: 'KubeEvents',
  }));
  kubeEvents.push({ ...kubeEvents[0]!, TimeGenerated: new Date(end).toISOString(), Name: 'latest' });
  const verbs = ['get', 'list', 'create', 'delete', 'patch'];
  const audit = Array.from({ length: 1500 }, (_, i) => ({
    TimeGenerated: new Date(end - Math.floor(next() * 6 * 3_600_000)).toISOString(),
    Verb: verbs[Math.floor(next() * verbs.length)],
    User: { username: i % 5 === 0 ? 'system:serviceaccount:default:attacker' : 'aks-support' },
    ResponseStatus: { code: i % 11 === 0 ? 403 : 200 },
    Type: 'AKSAudit',
  }));
  return { KubeEvents: kubeEvents, AKSAudit: audit };
}

const QUERY =
  'KubeEvents | where TimeGenerated > ago(2h) | summarize Events = count(), Total = sum(Count) by Reason, Namespace | order by Reason asc, Namespace asc';

test('import a dataset, reload, query it through the worker, export and reset it', async ({ page }) => {
  const tables = generateRows(42);
  const folder = mkdtempSync(join(tmpdir(), 'store-e2e-'));
  const files = Object.entries(tables).map(([table, rows]) => {
    const path = join(folder, `${table}.ndjson`);
    writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
    return path;
  });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto('/datasets/');
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible();
  await expect(page.getByText('No dataset yet.')).toBeVisible();

  await page.getByLabel('Scenario name').fill('e2e-import');
  await page.getByLabel('Seed', { exact: true }).fill('42');
  await page.getByLabel('NDJSON files').setInputFiles(files);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 4,501 rows as e2e-import:42.');

  await page.reload();
  const row = page.getByRole('row', { name: /e2e-import/ });
  await expect(row).toContainText('4,501 rows');
  await expect(row).toContainText('2026-11-26 12:00:00 UTC');
  await expect(row).toContainText('Ready');

  await page.getByLabel('KQL query').fill(QUERY);
  await page.getByRole('button', { name: 'Run query' }).click();
  const result = page.getByRole('table', { name: 'Query result' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('now() = 2026-11-26T12:00:00.000Z')).toBeVisible();
  const browserRows = await result
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

  const expected = nodeEngineRows(folder, '2026-11-26T12:00:00Z', QUERY);
  expect(expected.length).toBeGreaterThan(5);
  expect(browserRows).toEqual(expected.map((values) => values.map((value) => String(value ?? ''))));

  const brokenQuery = 'KubeEvents | where NoSuchColumn > 1';
  await page.getByLabel('KQL query').fill(brokenQuery);
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByRole('alert')).toContainText('line 1, column 20');

  await row.getByText('4,501 rows').click();
  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export KubeEvents.ndjson' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('KubeEvents.ndjson');
  const exported = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(exported).toHaveLength(tables.KubeEvents.length);
  expect(exported[0]).toMatchObject({
    ...tables.KubeEvents[0],
    TimeGenerated: tables.KubeEvents[0]!.TimeGenerated.replace('.000Z', 'Z'),
  });

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Reset e2e-import:42' }).click();
  await expect(page.getByRole('status')).toHaveText('Dataset e2e-import:42 was reset.');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a malformed NDJSON file is refused with its name and line, and nothing is stored', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'store-e2e-bad-'));
  const path = join(folder, 'KubeEvents.ndjson');
  writeFileSync(path, '{"Name":"a"}\n{"Name": oops}\n');
  await page.goto('/datasets/');
  // The island is interactive once it has listed the (empty) store.
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  await page.getByLabel('Scenario name').fill('broken');
  await page.getByLabel('NDJSON files').setInputFiles(path);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText('KubeEvents.ndjson, line 2, is not valid JSON');
  await expect(page.getByRole('alert')).toContainText('Nothing was imported.');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
});

test('generate a scenario in the browser: the same rows as the simulation CLI, the same answers as the Node engine', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'store-e2e-sim-'));
  const simulate = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'simulations/cli/simulate.ts',
      '--scenario',
      'docker-sock-escape',
      '--seed',
      '11',
      '--days',
      '1',
      '--out',
      folder,
    ],
    { encoding: 'utf8' },
  );
  if (simulate.status !== 0) throw new Error(`simulate CLI failed: ${simulate.stderr}`);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
    datasetId: string;
    virtualNow: string;
    rowCounts: Record<string, number>;
  };
  const total = Object.values(manifest.rowCounts).reduce((sum, rows) => sum + rows, 0);

  await page.goto('/datasets/');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  await page
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'The build agent that built more than images' });
  await page.getByLabel('Scenario seed').fill('11');
  await page.getByLabel('Days').fill('1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Generated ${total.toLocaleString('en-US')} rows as ${manifest.datasetId}.`,
    { timeout: 150_000 },
  );

  const query =
    'AKSAudit | where TimeGenerated > ago(12h) | summarize Requests = count() by Verb, Code = tostring(ResponseStatus.code) | order by Verb asc, Code asc';
  await page.getByLabel('Dataset', { exact: true }).selectOption(manifest.datasetId);
  await page.getByLabel('KQL query').fill(query);
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByText(`now() = ${manifest.virtualNow}`)).toBeVisible({ timeout: 30_000 });
  const browserRows = await page
    .getByRole('table', { name: 'Query result' })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const expected = nodeEngineRows(folder, manifest.virtualNow, query);
  expect(expected.length).toBeGreaterThan(1);
  expect(browserRows).toEqual(expected.map((values) => values.map((value) => String(value ?? ''))));
});

test('a long query can be cancelled, and the next one runs', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'store-e2e-cancel-'));
  const path = join(folder, 'KubeEvents.ndjson');
  writeFileSync(path, '{"TimeGenerated":"2026-11-26T10:00:00Z","Name":"a"}\n');
  await page.goto('/datasets/');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  await page.getByLabel('Scenario name').fill('cancel');
  await page.getByLabel('NDJSON files').setInputFiles(path);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 1 rows as cancel:1.');

  await page
    .getByLabel('KQL query')
    .fill('range i from 1 to 9000000 step 1 | summarize dcount(hash_sha256(tostring(i)))');
  await page.getByRole('button', { name: 'Run query' }).click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The query was cancelled.');

  await page.getByLabel('KQL query').fill('KubeEvents | project Name');
  await page.getByRole('button', { name: 'Run query' }).click();
  // The cancelled worker was replaced; the new one starts its engine first.
  await expect(page.getByRole('table', { name: 'Query result' })).toContainText('a', { timeout: 30_000 });
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset cancel:1' }).click();
  await expect(page.getByText('No dataset yet.')).toBeVisible();
});

/**
 * Chromium ignores Storage.overrideQuotaForOrigin here (navigator.storage.estimate() keeps the full quota, in
 * Playwright's contexts and in a persistent profile alike), so the full disk is made inside IndexedDB itself:
 * the query worker's script is served with a prelude that makes IndexedDB refuse chunk records of more than
 * 1,000 rows with the QuotaExceededError a full disk gives. Everything else is the site's own path: the worker,
 * Dexie's transaction, the store's translation of the error and the Datasets page.
 */
const FULL_DISK_PRELUDE = `
for (const method of ['add', 'put']) {
  const original = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (value, key) {
    if (this.name === 'chunks' && value && value.rowCount > 1000) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return key === undefined ? original.call(this, value) : original.call(this, value, key);
  };
}
`;

test('a full disk is reported in plain words, and the datasets already stored are kept', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'store-e2e-quota-'));
  const small = join(folder, 'KubeEvents.ndjson');
  writeFileSync(small, '{"TimeGenerated":"2026-11-26T10:00:00Z","Name":"kept"}\n');
  const largeFolder = mkdtempSync(join(tmpdir(), 'store-e2e-quota-large-'));
  const large = join(largeFolder, 'ContainerLogV2.ndjson');
  writeFileSync(
    large,
    Array.from({ length: 5_000 }, (_, i) =>
      JSON.stringify({
        TimeGenerated: new Date(Date.UTC(2026, 10, 26) + i * 1000).toISOString(),
        LogMessage: `line ${i}`,
      }),
    ).join('\n') + '\n',
  );
  let workerPatched = false;
  await page.route('**/_astro/queryWorker*.js', async (route) => {
    const response = await route.fetch();
    workerPatched = true;
    await route.fulfill({ response, body: FULL_DISK_PRELUDE + (await response.text()) });
  });

  await page.goto('/datasets/');
  await expect(page.getByText('No dataset yet.')).toBeVisible();
  await page.getByLabel('Scenario name').fill('kept');
  await page.getByLabel('NDJSON files').setInputFiles(small);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toHaveText('Imported 1 rows as kept:1.');
  expect(workerPatched).toBe(true);

  await page.getByLabel('Scenario name').fill('too-big');
  await page.getByLabel('NDJSON files').setInputFiles(large);
  await page.getByRole('button', { name: 'Import' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'The browser ran out of storage space while saving 5,000 rows of ContainerLogV2',
  );
  await expect(alert).toContainText('Nothing already saved was lost.');
  await expect(alert).toContainText('resetting a dataset you no longer need');

  await page.reload();
  await expect(page.getByRole('row', { name: /kept/ })).toContainText('1 rows');
  await expect(page.getByRole('row', { name: /too-big/ })).toHaveCount(0);
  await page.getByLabel('KQL query').fill('KubeEvents | project Name');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByRole('table', { name: 'Query result' })).toContainText('kept', { timeout: 30_000 });
});
