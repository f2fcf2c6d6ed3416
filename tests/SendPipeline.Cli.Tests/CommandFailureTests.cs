using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Whatever goes wrong, a command says why in a sentence and exits 2 ("could not run"): never a stack
/// trace. The unforeseen failures (a corrupt file in the store, storage that does not answer) go
/// through Program's last-resort handler; the others are the commands' own checks.
/// </summary>
public sealed class CommandFailureTests : IDisposable
{
    private const string Quarter = "2025-26 Q4";

    /// <summary>Azurite's well-known development account, on a port where nothing listens.</summary>
    private const string StorageDown = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Commands_ThatCannotRun_SayWhyInASentenceWithExit2AndNoStackTrace()
    {
        var corrupt = Path.Combine(_dir, "corrupt");
        var store = new LocalFolderStore(corrupt);
        await store.UpsertAsync(StorageLayout.AcceptedTable, new TableRow("school-census", "8552001~2026-01-15",
            new Dictionary<string, object?> { ["UploadId"] = "u1" }));
        foreach (var row in Directory.GetFiles(Path.Combine(corrupt, ".tables"), "*", SearchOption.AllDirectories))
            File.WriteAllBytes(row, [0x7B, 0x22, 0xFF, 0x00, 0x13]);

        (string[] Args, string Expected)[] cases =
        [
            (["submit", "--quarter", Quarter, "--store", Path.Combine(_dir, "no-such-store")], "does not exist"),
            (["submit", "--quarter", "2025 Q5", "--store", _dir], "is not a financial quarter"),
            (["submit", "--quarter", Quarter, "--store", corrupt], "Could not run"),
            (["submit", "--quarter", Quarter, "--connection", StorageDown], "the storage service could not be reached"),
            (["ingest", "--connection", StorageDown], "the storage service could not be reached"),
            (["submit", "--quarter", Quarter, "--store", _dir, "--deliver-to", "http://dfe.example/returns"], "must use https"),
        ];

        foreach (var (args, expected) in cases)
        {
            var (exit, output, error) = await CliRunner.Run(args);
            var said = output + error;
            var command = string.Join(' ', args);
            Assert.True(exit == 2, $"{command}: exit {exit}\n{said}");
            Assert.True(said.Contains(expected, StringComparison.Ordinal), $"{command}: expected '{expected}' in\n{said}");
            Assert.False(said.Contains("   at ", StringComparison.Ordinal), $"{command}: a stack trace\n{said}");
            Assert.False(said.Contains("Exception", StringComparison.Ordinal), $"{command}: an exception's name\n{said}");
        }
    }
}
