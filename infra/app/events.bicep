@description('Event Grid delivery of new uploads to the blob trigger (Flex Consumption cannot poll blobs).')
param systemTopicName string
param location string
param tags object = {}
param storageAccountName string
param functionAppName string

@description('The webhook needs the app\'s blobs_extension key and a deployed trigger to answer validation, so it is created on a second provision.')
param subscribeUploads bool = false

@description('Must match UploadBlobTrigger.Name in SendPipeline.Functions.')
param triggerFunctionName string = 'UploadBlobTrigger'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
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

resource uploadsSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscribeUploads) {
  parent: systemTopic
  name: 'uploads-to-ingest'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${triggerFunctionName}&code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/uploads/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = systemTopic.name
