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

/// <summary>Reading the folder of DfE EHC plan tables, with a missing or malformed table reported as bad arguments.</summary>
internal static class DfeFolders
{
    public static SendPipeline.Core.Forecasting.DfeTables.EhcpTables Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new UsageException($"--data-dir '{directory}' is not a folder.");
        try
        {
            return SendPipeline.Core.Forecasting.DfeTables.EhcpTables.Read(name =>
                File.Exists(Path.Combine(directory, name)) ? File.OpenRead(Path.Combine(directory, name)) : null);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"{directory}: {e.Message}");
        }
    }
}
