using SendPipeline.SampleData;

namespace SendPipeline.Cli.Commands;

/// <summary><c>sendpipeline generate</c>: writes the synthetic sample LA's uploads into a folder.</summary>
public static class GenerateCommand
{
    public const string Usage = "sendpipeline generate [--seed N] [--out DIR] [--la CODE] [--no-errors]";

    public static int Run(CommandLine args, TextWriter output)
    {
        var seed = args.Int("seed", 1);
        var root = Path.GetFullPath(args.Option("out") ?? Path.Combine("out", "sample-la"));
        var la = Settings.LaCode(args);
        var clean = args.Flag("no-errors");
        args.EnsureAllRead();

        var result = SampleLaGenerator.Generate(new SampleLaOptions { Seed = seed, LaCode = la, PlantErrors = !clean }, root);
        Describe(result, output);
        return 0;
    }

    public static void Describe(SampleLaResult result, TextWriter output)
    {
        output.WriteLine($"Sample LA written to {result.OutputRoot}:");
        output.WriteLine($"  {result.Schools:N0} school census uploads, {result.Rows:N0} rows: {result.EhcpPupils:N0} EHC plans, {result.SenSupportPupils:N0} on SEN support, {result.NoSenRows:N0} without SEN");
        output.WriteLine($"  {result.Defects.Count} planted defects in {result.Defects.Select(d => d.File).Distinct().Count()} files (listed in planted-defects.json)");
    }
}
