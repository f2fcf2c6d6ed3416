using SendPipeline.Core.PowerBi;

namespace SendPipeline.Cli.Commands;

/// <summary>
/// <c>sendpipeline powerbi-queries</c>: writes the Power Query (M) file of every star table, with its
/// column types, and the relationships. They are checked in under docs/powerbi/queries (a test keeps them
/// current), so officers take them from the repository as they take docs/rules.md.
/// </summary>
public static class PowerBiQueriesCommand
{
    public const string Usage = "sendpipeline powerbi-queries [--out DIR] [--model DIR]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var folder = args.Option("out") ?? Path.Combine("docs", "powerbi", "queries");
        var model = args.Option("model") ?? Path.Combine("docs", "powerbi", "SendPipeline.SemanticModel", "definition");
        args.EnsureAllRead();
        var schema = StarSchemaShape.All();
        var files = PowerQueryWriter.Files(schema);
        Write(folder, files);
        output.WriteLine($"Wrote {files.Count} Power Query files to {folder}.");
        // The semantic model's tables and relationships; its hand-written measures and model files are left alone.
        var tmdl = TmdlWriter.Files(schema);
        Write(model, tmdl);
        output.WriteLine($"Wrote {tmdl.Count} TMDL files to {model}.");
        return 0;
    }

    private static void Write(string folder, IEnumerable<PowerQueryFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}
