targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource group name and a unique token for global names.')
param environmentName string

@minLength(1)
@description('Region for every resource. Must offer Flex Consumption (e.g. uksouth, westeurope).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('DfE code of the local authority whose returns this deployment holds.')
@minLength(3)
@maxLength(3)
param laCode string = '855'

@description('NCRONTAB schedule of the quarterly DfE submission.')
param submissionSchedule string = '0 0 7 15 1,4,7,10 *'

@description('The DfE endpoint final packages are posted to (https); empty to publish without sending.')
param dfeEndpoint string = ''

@secure()
@description('Base64 HMAC key for pupil keys; the azd preprovision hook generates it once per environment.')
param pupilKeySecret string

@secure()
@description('Key for the upload portal\'s session tokens; the azd preprovision hook generates it once per environment.')
param portalSessionSecret string

@description('Object id of a person or pipeline given data access for debugging; empty for none.')
param principalId string = ''

@description('Object id of the Entra ID group of officers who read the star schema in Power BI; empty for none.')
param powerBiReaderGroupId string = ''

@description('Client id of the Entra app registration whose app roles are the five sign-off roles (infra/README.md, "Sign-off identities"); empty leaves App Service Authentication off, and HTTP sign-off refuses (503).')
param signOffClientId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  'la-code': laCode
}
var functionAppName = 'func-sendpipeline-${resourceToken}'
// Flex Consumption pulls its package from a container; it lives beside the data, with the same identity.
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-sendpipeline-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stsend${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    portalOrigin: 'https://${functionAppName}.azurewebsites.net'
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-sendpipeline-${resourceToken}'
    applicationInsightsName: 'appi-sendpipeline-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    powerBiReaderGroupId: powerBiReaderGroupId
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-send-${take(resourceToken, 13)}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    pupilKeySecret: pupilKeySecret
    portalSessionSecret: portalSessionSecret
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  dependsOn: [rbac]
  params: {
    name: functionAppName
    planName: 'plan-sendpipeline-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    laCode: laCode
    submissionSchedule: submissionSchedule
    dfeEndpoint: dfeEndpoint
    pupilKeySecretUri: keyVault.outputs.pupilKeySecretUri
    portalSessionSecretUri: keyVault.outputs.portalSessionSecretUri
    signOffClientId: signOffClientId
  }
}

module events 'app/events.bicep' = {
  name: 'events'
  scope: rg
  params: {
    systemTopicName: 'evgt-sendpipeline-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output UPLOADS_SYSTEM_TOPIC_NAME string = events.outputs.systemTopicName
