using SendPipeline.Core.Uploads;

namespace SendPipeline.SampleData;

/// <summary>
/// Files the LA uploads as they came: the DfE's caseload history (spec 2 says exactly as
/// published) and the forecast assumptions. Copied byte for byte; without a source, skipped and noted.
/// </summary>
internal static class LaCopies
{
    public static IEnumerable<GeneratedUpload> Write(SampleLaOptions options, string outputRoot, List<string> notes)
    {
        var copies = new List<GeneratedUpload>();
        Copy(options.EhcpHistoryPath, ReturnTypes.EhcpHistory, nameof(SampleLaOptions.EhcpHistoryPath), outputRoot, copies, notes);
        Copy(options.AssumptionsPath, ReturnTypes.Assumptions, nameof(SampleLaOptions.AssumptionsPath), outputRoot, copies, notes);
        return copies;
    }

    private static void Copy(string? source, string returnType, string option, string outputRoot, List<GeneratedUpload> copies, List<string> notes)
    {
        if (source is null)
        {
            notes.Add($"{returnType}: not uploaded, since no {option} was given.");
            return;
        }
        var upload = $"{UploadPath.Container}/{Submitter.LocalAuthorityId}/{returnType}/{Path.GetFileName(source)}";
        var target = Path.Combine(outputRoot, upload);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: false);
        copies.Add(new GeneratedUpload(upload, Submitter.LocalAuthorityId, returnType, Math.Max(0, CountLines(target) - 1), "accepted"));
    }

    private static int CountLines(string path)
    {
        var lines = 0;
        var last = (byte)'\n';
        foreach (var b in File.ReadAllBytes(path))
        {
            if (b == '\n') lines++;
            last = b;
        }
        return last == '\n' ? lines : lines + 1;
    }
}
