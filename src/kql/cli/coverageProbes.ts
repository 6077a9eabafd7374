/**
 * The queries the coverage report runs: one per signature of every function, aggregate and plug-in, built from the
 * parameter types Kusto.Language declares (a sample value per type, a column of the probe table where the parameter
 * wants a column), plus a hand-written query for what a signature cannot describe (tabular functions, graph
 * functions, the operators).
 */
import type { TableSchema } from '../types';
import type { ParameterInfo, SignatureInfo } from '../syntax/catalogSymbols';

/** The table every probe reads: one column per Kusto type, three rows. */
export const PROBE_TABLE: TableSchema = {
  name: 'T',
  columns: [
    { name: 's', type: 'string' },
    { name: 'n', type: 'long' },
    { name: 'i', type: 'int' },
    { name: 'r', type: 'real' },
    { name: 'm', type: 'decimal' },
    { name: 'd', type: 'datetime' },
    { name: 't', type: 'timespan' },
    { name: 'b', type: 'bool' },
    { name: 'g', type: 'guid' },
    { name: 'a', type: 'dynamic' },
    { name: 'o', type: 'dynamic' },
    { name: 'ip', type: 'string' },
  ],
};

export const PROBE_ROWS: Record<string, unknown>[] = [1, 2, 3].map((k) => ({
  s: ['alpha', 'beta', 'alpha'][k - 1],
  n: k,
  i: k * 10,
  r: k * 1.5,
  m: k * 2.5,
  d: `2024-01-0${k}T0${k}:00:00Z`,
  t: `0${k}:00:00`,
  b: k % 2 === 1,
  g: `7422b7c4-4c29-4d07-8b5a-0bd6f2a4b1c${k}`,
  a: [k, k + 1, k + 2],
  o: { a: k, b: `x${k}` },
  ip: `10.0.0.${k}`,
}));

const POINT_POLYGON = 'dynamic({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})';
const LINE = 'dynamic({"type":"LineString","coordinates":[[0,0],[1,1]]})';

/**
 * Sample values for parameters whose type alone would give a meaningless argument, by `function.parameter` or by
 * parameter name.
 */
const NAMED_SAMPLES: Readonly<Record<string, string>> = {
  polygon: POINT_POLYGON,
  polygon1: POINT_POLYGON,
  polygon2: POINT_POLYGON,
  polygons: `dynamic([${POINT_POLYGON.slice(8, -1)}])`,
  lineString: LINE,
  lineString1: LINE,
  lineString2: LINE,
  lineStrings: `dynamic([${LINE.slice(8, -1)}])`,
  geohash: '"c23n"',
  s2cell: '"89c259"',
  h3cell: '"862a1072fffffff"',
  wkt: '"POINT(1 2)"',
  timezone: '"Europe/Paris"',
  'format_datetime.format': '"yyyy-MM-dd"',
  'format_timespan.format': '"hh:mm"',
  regex: '"[a-z]+"',
  lookup_regex: '"a"',
  match: '"a"',
  'indexof_regex.match': '"l+"',
  jsonPath: '"$.a"',
  jsonText: '"{\\"a\\":1}"',
  json_text: '"{\\"a\\":1}"',
  xml_text: '"<a>1</a>"',
  csv_text: '"a,b"',
  url: '"https://example.com/a?b=1"',
  encoded_url: '"a%20b"',
  query: '"a=1&b=2"',
  ip: '"10.0.0.1"',
  ip1: '"10.0.0.1"',
  ip2: '"10.0.0.2"',
  ip_prefix: '"10.0."',
  ips: '"10.0.0.1"',
  ip_prefixes: '"10.0."',
  start_ip: '"10.0.0.0"',
  end_ip: '"10.0.0.255"',
  Ip: '"10.0.0.1"',
  ip_range: '"10.0.0.0/24"',
  ip_ranges: 'dynamic(["10.0.0.0/24"])',
  range: '"10.0.0.0/24"',
  base64_string: '"aGVsbG8="',
  'base64_decode_toguid.base64_string': '"yMAAXYAAAACEAAAAgAAAAA=="',
  'zlib_decompress_from_base64_string.string': '"eJzLSM3JyQcABiwCFQ=="',
  'gzip_decompress_from_base64_string.string': '"H4sIAAAAAAAA/8tIzcnJBwCGphA2BQAAAA=="',
  'parse_command_line.parser': '"windows"',
  'parse_version.version': '"1.2.3"',
  user_agent: '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/100.0.0.0 Safari/537.36"',
  look_for: '"browser"',
  tdigest: 'dynamic([[1,1]])',
  digest: 'dynamic([[1,1]])',
  hll: 'dynamic([1])',
  cursor: '""',
  'convert_angle.from': '"Degree"',
  'convert_angle.to': '"Radian"',
  'convert_energy.from': '"Joule"',
  'convert_energy.to': '"Kilojoule"',
  'convert_force.from': '"Newton"',
  'convert_force.to': '"Kilonewton"',
  'convert_length.from': '"Meter"',
  'convert_length.to': '"Kilometer"',
  'convert_mass.from': '"Kilogram"',
  'convert_mass.to': '"Gram"',
  'convert_speed.from': '"MeterPerSecond"',
  'convert_speed.to': '"KilometerPerHour"',
  'convert_temperature.from': '"DegreeCelsius"',
  'convert_temperature.to': '"Kelvin"',
  'convert_volume.from': '"CubicMeter"',
  'convert_volume.to': '"Liter"',
  'format_bytes.units': '"KB"',
  'datetime_local_to_utc.timezone': '"Europe/Paris"',
  'parse_ipv4_mask.prefix': '24',
  'parse_ipv6_mask.prefix': '120',
  prefix: '24',
  'substring.start': '1',
  series: 'dynamic([1,2,3,4,5,6,7,8,9,10,1,2,3,4,5,6,7,8,9,10])',
  y_series: 'dynamic([1,2,3,4,5,6,7,8,9,10])',
  x_series: 'dynamic([1,2,3,4,5,6,7,8,9,10])',
  'series_decompose_forecast.test_points': '2',
  'series_periods_detect.min_period': '2',
  'series_periods_detect.max_period': '10',
  'series_periods_detect.num_periods': '1',
  'series_periods_validate.period': '10',
  'series_outliers.kind': '"ctukey"',
  'series_outliers.min_percentile': '10.0',
  'series_outliers.max_percentile': '90.0',
  'series_outliers.test_points': '0',
  'series_decompose.trend': '"linefit"',
  'series_decompose_forecast.trend': '"linefit"',
  'series_decompose_anomalies.trend': '"linefit"',
  'series_decompose_anomalies.method': '"ctukey"',
  'series_seasonal.test_points': '0',
  'series_decompose.test_points': '0',
  'series_decompose_anomalies.test_points': '0',
  'series_iir.numerators': 'dynamic([1])',
  'series_iir.denominators': 'dynamic([1,-0.5])',
  'series_fir.filter': 'dynamic([1,1])',
  'beta_inv.probability': '0.5',
  'beta_cdf.x': '0.5',
  'beta_pdf.x': '0.5',
  'make_datetime.value': '"2024-01-01"',
  'make_timespan.value': '"01:00:00"',
  'bag_set_key.key': '"c"',
  'column_ifexists.column_name': '"s"',
  'unicode_codepoints_to_string.value': '65',
  'hash.mod': '10',
  'hash_xxhash64.mod': '10',
  'punycode_to_string.string': '"Ksplai-ira"',
  'punycode_domain_to_string.string': '"xn--Ksplai-ira.com"',
  'translate.searchList': '"ab"',
  'translate.replacementList': '"xy"',
  'strrep.multiplier': '3',
  'repeat.count': '3',
  mean1: '10',
  mean2: '12',
  variance1: '4',
  variance2: '5',
  count1: '30',
  count2: '40',
  'geo_point_to_s2cell.level': '11',
  'geo_point_to_h3cell.resolution': '6',
  'geo_point_to_geohash.accuracy': '5',
  'geo_h3cell_parent.resolution': '5',
  'geo_h3cell_children.resolution': '7',
  'geo_h3cell_rings.distance': '1',
  'geo_polygon_to_s2cells.level': '5',
  'geo_polygon_to_h3cells.resolution': '3',
  'geo_line_to_s2cells.level': '5',
  'geo_point_buffer.radius': '10',
  'geo_line_buffer.radius': '10',
  'geo_polygon_buffer.radius': '10',
  'geo_simplify_polygons_array.tolerance': '10',
  'geo_polygon_simplify.tolerance': '10',
  'geo_line_simplify.tolerance': '10',
  'geo_line_densify.tolerance': '10000',
  'geo_polygon_densify.tolerance': '10000',
  'geo_line_interpolate_point.fraction': '0.5',
  'datetime_part.part': '"year"',
  'array_split.indices': 'dynamic([1])',
  'array_sort_asc.nulls_last': 'true',
  'array_sort_desc.nulls_last': 'true',
  'series_stats.ignore_nonfinite': 'false',
  'series_stats_dynamic.ignore_nonfinite': 'false',
  'set_union.set': 'dynamic([1,2])',
  'bag_remove_keys.keys': 'dynamic(["a"])',
  'bag_zip.keys': 'dynamic(["a","b"])',
  'replace_strings.lookups': 'dynamic(["a"])',
  'replace_strings.rewrites': 'dynamic(["b"])',
  'has_any_index.values': 'dynamic(["a"])',
  'percentiles_array_tdigest.percentiles': 'dynamic([50])',
  'percentile_tdigest.percentile1': '50.0',
  'percentiles_array_tdigest.percentile': '50.0',
  'current_principal_is_member_of.group': '"aadgroup=a@b.com"',
  'split.delimiter': '","',
  'strcat_array.delimiter': '","',
  'array_strcat.delimiter': '","',
};

/** A constant of each Kusto type (also what a Scalar or CommonScalar parameter receives). */
const TYPE_SAMPLES: Readonly<Record<string, string>> = {
  string: '"alpha"',
  long: '2',
  int: 'int(2)',
  real: '1.5',
  decimal: 'decimal(1.5)',
  bool: 'true',
  datetime: 'datetime(2024-01-02)',
  timespan: '1h',
  guid: 'guid(7422b7c4-4c29-4d07-8b5a-0bd6f2a4b1c1)',
  dynamic: 'dynamic([1,2,3])',
  type: 'typeof(string)',
};

const KIND_SAMPLES: Readonly<Record<string, string>> = {
  Scalar: '"alpha"',
  NotDynamic: '"alpha"',
  NotRealOrBool: '"alpha"',
  StringOrDynamic: '"alpha"',
  StringOrArray: '"alpha"',
  CommonScalar: '2',
  CommonScalarOrDynamic: '2',
  CommonOrderable: '2',
  CommonNumber: '2',
  CommonSummable: '2',
  Orderable: '2',
  Summable: '2',
  Number: '2',
  Integer: '2',
  IntegerOrArray: '65',
  NumberOrBool: 'false',
  DynamicArray: 'dynamic([1,2,3])',
  DynamicBag: 'dynamic({"a":1})',
  Tabular: 'T',
};

/** The probe table's column for a parameter that must be a column. */
const COLUMN_FOR_KIND: Readonly<Record<string, string>> = {
  string: 's',
  long: 'n',
  int: 'i',
  real: 'r',
  decimal: 'm',
  datetime: 'd',
  timespan: 't',
  bool: 'b',
  guid: 'g',
  dynamic: 'a',
  Scalar: 's',
  NotDynamic: 's',
  NotRealOrBool: 's',
  Orderable: 'n',
  Summable: 'n',
  Number: 'r',
  Integer: 'n',
  DynamicArray: 'a',
  DynamicBag: 'o',
  StringOrDynamic: 's',
};

export function sampleArgument(owner: string, parameter: ParameterInfo): string {
  const named = NAMED_SAMPLES[`${owner}.${parameter.name}`] ?? NAMED_SAMPLES[parameter.name];
  const declared = parameter.types[0];
  if (parameter.argumentKind.startsWith('Column')) {
    return COLUMN_FOR_KIND[declared ?? parameter.typeKind] ?? 's';
  }
  if (parameter.argumentKind === 'StarOnly' || parameter.argumentKind === 'StarAllowed') return '*';
  if (named) return named;
  if (parameter.values.length > 0) {
    const value = parameter.values[0]!;
    return declared === 'string' ? `"${value}"` : value;
  }
  if (declared && parameter.typeKind === 'Declared') return TYPE_SAMPLES[declared] ?? '"alpha"';
  return KIND_SAMPLES[parameter.typeKind] ?? '"alpha"';
}

/** The argument lists to try for a signature: without its optional parameters, and with all of them (once each). */
export function argumentLists(owner: string, signature: SignatureInfo): string[][] {
  const argumentsOf = (parameters: readonly ParameterInfo[]) =>
    parameters.flatMap((p) =>
      Array.from({ length: p.repeatable ? Math.max(1, p.minOccurring) : 1 }, () => sampleArgument(owner, p)),
    );
  const required = signature.parameters.filter((p) => !p.optional);
  const lists = [argumentsOf(required)];
  if (required.length < signature.parameters.length) lists.push(argumentsOf(signature.parameters));
  return lists;
}

/** Scalar functions that only run inside another construct, with the query that runs them. */
export const FUNCTION_QUERIES: Readonly<Record<string, string>> = {
  cluster: 'cluster("help").database("Samples").StormEvents | count',
  database: 'database("Sentinel").T | count',
  table: 'table("T") | count',
  external_table: 'external_table("Logs") | count',
  materialized_view: 'materialized_view("Daily") | count',
  entity_group: 'macro-expand entity_group [database("Sentinel")] as X (X.T | count)',
  stored_query_result: 'stored_query_result("Result") | count',
  graph: 'graph("Network") | graph-match (a)-->(b) project a',
  column_names_of: 'print column_names_of(T)',
  all: GRAPH_QUERY('where all(e, e.w > 0) project a.id'),
  any: GRAPH_QUERY('where any(e, e.w > 0) project a.id'),
  map: GRAPH_QUERY('project m = map(e, e.w)'),
  inner_nodes: GRAPH_QUERY('project m = map(inner_nodes(e), name)'),
  labels: GRAPH_QUERY('project l = labels(a)'),
  node_degree_in: GRAPH_QUERY('project node_degree_in(b)'),
  node_degree_out: GRAPH_QUERY('project node_degree_out(a)'),
  node_id: GRAPH_QUERY('project node_id(a)'),
  pack_all: 'T | extend x = pack_all()',
  bag_pack_columns: 'T | extend x = bag_pack_columns(s, n)',
  estimate_data_size: 'T | extend x = estimate_data_size(s, n)',
  extent_id: 'T | extend x = extent_id()',
  extent_tags: 'T | extend x = extent_tags()',
  ingestion_time: 'T | extend x = ingestion_time()',
  row_id: 'T | extend x = row_id()',
  prev: 'T | order by n asc | extend x = prev(n)',
  next: 'T | order by n asc | extend x = next(n)',
};

function GRAPH_QUERY(tail: string): string {
  return (
    'let E = datatable(src:string, dst:string, w:long)["a","b",1,"b","c",2];' +
    ' let N = datatable(id:string, name:string)["a","A","b","B","c","C"];' +
    ' E | make-graph src --> dst with N on id | graph-match (a)-[e*1..2]->(b) ' +
    tail
  );
}

/** A query per plug-in signature Kusto.Language cannot build (tables, aggregates, paired columns). */
export const PLUGIN_QUERIES: Readonly<Record<string, string>> = {
  active_users_count:
    'T | evaluate active_users_count(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d, 1d, 1, 1d)',
  activity_counts_metrics:
    'T | evaluate activity_counts_metrics(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d)',
  activity_engagement: 'T | evaluate activity_engagement(s, d, 1d, 2d)',
  activity_metrics: 'T | evaluate activity_metrics(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d)',
  new_activity_metrics:
    'T | evaluate new_activity_metrics(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d)',
  autocluster: 'T | project s, b | evaluate autocluster()',
  basket: 'T | project s, b | evaluate basket()',
  bag_unpack: 'T | project s, o | evaluate bag_unpack(o)',
  dcount_intersect: 'T | summarize h1 = hll(n), h2 = hll(i) | evaluate dcount_intersect(h1, h2)',
  diffpatterns:
    'T | extend split = iff(n > 1, "A", "B") | project s, b, split | evaluate diffpatterns(split, "A", "B")',
  estimate_rows_count: 'T | evaluate estimate_rows_count()',
  funnel_sequence:
    'T | evaluate funnel_sequence(s, d, datetime(2024-01-01), datetime(2024-01-04), 10m, 1d, s, dynamic(["alpha"]))',
  funnel_sequence_completion:
    'T | evaluate funnel_sequence_completion(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d, s, dynamic(["alpha","beta"]), dynamic([1d]))',
  ipv4_lookup:
    'let R = datatable(net:string, name:string)["10.0.0.0/24","lab"]; T | evaluate ipv4_lookup(R, ip, net)',
  ipv6_lookup:
    'let R = datatable(net:string, name:string)["::ffff:10.0.0.0/120","lab"]; T | evaluate ipv6_lookup(R, ip, net)',
  geo_polygon_lookup:
    `let P = datatable(name:string, poly:dynamic)["box", ${POINT_POLYGON}]; ` +
    'T | extend lon = 0.5, lat = 0.5 | evaluate geo_polygon_lookup(P, poly, lon, lat)',
  geo_line_lookup:
    `let L = datatable(name:string, line:dynamic)["road", ${LINE}]; ` +
    'T | extend lon = 0.5, lat = 0.5 | evaluate geo_line_lookup(L, line, lon, lat, 1000)',
  narrow: 'T | project s, n | evaluate narrow()',
  pivot: 'T | project s, n | evaluate pivot(s, sum(n))',
  preview: 'T | evaluate preview(2)',
  rolling_percentile: 'T | evaluate rolling_percentile(n, 50, d, 1d, 2)',
  rows_near: 'T | evaluate rows_near(n == 2, 1)',
  session_count: 'T | evaluate session_count(s, d, datetime(2024-01-01), datetime(2024-01-04), 1d, 2d)',
  sequence_detect: 'T | evaluate sequence_detect(d, 1d, 3d, e1 = (n == 1), e2 = (n == 2), s)',
  sliding_window_counts:
    'T | evaluate sliding_window_counts(s, d, datetime(2024-01-01), datetime(2024-01-04), 2d, 1d)',
  azure_digital_twins_query_request:
    'evaluate azure_digital_twins_query_request("https://x.api.wcus.digitaltwins.azure.net", "SELECT T FROM DIGITALTWINS T")',
  cosmosdb_sql_request: 'evaluate cosmosdb_sql_request("AccountEndpoint=x", "SELECT * from c")',
  sql_request: 'evaluate sql_request("Server=x", "select 1")',
  mysql_request: 'evaluate mysql_request("Server=x", "select 1")',
  http_request: 'evaluate http_request("https://example.com")',
  http_request_post: 'evaluate http_request_post("https://example.com")',
  infer_storage_schema: 'evaluate infer_storage_schema(dynamic({"StorageContainers":["https://x"]}))',
  infer_storage_schema_with_suggestions:
    'evaluate infer_storage_schema_with_suggestions(dynamic({"StorageContainers":["https://x"]}))',
  execute_query: 'evaluate execute_query("https://help.kusto.windows.net", "T | count")',
  execute_show_command: 'evaluate execute_show_command("https://help.kusto.windows.net", ".show version")',
  external_datatable: 'evaluate external_datatable()',
  identity: 'T | evaluate identity()',
  identity_v3: 'T | evaluate identity_v3("a", "b")',
  python: 'T | evaluate python(typeof(*), "result = df")',
  r: 'T | evaluate r(typeof(*), "result <- df")',
  csharp: 'T | evaluate csharp(typeof(*), "")',
  ai_chat_completion:
    'T | extend p = dynamic([{"role":"user","content":"hi"}]) | evaluate ai_chat_completion(p, "https://x")',
  ai_chat_completion_prompt: 'T | evaluate ai_chat_completion_prompt(s, "https://x")',
  ai_embeddings: 'T | evaluate ai_embeddings(s, "https://x")',
};

/**
 * Operator kinds whose every real use Kusto.Language 12.4.1 itself refuses to analyze, so no engine built on it can
 * run them: listed apart, with the reason, and not counted.
 */
export const ANALYZER_LIMITS: Readonly<Record<string, string>> = {
  GraphWhereNodesOperator: 'Kusto.Language 12.4.1 binds no node property in its predicate (KS142)',
  GraphWhereEdgesOperator: 'Kusto.Language 12.4.1 binds no edge property in its predicate (KS142)',
};

/** One query per kind of query operator Kusto.Language parses (BadQueryOperator is its error node, not an operator). */
export const OPERATOR_QUERIES: Readonly<Record<string, string>> = {
  AsOperator: 'T | as X | count',
  AssertSchemaOperator: 'T | assert-schema (s:string, n:long)',
  ConsumeOperator: 'T | consume',
  CountOperator: 'T | count',
  DistinctOperator: 'T | distinct s',
  EvaluateOperator: 'T | project s, o | evaluate bag_unpack(o)',
  ExecuteAndCacheOperator: 'T | __executeAndCache',
  ExtendOperator: 'T | extend x = n * 2',
  FacetOperator: 'T | facet by s',
  FilterOperator: 'T | where n > 1',
  FindOperator: 'find in (T) where n > 1',
  ForkOperator: 'T | fork (where n > 1) (take 1)',
  GetSchemaOperator: 'T | getschema',
  GraphMarkComponentsOperator: GRAPH_TABLE('graph-mark-components | graph-to-table nodes'),
  GraphMatchOperator: GRAPH_TABLE('graph-match (a)-->(b) project a.id, b.id'),
  GraphShortestPathsOperator: GRAPH_TABLE(
    'graph-shortest-paths (a)-[e*1..3]->(b) where a.id == "a" project b.id',
  ),
  GraphToTableOperator: GRAPH_TABLE('graph-to-table edges'),
  GraphWhereEdgesOperator: GRAPH_TABLE('graph-where-edges w > 1 | graph-to-table edges'),
  GraphWhereNodesOperator: GRAPH_TABLE('graph-where-nodes id != "c" | graph-to-table nodes'),
  InvokeOperator: 'let f = (X:(n:long)) { X | count }; T | invoke f()',
  JoinOperator: 'T | join kind=inner (T) on s',
  LookupOperator: 'T | lookup (T | project s, k = n) on s',
  MacroExpandOperator: 'macro-expand entity_group [database("Sentinel")] as X (X.T | count)',
  MakeGraphOperator: GRAPH_TABLE('graph-to-table nodes'),
  MakeSeriesOperator: 'T | make-series c = count() on d step 1d',
  MvApplyOperator: 'T | mv-apply x = a to typeof(long) on (summarize sum(x))',
  MvExpandOperator: 'T | mv-expand a',
  ParseKvOperator:
    'print x = "a=1,b=2" | parse-kv x as (a:long, b:long) with (pair_delimiter=",", kv_delimiter="=")',
  ParseOperator: 'T | parse s with "al" rest',
  ParseWhereOperator: 'T | parse-where s with "al" rest',
  PartitionByOperator: 'T | partition by s (take 1)',
  PartitionOperator: 'T | partition by s (take 1)',
  PrintOperator: 'print 1',
  ProjectAwayOperator: 'T | project-away s',
  ProjectByNamesOperator: 'T | project-by-names "s"',
  ProjectKeepOperator: 'T | project-keep s',
  ProjectOperator: 'T | project s',
  ProjectRenameOperator: 'T | project-rename x = s',
  ProjectReorderOperator: 'T | project-reorder n',
  RangeOperator: 'range x from 1 to 3 step 1',
  ReduceByOperator: 'T | reduce by s',
  RenderOperator: 'T | render table',
  SampleDistinctOperator: 'T | sample-distinct 2 of s',
  SampleOperator: 'T | sample 2',
  ScanOperator: 'T | order by n asc | scan with (step s1: n > 1;)',
  SearchOperator: 'T | search "alpha"',
  SerializeOperator: 'T | serialize',
  SortOperator: 'T | sort by n',
  SummarizeOperator: 'T | summarize count() by s',
  TakeOperator: 'T | take 1',
  TopHittersOperator: 'T | top-hitters 1 of s by n',
  TopNestedOperator: 'T | top-nested 1 of s by count()',
  TopOperator: 'T | top 1 by n',
  UnionOperator: 'union T, T',
};

function GRAPH_TABLE(tail: string): string {
  return (
    'let E = datatable(src:string, dst:string, w:long)["a","b",1,"b","c",2];' +
    ' let N = datatable(id:string)["a","b","c"];' +
    ` E | make-graph src --> dst with N on id | ${tail}`
  );
}
