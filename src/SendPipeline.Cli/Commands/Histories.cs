using SendPipeline.Core.Forecasting;

namespace SendPipeline.Cli.Commands;

/// <summary>Reading the history file, with a missing or malformed file reported as bad arguments.</summary>
internal static class Histories
{
    public static IReadOnlyList<CaseloadSeries> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"History file '{path}' not found.");
        try
        {
            using var stream = File.OpenRead(path);
            return CaseloadFile.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }
}
