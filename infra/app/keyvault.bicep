@description('Key Vault for the pipeline secrets: the HMAC key that turns pupil identifiers into pupil keys (issue 6), and the key that signs the upload portal\'s sessions (issue 8).')
param name string
param location string
param tags object = {}

@description('Principal id of the Function App identity, given read access to secrets only.')
param identityPrincipalId string

@secure()
@description('Base64 HMAC-SHA256 key for pupil keys. Generated once by the azd preprovision hook; changing it changes every pupil key, so Power BI joins across refreshes would break.')
param pupilKeySecret string

@secure()
@description('Key that signs the upload portal\'s session tokens. Generated once by the azd preprovision hook; replacing it only signs everyone out.')
param portalSessionSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Entra role assignments, not access policies: one model with the storage account's.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted key would make every published pupil key unlinkable; purge protection keeps it recoverable.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource pupilKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'pupil-key-secret'
  properties: {
    value: pupilKeySecret
    contentType: 'base64 HMAC-SHA256 key'
  }
}

// Its own secret, not derived from the pupil key: rotating it (signing everyone out) must never change a pupil key.
resource portalSession 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'portal-session-secret'
  properties: {
    value: portalSessionSecret
    contentType: 'base64 HMAC-SHA256 key'
  }
}

// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output name string = vault.name
output pupilKeySecretUri string = pupilKey.properties.secretUri
output portalSessionSecretUri string = portalSession.properties.secretUri
