/**
 * The real-world query check (../shared/kql-realworld/queries.jsonl): fills template placeholders the way a workbook or
 * msticpy would, then parses, binds and runs each query.
 *
 * Placeholders and their values:
 * - `{clustername}`: the lab cluster's resource id, single-quoted as a workbook multi-select expands it.
 * - `{timeframe}`: `> ago(7d)`; `{timeframe:grain}`: `1h`.
 * - `{severity}`: `High, Medium, Low, Informational` (it sits inside quotes in the queries).
 * - `{selectedResource}`, `{resource_id}`: the cluster's resource id (inside quotes).
 * - `{nodeRgDetails}`: `[]` (a JSON array inside `todynamic('...')`).
 * - `{start}` / `{end}`: now minus 7 days / now, ISO 8601.
 * - `{add_query_items}`: empty (msticpy appends optional clauses there).
 * - `{system_alert_id}`, `{host_name}`, `{account_name}`, `{process_name}`, `{source_ip_list}`, `{path_separator}`:
 *   a sample alert id, `aks-node-1`, `alice`, `kubectl`, `10.0.0.4,10.0.0.5`, `/`.
 * - `<SearchValue>`, `<ipaddress>`, `<processname>`, `<filename>`, `<username>`, `<hostname>`: sample terms.
 */
import { FIXTURE_CLUSTER_ID } from '../testing/fixture';

export interface RealworldQuery {
  readonly id: string;
  readonly name?: string;
  readonly query: string;
  readonly kind?: string;
}

export function fillPlaceholders(query: string, now: Date): string {
  const start = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const values: Record<string, string> = {
    // A workbook multi-select parameter expands to single-quoted, comma-separated values.
    '{clustername}': `'${FIXTURE_CLUSTER_ID}'`,
    '{timeframe}': '> ago(7d)',
    '{timeframe:grain}': '1h',
    '{severity}': 'High, Medium, Low, Informational',
    '{selectedResource}': FIXTURE_CLUSTER_ID,
    '{resource_id}': FIXTURE_CLUSTER_ID,
    '{nodeRgDetails}': '[]',
    '{start}': start,
    '{end}': now.toISOString(),
    '{add_query_items}': '',
    '{system_alert_id}': '2518301234567890123_a1b2c3d4-0000-4000-8000-000000000001',
    '{host_name}': 'aks-node-1',
    '{account_name}': 'alice',
    '{process_name}': 'kubectl',
    '{source_ip_list}': '10.0.0.4,10.0.0.5',
    '{path_separator}': '/',
    '<SearchValue>': 'kubectl',
    '<ipaddress>': '10.0.0.4',
    '<processname>': 'kubectl',
    '<filename>': 'kubeconfig',
    '<username>': 'alice',
    '<hostname>': 'aks-node-1',
  };
  let result = query;
  for (const [placeholder, value] of Object.entries(values)) result = result.split(placeholder).join(value);
  return result;
}
