using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Access;

namespace SendPipeline.Workflows.Tests;

public sealed class SubmitterKeyStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sendpipeline-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Authenticate_IssuedKey_IsItsSubmitterUntilRevoked()
    {
        var store = new LocalFolderStore(_root);
        var keys = new SubmitterKeyStore(store, TimeProvider.System);
        var first = await keys.IssueAsync("8552001");
        var second = await keys.IssueAsync("8552001");

        Assert.Equal("8552001", (await keys.AuthenticateAsync(first.Key))?.Id);
        Assert.True(await keys.RevokeAsync("8552001", first.Hash[..16]));
        Assert.Null(await keys.AuthenticateAsync(first.Key));
        Assert.Equal("8552001", (await keys.AuthenticateAsync(second.Key))?.Id);
        Assert.Null(await keys.AuthenticateAsync("8552002." + first.Key.Split('.')[1]));
        Assert.DoesNotContain(first.Key.Split('.')[1], string.Concat(Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }
}
