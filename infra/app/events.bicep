// The system topic only. Its subscription to the blob trigger ('uploads-to-ingest') has one owner, the azd
// postdeploy hook (infra/hooks/subscribe-uploads.sh, .ps1): the webhook URL needs the app's blobs_extension
// key, which exists only once the deployed code has started, after provisioning. Declaring the subscription
// here as well would make two owners that overwrite each other's endpoint.
@description('Event Grid delivery of new uploads to the blob trigger (Flex Consumption cannot poll blobs).')
param systemTopicName string
param location string
param tags object = {}
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output systemTopicName string = systemTopic.name
