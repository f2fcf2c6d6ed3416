using SendPipeline.Core.PowerBi;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline powerbi-queries</c>: writes the Power Query (M) file of every star table, with its
/// column types, and the relationships. They are checked in under docs/powerbi/queries (a test keeps them
/// current), so officers take them from the repository as they take docs/rules.md.
/// </summary>
public static class PowerBiQueriesCommand
{
    public const string Usage = "sendpipeline powerbi-queries [--out DIR]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var folder = args.Option("out") ?? Path.Combine("docs", "powerbi", "queries");
        args.EnsureAllRead();
        var files = PowerQueryWriter.Files(StarSchemaShape.All());
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
        output.WriteLine($"Wrote {files.Count} Power Query files to {folder}.");
        return 0;
    }
}
