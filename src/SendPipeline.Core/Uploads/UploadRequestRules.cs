namespace SendPipeline.Core.Uploads;

/// <summary>
/// What a submitter may ask to upload, checked before any write access is granted: their own folder,
/// a return type they may send, and a file name that is plainly a CSV or XLSX. The path is built here
/// from the authenticated submitter, never taken from the request, so no name can reach another folder.
/// </summary>
public static class UploadRequestRules
{
    public const int MaxFileNameLength = 100;

    private static readonly string[] Extensions = [".csv", ".xlsx"];

    /// <returns>The upload path to grant, or null with <paramref name="problem"/> saying what to change.</returns>
    public static string? PathFor(Submitter submitter, string returnType, string fileName, out string problem)
    {
        if (!ReturnTypes.IsKnown(returnType))
        {
            problem = $"'{returnType}' is not a return type. Use one of: {string.Join(", ", ReturnTypes.All)}.";
            return null;
        }
        if (!submitter.MayUpload(returnType))
        {
            problem = $"{submitter.Id} may not upload {returnType}; it may upload {submitter.Permitted()}.";
            return null;
        }
        var name = fileName.Trim();
        if (name.Length is 0 or > MaxFileNameLength || name.StartsWith('.')
            || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ')))
        {
            problem = $"The file name '{fileName}' must be 1 to {MaxFileNameLength} letters, digits, spaces, '-', '_' or '.', not starting with '.'.";
            return null;
        }
        if (!Extensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
        {
            problem = $"The file '{fileName}' must be a .csv or .xlsx file.";
            return null;
        }
        problem = "";
        return $"{UploadPath.Container}/{submitter.Id}/{returnType}/{name}";
    }
}
