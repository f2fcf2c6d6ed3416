using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Tests.Reading;

/// <summary>Issue 15 item 8: pupil data in temporary files stays in a private folder that a dead run's leftovers do not outlive.</summary>
public sealed class PrivateTempTests : IDisposable
{
    private readonly string _base = Path.Combine(Path.GetTempPath(), "sendpipeline-private-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_base)) Directory.Delete(_base, recursive: true);
    }

    [Fact]
    public void The_base_folder_and_the_run_folder_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // %TEMP% is per user there; modes are a Unix matter.
        using var temp = PrivateTemp.Open(_base);

        Assert.Equal(PrivateTemp.OwnerOnly, File.GetUnixFileMode(_base));
        Assert.Equal(PrivateTemp.OwnerOnly, File.GetUnixFileMode(temp.Folder));
        Assert.StartsWith(temp.Folder + Path.DirectorySeparatorChar, temp.NewFile(".csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loosened_base_folder_is_made_owner_only_again()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_base);
        File.SetUnixFileMode(_base, PrivateTemp.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        using var temp = PrivateTemp.Open(_base);

        Assert.Equal(PrivateTemp.OwnerOnly, File.GetUnixFileMode(_base));
    }

    [Fact]
    public void What_a_dead_run_left_is_removed_at_the_next_start_and_a_live_runs_folder_is_not()
    {
        using var live = PrivateTemp.Open(_base);
        File.WriteAllText(live.NewFile(".csv"), "in use");
        // A run that died (its lock went with it) leaving a canonical copy behind.
        var dead = Path.Combine(_base, "run-12345-dead");
        Directory.CreateDirectory(dead);
        File.WriteAllText(Path.Combine(dead, "canonical.csv"), "UPN,DOB\nA123456789012,2016-10-01\n");
        File.WriteAllText(Path.Combine(dead, ".lock"), "");

        using var next = PrivateTemp.Open(_base);

        Assert.False(Directory.Exists(dead));
        Assert.Equal(1, next.LeftoversRemoved);
        Assert.True(Directory.Exists(live.Folder));
        Assert.Single(Directory.GetFiles(live.Folder, "*.csv"));
    }

    [Fact]
    public void Disposing_removes_the_run_folder()
    {
        var temp = PrivateTemp.Open(_base);
        File.WriteAllText(temp.NewFile(".csv"), "x");

        temp.Dispose();

        Assert.False(Directory.Exists(temp.Folder));
    }
}
