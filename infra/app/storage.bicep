@description('Holds the pipeline data (see docs/architecture.md), the Durable task hub and the app package.')
param name string
param location string
param tags object = {}
param deploymentContainerName string
@description('Origin of the upload portal (the Function App), the only one allowed to PUT uploads from a browser with a SAS.')
param portalOrigin string

@description('Days each DfE package and snapshot in submissions/ cannot be changed or deleted (default about seven years).')
param submissionsRetentionDays int = 2557

var dataContainers = ['uploads', 'reports', 'accepted', 'datasets', 'powerbi', 'submissions', 'cache']
var tables = ['uploads', 'accepted', 'signoffs', 'deliveries', 'submitterkeys', 'signerkeys', 'portalsignouts']

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Identity only: the app, Durable and deployment all use the managed identity.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Raw uploads are never modified; versioning keeps every byte a submitter sent, even on overwrite.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    // The upload portal's page PUTs the file straight to blob storage with the create-only SAS; the
    // browser allows that only if the account names the page's origin. PUT only: the SAS reads nothing.
    cors: {
      corsRules: [
        {
          allowedOrigins: [portalOrigin]
          allowedMethods: ['PUT']
          allowedHeaders: ['x-ms-blob-type', 'content-type', 'x-ms-version', 'x-ms-client-request-id']
          exposedHeaders: ['x-ms-request-id']
          maxAgeInSeconds: 600
        }
      ]
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in concat(dataContainers, [deploymentContainerName]): {
    parent: blobService
    name: container
    // Version-level immutability on submissions/: what the partnership signed and the DfE received stays as sent.
    properties: union({ publicAccess: 'None' }, container == 'submissions' ? { immutableStorageWithVersioning: { enabled: true } } : {})
  }
]

resource submissionsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = {
  parent: blobService
  name: 'submissions'
}

// Time-based retention, left unlocked so the LA can lengthen it; locking it is a records-management decision (infra/README.md).
resource submissionsRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = {
  parent: submissionsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: submissionsRetentionDays
    allowProtectedAppendWrites: false
  }
  dependsOn: [containers]
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource pipelineTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for table in tables: {
    parent: tableService
    name: table
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
