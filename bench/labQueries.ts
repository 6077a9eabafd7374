/** What a learner runs in the lab: filters, aggregations, time bins, parse_json, a join, a render. */
export const TYPICAL_QUERIES = [
  'SecurityAlert | project TimeGenerated, AlertName, AlertSeverity, CompromisedEntity | take 100',
  'SecurityAlert | summarize Alerts = count() by AlertName, AlertSeverity | sort by Alerts desc',
  'AKSAudit | summarize Calls = count() by Verb | sort by Calls desc',
  'AKSAudit | where TimeGenerated > ago(1d) | summarize count() by bin(TimeGenerated, 1h) | render timechart',
  "KubePodInventory | where PodStatus != 'Running' | summarize Pods = dcount(Name) by Namespace, PodStatus",
  'KubeEvents | project TimeGenerated, Namespace, Name, Reason, Message | take 100',
  "ContainerLogV2 | where tostring(LogMessage) has 'error' | summarize count() by PodNamespace",
  'SecurityAlert | extend Props = parse_json(ExtendedProperties) | project TimeGenerated, AlertName, Props | take 50',
  'SecurityAlert | summarize Alerts = count() by CompromisedEntity | join kind=leftouter (KubePodInventory | summarize Pods = dcount(Name) by Computer) on $left.CompromisedEntity == $right.Computer',
];
