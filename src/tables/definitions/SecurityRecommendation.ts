import type { TableDefinition } from '../tableDefinition';

export const SecurityRecommendation: TableDefinition = {
  name: 'SecurityRecommendation',
  description: '## Table attributes',
  columns: [
    { name: 'AssessedResourceId', type: 'string', description: '' },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'Description', type: 'string', description: '' },
    { name: 'DeviceId', type: 'string', description: '' },
    { name: 'DiscoveredTimeUTC', type: 'datetime', description: '' },
    { name: 'Environment', type: 'string', description: '' },
    { name: 'FirstEvaluationDate', type: 'datetime', description: '' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'IsSnapshot', type: 'bool', description: '' },
    { name: 'PolicyDefinitionId', type: 'string', description: '' },
    { name: 'Properties', type: 'dynamic', description: '' },
    { name: 'ProviderName', type: 'string', description: '' },
    { name: 'RecommendationAdditionalData', type: 'dynamic', description: '' },
    { name: 'RecommendationDisplayName', type: 'string', description: '' },
    { name: 'RecommendationId', type: 'string', description: '' },
    { name: 'RecommendationName', type: 'string', description: '' },
    { name: 'RecommendationSeverity', type: 'string', description: '' },
    { name: 'RecommendationState', type: 'string', description: '' },
    { name: 'ResolvedTimeUTC', type: 'datetime', description: '' },
    { name: 'ResourceRegion', type: 'string', description: '' },
    { name: 'StatusChangeDate', type: 'datetime', description: '' },
    { name: 'TimeGenerated', type: 'datetime', description: '' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
    { name: 'SourceSystem', type: 'string', description: '' },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the Azure resource that the record is associated with.',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the Azure subscription that the record is associated with.',
    },
  ],
};
