/**
 * A small generated dataset for every table definition: deterministic rows with plausible values per column type,
 * used by tests and by the realworld check until the simulation's output replaces it. Not a simulation: values are
 * shaped by column name and type only.
 */
import type { TableSchema } from '../types';
import { seededRandom } from '../../shared/random';

export const FIXTURE_CLUSTER_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-lab/providers/microsoft.containerservice/managedclusters/aks-lab';

const SEVERITIES = ['High', 'Medium', 'Low', 'Informational'];
const VERBS = ['get', 'list', 'create', 'delete', 'patch', 'watch'];
const USERS = [
  'system:serviceaccount:kube-system:default',
  'alice@contoso.com',
  'masterclient',
  'system:node:aks-node-1',
];

function guid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function stringFor(column: string, row: number, random: () => number): string {
  const name = column.toLowerCase();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  if (name.includes('resourceid') || name === '_resourceid') return FIXTURE_CLUSTER_ID;
  if (name.includes('severity') || name === 'level') return pick(SEVERITIES);
  if (name.includes('verb')) return pick(VERBS);
  if (name.includes('user') || name.includes('account')) return pick(USERS);
  if (name.endsWith('ip') || name.includes('ipaddress')) return `10.0.0.${1 + Math.floor(random() * 20)}`;
  if (name.endsWith('id')) return guid(random);
  if (name === 'category') return pick(['kube-audit', 'kube-apiserver', 'cluster-autoscaler', 'guard']);
  if (name === 'alertname' || name === 'displayname')
    return pick(['Privileged container detected', 'Exposed Kubernetes dashboard', 'Suspicious kubectl exec']);
  if (name.includes('name')) return `${column}-${row % 7}`;
  if (name === 'status') return pick(['New', 'Active', 'Resolved']);
  return `${column} value ${row % 11}`;
}

function dynamicFor(column: string, row: number, random: () => number): unknown {
  const name = column.toLowerCase();
  if (name.includes('ips')) return [`10.0.0.${1 + (row % 20)}`];
  if (name.includes('status')) return { code: [200, 201, 401, 403, 404][row % 5] };
  if (name.includes('entities')) return [{ Type: 'K8s-cluster', ResourceId: FIXTURE_CLUSTER_ID }];
  return { name: `${column}-${row % 5}`, value: Math.floor(random() * 100), items: [row % 3, row % 5] };
}

/** Rows for one table: `count` rows spread over the `days` before `now`. */
export function fixtureRows(
  table: TableSchema,
  count: number,
  now: Date,
  seed = 1,
  days = 7,
): Record<string, unknown>[] {
  const random = seededRandom(seed * 7919 + table.name.length);
  const rows: Record<string, unknown>[] = [];
  const span = days * 86_400_000;
  for (let row = 0; row < count; row++) {
    const record: Record<string, unknown> = {};
    const time = new Date(now.getTime() - Math.floor(random() * span));
    for (const column of table.columns) {
      switch (column.type) {
        case 'string':
          record[column.name] = stringFor(column.name, row, random);
          break;
        case 'guid':
          record[column.name] = guid(random);
          break;
        case 'long':
        case 'int':
          record[column.name] = Math.floor(random() * 1000);
          break;
        case 'real':
        case 'decimal':
          record[column.name] = Math.round(random() * 10000) / 100;
          break;
        case 'bool':
          record[column.name] = random() < 0.5;
          break;
        case 'datetime':
          record[column.name] = new Date(time.getTime() + Math.floor(random() * 60_000)).toISOString();
          break;
        case 'timespan':
          record[column.name] = `00:00:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
          break;
        case 'dynamic':
          record[column.name] = dynamicFor(column.name, row, random);
          break;
      }
    }
    rows.push(record);
  }
  return rows;
}
