param storageAccountName string
param applicationInsightsName string
param identityPrincipalId string

@description('Optional person or pipeline given blob and table data access; empty for none.')
param userPrincipalId string = ''

@description('Optional Entra ID group of officers who read the star schema in Power BI; empty for none.')
param powerBiReaderGroupId string = ''

// Built-in role definition ids.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob owner (not contributor): the Functions host and Flex deployment manage blob leases and containers.
// Queues and tables: the Durable task hub lives in them, and the pipeline's own tables beside it.
var appStorageRoles = [roles.storageBlobDataOwner, roles.storageTableDataContributor, roles.storageQueueDataContributor]
var userStorageRoles = [roles.storageBlobDataContributor, roles.storageTableDataContributor]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

// Officers read Parquet from this container only: the account also holds raw uploads, which carry UPNs.
resource powerBiContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = {
  name: '${storageAccountName}/default/powerbi'
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appStorageRoles: {
    name: guid(storage.id, identityPrincipalId, role)
    scope: storage
    properties: {
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource userStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in userStorageRoles: if (!empty(userPrincipalId)) {
    name: guid(storage.id, userPrincipalId, role)
    scope: storage
    properties: {
      principalId: userPrincipalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

// Power BI: the Blob connector reads powerbi/ (the Parquet files); the Table connector needs the account,
// because the star tables are created by the rebuild and cannot be named here. Tables hold no pupil
// identifiers: upload records, pointers, sign-offs, the Durable task hub and the star tables.
resource powerBiBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(powerBiReaderGroupId)) {
  name: guid(powerBiContainer.id, powerBiReaderGroupId, roles.storageBlobDataReader)
  scope: powerBiContainer
  properties: {
    principalId: powerBiReaderGroupId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
  }
}

resource powerBiTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(powerBiReaderGroupId)) {
  name: guid(storage.id, powerBiReaderGroupId, roles.storageTableDataReader)
  scope: storage
  properties: {
    principalId: powerBiReaderGroupId
    principalType: 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
  }
}
