namespace SendPipeline.Workflows.Submission;

/// <summary>
/// The endpoint's acceptance of a package: its HTTP status, how many attempts it took, the idempotency
/// key sent, and the receipt it gave (a <c>receiptId</c> in a JSON reply, else its <c>Location</c> header), if any.
/// </summary>
public sealed record DeliveryReceipt(int StatusCode, int Attempts, string IdempotencyKey, string? ReceiptId);
