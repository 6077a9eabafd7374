/**
 * Small self-contained queries (no table needed) that take Kusto.Language and the engine through the paths a learner's
 * queries take: filters on time and text, summaries by time bins and by column, dynamic properties, joins, sorting and
 * a chart. The first query of each kind otherwise pays for code running for the first time: Kusto.Language's lazily
 * made types and both libraries' unoptimised code, 10–20 ms of analysis and as much of execution on a loaded machine.
 * The query worker runs one per idle moment (store/queryService.ts), so each is kept short.
 */
export const WARM_UP_QUERIES: readonly string[] = [
  // Time and text filters, projections, a take.
  `range Index from 1 to 1000 step 1
| extend TimeGenerated = datetime(2026-01-01) + Index * 1m, Namespace = strcat('ns-', Index % 5), Verb = iff(Index % 3 == 0, 'create', 'get')
| where TimeGenerated > ago(365d) and Namespace != 'kube-system' and Verb in ('get', 'create') and Namespace has 'ns' and Verb contains 'e'
| project TimeGenerated, Namespace, Verb
| take 100`,
  // Summaries by time bins and by columns, sorted.
  `range Index from 1 to 1000 step 1
| extend TimeGenerated = datetime(2026-01-01) + Index * 1m, Pod = strcat('pod-', Index % 17), Status = iff(Index % 4 == 0, 'Failed', 'Running')
| summarize Rows = count(), Pods = dcount(Pod), Failed = countif(Status == 'Failed') by bin(TimeGenerated, 1h), Status
| sort by Rows desc`,
  // More aggregations, and top.
  `range Index from 1 to 1000 step 1
| extend Pod = strcat('pod-', Index % 17), Node = strcat('node-', Index % 3)
| summarize Last = max(Index), Pods = make_set(Pod, 10), arg_max(Index, Pod) by Node
| top 2 by Last desc`,
  // Dynamic values: parse_json, property access, tostring.
  `range Index from 1 to 1000 step 1
| extend Props = parse_json(strcat('{"Pod":"pod-', Index % 9, '","Ports":[', Index % 3, ',', Index % 7, ']}'))
| extend Pod = tostring(Props.Pod), FirstPort = toint(Props['Ports'][0])
| project Pod, FirstPort, Props
| take 50`,
  // mv-expand of a dynamic array.
  `range Index from 1 to 200 step 1
| extend Ports = pack_array(Index % 3, Index % 7)
| mv-expand Port = Ports to typeof(long)
| summarize Ports = make_set(Port) by Group = Index % 4`,
  // Joins, with let statements.
  `let Alerts = range Index from 1 to 1000 step 1 | extend Host = strcat('node-', Index % 11);
let Pods = range Index from 1 to 1000 step 1 | extend Computer = strcat('node-', Index % 13), Name = strcat('pod-', Index % 29);
Alerts
| summarize Alerts = count() by Host
| join kind=leftouter (Pods | summarize Pods = dcount(Name) by Computer) on $left.Host == $right.Computer
| join kind=inner (Pods | distinct Computer) on Computer`,
  // A chart.
  `range Index from 1 to 1000 step 1
| extend TimeGenerated = datetime(2026-01-01) + Index * 1m
| summarize count() by bin(TimeGenerated, 1h)
| render timechart`,
];
