@description('The Functions app (Flex Consumption, .NET isolated) and its plan.')
param name string
param planName string
param location string
param tags object = {}
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string
param laCode string
@description('NCRONTAB schedule of the quarterly DfE submission (default: 07:00 UTC on 15 July, October, January, April).')
param submissionSchedule string = '0 0 7 15 1,4,7,10 *'
@description('The DfE endpoint final packages are posted to; empty publishes packages without sending them.')
param dfeEndpoint string = ''
@description('Key Vault URI of the pupil-key secret, read through a Key Vault reference with the app identity.')
param pupilKeySecretUri string
@description('Key Vault URI of the upload portal\'s session-signing secret, read the same way.')
param portalSessionSecretUri string
@description('Client id of the Entra app registration holding the sign-off app roles; empty leaves App Service Authentication off.')
param signOffClientId string = ''
param instanceMemoryMB int = 2048
param maximumInstanceCount int = 40

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// Identity-based connections: each "<name>__" group tells the Functions host and the SDK clients which
// endpoints to use and which identity to present, so no account key appears anywhere.
var identityConnection = {
  credential: 'managedidentity'
  clientId: identityClientId
}
var appSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: identityConnection.credential
  AzureWebJobsStorage__clientId: identityConnection.clientId
  PipelineStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  PipelineStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  PipelineStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  PipelineStorage__credential: identityConnection.credential
  PipelineStorage__clientId: identityConnection.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  SendPipeline__LaCode: laCode
  // A burst of uploads within this many seconds becomes one rebuild of the LA's datasets.
  SendPipeline__RebuildDebounceSeconds: '30'
  // Flat name: the timer's %setting% lookup does not reliably resolve nested settings.
  SubmissionSchedule: submissionSchedule
  SendPipeline__Dfe__Endpoint: dfeEndpoint
  // Resolved by the platform with keyVaultReferenceIdentity; the value never appears in app settings.
  SendPipeline__PupilKeySecret: '@Microsoft.KeyVault(SecretUri=${pupilKeySecretUri})'
  SendPipeline__PortalSessionSecret: '@Microsoft.KeyVault(SecretUri=${portalSessionSecretUri})'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the app to deploy the 'api' service to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        // The app targets net10.0; Flex Consumption accepts '10.0' where the region has rolled it out.
        version: '10.0'
      }
    }
  }
}

// A config child rather than siteConfig.appSettings: its values need the storage endpoints, known only at run time.
resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: appSettings
}

// App Service Authentication (Entra ID) for the sign-off route: the platform validates a caller's bearer token,
// strips any X-MS-CLIENT-PRINCIPAL* header a client sent, and injects the validated principal (object id, name,
// app roles). Anonymous requests still reach the app, because schools use the portal with upload keys, not
// Entra accounts; the sign-off function itself refuses a request without a validated principal.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(signOffClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: signOffClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${signOffClientId}'
            signOffClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
