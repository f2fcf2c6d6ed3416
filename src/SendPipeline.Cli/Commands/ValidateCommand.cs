using SendPipeline.Core.Reports;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline validate FILE</c>: validates one file locally. Exit 0 accepted (queries allowed),
/// 1 rejected, 2 could not run. The summary names rules and rows, never values: values can be UPNs,
/// and the full report (with values) goes only to the files the user asks for.
/// </summary>
public static class ValidateCommand
{
    public const string Usage = "sendpipeline validate FILE [--type T] [--submitter ID] [--la CODE] [--json P] [--html P] [--csv P]";

    public static int Run(CommandLine args, TextWriter output)
    {
        if (args.Positional.Count != 1) throw new UsageException("validate needs exactly one FILE.");
        var file = args.Positional[0];
        var type = args.Option("type");
        var submitter = args.Option("submitter");
        var la = Settings.LaCode(args);
        var jsonPath = args.Option("json");
        var htmlPath = args.Option("html");
        var csvPath = args.Option("csv");
        args.EnsureAllRead();
        if (!File.Exists(file)) throw new UsageException($"No file at '{file}'.");

        var inferred = InferFromPath(file);
        type ??= inferred?.ReturnType ?? throw new UsageException(
            "Cannot tell the return type: give --type, or keep the file under uploads/{submitter}/{return-type}/.");
        submitter ??= inferred?.SubmitterId;

        var report = ReturnValidator.Validate(File.OpenRead(file), new ValidationRequest(file, type, submitter, la)
        {
            Length = new FileInfo(file).Length,
        });
        Write(jsonPath, s => ReportJson.Write(report, s));
        Write(htmlPath, s => ReportHtml.Write(report, s));
        Write(csvPath, s => ReportCsv.Write(report, s));
        Summarise(report, output);
        return report.Accepted ? 0 : 1;
    }

    /// <summary>The last <c>uploads/{submitter}/{type}/{name}</c> run of segments in the path, if any.</summary>
    public static UploadPath? InferFromPath(string file)
    {
        var parts = Path.GetFullPath(file).Replace('\\', '/').Split('/');
        for (var i = parts.Length - 4; i >= 0; i--)
            if (parts[i] == UploadPath.Container && UploadPath.TryParse(string.Join('/', parts[i..]), out var upload, out _))
                return upload;
        return null;
    }

    public static void Summarise(ValidationReport report, TextWriter output)
    {
        output.WriteLine($"{report.File}: {report.Status.ToUpperInvariant()} ({report.ReturnType}{(report.Submitter is null ? "" : ", submitter " + report.Submitter)})");
        output.WriteLine($"  {report.RowsRead:N0} rows read, {report.Errors:N0} errors, {report.Queries:N0} queries{(report.Encoding is null ? "" : $"; {report.Format} {report.Encoding}")}");
        foreach (var (ruleId, count) in report.CountsByRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(10))
        {
            var rule = RuleCatalogue.Find(ruleId);
            var found = report.Issues.Where(i => i.RuleId == ruleId).Take(5).ToList();
            // A sen2 row counts within its module, so the module is named beside it: "requests 7471".
            var rows = found.Where(i => i.Row is not null).Select(i => i.Part is null ? $"{i.Row}" : $"{i.Part} {i.Row}").ToList();
            var where = rows.Count == 0 ? "whole file" : "rows " + string.Join(", ", rows) + (count > found.Count ? ", …" : "");
            output.WriteLine($"  {ruleId,-8} {(rule?.Severity == Severity.Query ? "query" : "error"),-5} x{count,-6} {where}: {Describe(rule)}");
        }
        // Every kind of problem is named, even past the ten shown in full.
        var rest = report.CountsByRule.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Skip(10).Select(kv => $"{kv.Key} x{kv.Value:N0}").ToList();
        if (rest.Count > 0) output.WriteLine($"  and {rest.Count:N0} more rules: {string.Join(", ", rest)} (see the report)");
    }

    /// <summary>The rule's template with placeholders shown as names: no value from the file reaches the console.</summary>
    private static string Describe(Rule? rule) => rule?.MessageTemplate ?? "";

    private static void Write(string? path, Action<Stream> render)
    {
        if (path is null) return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var stream = File.Create(path);
        render(stream);
    }
}
