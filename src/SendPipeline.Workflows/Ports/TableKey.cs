namespace SendPipeline.Workflows.Ports;

/// <summary>The address of one table row, for sweeping a table without reading its values.</summary>
public sealed record TableKey(string PartitionKey, string RowKey);
