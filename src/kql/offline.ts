/**
 * What Kusto.Language knows but the offline lab cannot have, each with the reason a query using it is told. The
 * engine answers these with KQL_UNSUPPORTED (or KQL_NO_NETWORK where outside storage or a service is read), never a
 * made-up value; the coverage report lists them apart from what is missing.
 */
const NO_CLUSTER = 'the lab runs in the browser with no Kusto cluster behind it';

export const OFFLINE_FUNCTIONS: Readonly<Record<string, string>> = {
  cluster: 'it reads another Kusto cluster',
  external_table: 'it reads external storage',
  materialized_view: "the lab's database defines no materialized views",
  stored_query_result: 'stored query results live in a Kusto cluster',
  graph: 'persistent graph models and snapshots live in a Kusto cluster',
  current_cluster_endpoint: NO_CLUSTER,
  current_principal: `${NO_CLUSTER} and no signed-in principal`,
  current_principal_details: `${NO_CLUSTER} and no signed-in principal`,
  current_principal_is_member_of: `${NO_CLUSTER} and no directory to look groups up in`,
  cursor_after: 'database cursors belong to ingestion into a Kusto cluster',
  cursor_before_or_at: 'database cursors belong to ingestion into a Kusto cluster',
  cursor_current: 'database cursors belong to ingestion into a Kusto cluster',
  extent_id: "the lab's tables are not stored in Kusto data shards (extents)",
  extent_tags: "the lab's tables are not stored in Kusto data shards (extents)",
  row_id: 'an undocumented function of the Kusto service',
  geo_info_from_ip_address: 'it needs an IP geolocation database, which the offline lab does not ship',
};

export const OFFLINE_PLUGINS: Readonly<Record<string, string>> = {
  ai_chat_completion: 'it calls an Azure OpenAI service',
  ai_chat_completion_prompt: 'it calls an Azure OpenAI service',
  ai_embeddings: 'it calls an Azure OpenAI service',
  ai_embed_text: 'it calls an Azure OpenAI service',
  azure_digital_twins_query_request: 'it calls Azure Digital Twins',
  cosmosdb_sql_request: 'it reads Azure Cosmos DB',
  sql_request: 'it reads a SQL database',
  mysql_request: 'it reads a MySQL database',
  postgresql_request: 'it reads a PostgreSQL database',
  http_request: 'it calls a web service',
  http_request_post: 'it calls a web service',
  infer_storage_schema: 'it reads external storage',
  infer_storage_schema_with_suggestions: 'it reads external storage',
  execute_query: 'it runs a query on another Kusto cluster',
  execute_show_command: 'it runs a management command on a Kusto cluster',
  python: "it runs Python in a Kusto cluster's sandbox",
  r: "it runs R in a Kusto cluster's sandbox",
  csharp: "it runs C# in a Kusto cluster's sandbox",
  external_datatable: 'an undocumented plug-in of the Kusto service',
  estimate_rows_count: 'an undocumented plug-in of the Kusto service',
  identity: 'an undocumented plug-in of the Kusto service',
  identity_v3: 'an undocumented plug-in of the Kusto service',
};

export function isOfflineFeature(name: string): boolean {
  return name in OFFLINE_FUNCTIONS || name in OFFLINE_PLUGINS;
}

/** The message a query using an offline feature gets (after "not supported yet: "). */
export function offlineMessage(what: string, reason: string): string {
  return `${what} cannot run in the offline lab: ${reason}`;
}
