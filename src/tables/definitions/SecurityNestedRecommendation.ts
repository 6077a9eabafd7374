import type { TableDefinition } from '../tableDefinition';

export const SecurityNestedRecommendation: TableDefinition = {
  name: 'SecurityNestedRecommendation',
  description:
    "Nested recommendations can be thought of as 'sub' recommendations grouped into a 'parent' recommendation. To view nested recommendations, open the 'parent' from the recommendations page in Security Center. For example, if a vulnerability scan of your SQL databases returns 100 findings, each finding will be available as a nested recommendation within the parent recommendation 'Vulnerabilities on your SQL databases should be remediated'.",
  columns: [
    { name: 'AdditionalData', type: 'dynamic', description: 'Additional details of the sub-assessment' },
    { name: 'AssessedResourceId', type: 'string', description: 'Id of the assessed resource' },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'Category', type: 'string', description: 'Category of the sub-assessment' },
    { name: 'Cause', type: 'string', description: 'Cause of the assessment status' },
    { name: 'Description', type: 'string', description: 'Description of the assessment status' },
    { name: 'Id', type: 'string', description: 'Id of the assessed recommendation' },
    { name: 'Impact', type: 'string', description: 'Description of the impact of this sub-assessment' },
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
    { name: 'NestedRecommendationId', type: 'string', description: 'Id of the nested-recommendation' },
    { name: 'ParentRecommendationId', type: 'string', description: 'Id of the parent recommendation' },
    { name: 'RecommendationLink', type: 'string', description: 'Recommendation link URL' },
    { name: 'RecommendationName', type: 'string', description: 'Display name of the sub-assessment' },
    { name: 'RecommendationSeverity', type: 'string', description: 'The sub-assessment severity level' },
    { name: 'RecommendationState', type: 'string', description: 'The sub-assessment state' },
    { name: 'RecommendationSubscriptionId', type: 'string', description: "Recommendation's subscription Id" },
    {
      name: 'RemediationDescription',
      type: 'string',
      description: 'Information on how to remediate this sub-assessment',
    },
    {
      name: 'RemidiationDescription',
      type: 'string',
      description: 'Information on how to remediate this sub-assessment',
    },
    { name: 'ResourceDetails', type: 'dynamic', description: 'Details of the resource that was assessed' },
    { name: 'ResourceGroup', type: 'string', description: 'Resource group name' },
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
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
    },
    {
      name: 'SubAssessmentTimeGeneration',
      type: 'datetime',
      description: 'The date and time the sub-assessment was generated',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    {
      name: 'TimeGenerated',
      type: 'datetime',
      description: 'The date and time the sub-assessment was exported',
    },
    { name: 'Type', type: 'string', description: 'Resource type' },
    { name: 'VulnerabilityId', type: 'string', description: 'Vulnerability Id' },
  ],
};
