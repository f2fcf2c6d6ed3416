namespace SendPipeline.Core.Validation;

/// <summary>The DfE's two words: an error rejects the whole return, a query is reported but accepted.</summary>
public enum Severity
{
    Error,
    Query,
}
