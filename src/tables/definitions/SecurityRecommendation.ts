import type { TableDefinition } from '../tableDefinition';

export const SecurityRecommendation: TableDefinition = {
  name: 'SecurityRecommendation',
  description: '## Table attributes',
  columns: [
    {
      name: 'AssessedResourceId',
      type: 'string',
      description: 'Azure resource ID of the resource the recommendation assesses.',
    },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'Description',
      type: 'string',
      description: 'Description of the recommendation: what is checked and why it matters.',
    },
    {
      name: 'DeviceId',
      type: 'string',
      description: 'ID of the device the recommendation is about, when the assessed resource is a device.',
    },
    {
      name: 'DiscoveredTimeUTC',
      type: 'datetime',
      description: 'Date and time (UTC) the issue was first discovered on the resource.',
    },
    {
      name: 'Environment',
      type: 'string',
      description: 'Cloud environment of the assessed resource, such as Azure, AWS or GCP.',
    },
    {
      name: 'FirstEvaluationDate',
      type: 'datetime',
      description: 'Date and time the resource was first evaluated against the recommendation.',
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
      description: 'True when the record is part of a periodic full snapshot rather than a change event.',
    },
    {
      name: 'PolicyDefinitionId',
      type: 'string',
      description: 'Azure Policy definition that implements the assessment of the recommendation.',
    },
    { name: 'Properties', type: 'dynamic', description: 'Further properties of the assessment, as JSON.' },
    {
      name: 'ProviderName',
      type: 'string',
      description: 'Product that produced the recommendation, such as Microsoft Defender for Cloud.',
    },
    {
      name: 'RecommendationAdditionalData',
      type: 'dynamic',
      description: 'Additional data about the assessment (for example the findings behind it), as JSON.',
    },
    {
      name: 'RecommendationDisplayName',
      type: 'string',
      description: 'Display name of the recommendation, as shown in Defender for Cloud.',
    },
    {
      name: 'RecommendationId',
      type: 'string',
      description: 'Unique ID of this assessment of the resource.',
    },
    {
      name: 'RecommendationName',
      type: 'string',
      description:
        'Name (assessment key) of the recommendation, a GUID shared by every resource it assesses.',
    },
    {
      name: 'RecommendationSeverity',
      type: 'string',
      description: 'Severity of the recommendation: High, Medium or Low.',
    },
    {
      name: 'RecommendationState',
      type: 'string',
      description: 'Assessment result for the resource: Healthy, Unhealthy or NotApplicable.',
    },
    {
      name: 'ResolvedTimeUTC',
      type: 'datetime',
      description: 'Date and time (UTC) the issue was resolved on the resource, when it was.',
    },
    { name: 'ResourceRegion', type: 'string', description: 'Azure region of the assessed resource.' },
    {
      name: 'StatusChangeDate',
      type: 'datetime',
      description: 'Date and time the assessment status of the resource last changed.',
    },
    { name: 'TimeGenerated', type: 'datetime', description: 'Date and time the record was created.' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description: 'The agent or service that sent the record (Azure for continuous export).',
    },
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
