namespace SendPipeline.Core.Uploads;

/// <summary>
/// <c>uploads/{submitter}/{returnType}/{fileName}</c>: the only shape of path the pipeline ingests.
/// Parsing is strict because the path decides who the uploader is and what they may send.
/// </summary>
public sealed record UploadPath(string Path, string SubmitterId, string ReturnType, string FileName)
{
    public const string Container = "uploads";

    public static bool TryParse(string path, out UploadPath upload, out string problem)
    {
        upload = null!;
        var normalised = path.Replace('\\', '/');
        var parts = normalised.Split('/');
        // Accept a path relative to the container as well as one that names it.
        if (parts.Length == 3) parts = [Container, .. parts];
        if (parts.Length != 4 || parts[0] != Container)
        {
            problem = $"The path '{path}' is not of the form uploads/{{submitter}}/{{return-type}}/{{file-name}}.";
            return false;
        }
        if (parts.Any(p => p.Length == 0 || p == "." || p == ".."))
        {
            problem = $"The path '{path}' has an empty, '.' or '..' segment.";
            return false;
        }
        upload = new UploadPath(string.Join('/', parts), parts[1], parts[2], parts[3]);
        problem = "";
        return true;
    }

    public string Extension => System.IO.Path.GetExtension(FileName).ToLowerInvariant();
}
