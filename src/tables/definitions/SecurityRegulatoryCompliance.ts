import type { TableDefinition } from '../tableDefinition';

export const SecurityRegulatoryCompliance: TableDefinition = {
  name: 'SecurityRegulatoryCompliance',
  description: 'Azure Security Center regulatory compliance assessments state.',
  columns: [
    { name: 'AssessedResourceId', type: 'string', description: 'The ID of the assessed resource' },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'ComplianceControl', type: 'string', description: 'The name of regulatory compliance control' },
    { name: 'ComplianceStandard', type: 'string', description: 'The name of compliance standard' },
    {
      name: 'FailedResources',
      type: 'int',
      description: 'The number of resources that failed this assessment',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'IsSnapshot',
      type: 'bool',
      description:
        "Indicates whether the data was exported as part of a snapshot when 'true', or streamed in real-time when 'false'.",
    },
    {
      name: 'PassedResources',
      type: 'int',
      description: 'The number of resources that passed this assessment',
    },
    { name: 'Properties', type: 'dynamic', description: 'The complete set of metadata.' },
    { name: 'RecommendationId', type: 'string', description: 'The ID of the assessed recommendation' },
    {
      name: 'RecommendationLink',
      type: 'string',
      description: 'A link for more details on the assessment result',
    },
    { name: 'RecommendationName', type: 'string', description: 'Recommendation display name' },
    {
      name: 'RegulatoryComplianceSubscriptionId',
      type: 'string',
      description: 'The subscription ID of the assessed resource',
    },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    {
      name: 'ResourceProviderType',
      type: 'string',
      description: 'Resource provider type of the assessed resource',
    },
    {
      name: 'SkippedResources',
      type: 'int',
      description: 'The number of resources that passed this assessment',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
    },
    { name: 'State', type: 'string', description: 'The assessment state' },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    {
      name: 'TimeGenerated',
      type: 'datetime',
      description: 'The (UTC) date and time the assessment was generated',
    },
    { name: 'Type', type: 'string', description: 'The name of the table' },
  ],
};
