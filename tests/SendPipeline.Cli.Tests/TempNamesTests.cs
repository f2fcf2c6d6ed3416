using SendPipeline.Cli.Commands;
using SendPipeline.Core.Reading;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Two runs at once (two checkouts' test suites, two officers on one server) never write the same file in the
/// shared temp folder: what the CLI writes there lives in its process's own folder.
/// </summary>
public class TempNamesTests
{
    [Fact]
    public void DefaultAssumptions_AreWrittenInThisProcessesOwnTempFolder_UnderTheirUploadName()
    {
        var path = GenerateCommand.AssumptionsPath(new CommandLine([], new HashSet<string>()));

        Assert.Equal(PrivateTemp.Current.Folder, Path.GetDirectoryName(path));
        Assert.Equal("sendpipeline-default-assumptions.csv", Path.GetFileName(path));
        using var defaults = new StreamReader(SendPipeline.Core.Returns.Assumptions.AssumptionsDefaults.Open());
        Assert.Equal(defaults.ReadToEnd(), File.ReadAllText(path));
    }
}
