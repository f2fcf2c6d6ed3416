using SendPipeline.Storage.Local;
using SendPipeline.Workflows.Ports;

namespace SendPipeline.Workflows.Tests;

public sealed class RenderBufferTests : IDisposable
{
    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "sendpipeline-render-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Deterministic bytes of any length, written in uneven pieces as a serializer would.</summary>
    private static byte[] Render(Stream output, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var (at, piece) = (0, 1);
        while (at < length)
        {
            var count = Math.Min(piece, length - at);
            if (count == 1) output.WriteByte(bytes[at]);
            else output.Write(bytes, at, count);
            at += count;
            piece = piece * 7 % 100_003 + 1;
        }
        return bytes;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(RenderBuffer.InMemoryLimit)]
    [InlineData(RenderBuffer.InMemoryLimit + 1)]
    [InlineData(3 * RenderBuffer.InMemoryLimit + 12_345)]
    public async Task WriteRendered_StoresExactlyTheRenderedBytes_InMemoryOrSpilledToDisk(int length)
    {
        var store = new LocalFolderStore(_root);
        byte[] expected = [];
        await store.WriteRenderedAsync("datasets/out/table.csv", "text/csv", s => expected = Render(s, length));

        await using var stored = await store.OpenReadAsync("datasets/out/table.csv");
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy);
        Assert.Equal(length, copy.Length);
        Assert.True(expected.AsSpan().SequenceEqual(copy.ToArray()), "The stored blob differs from what was rendered.");
    }

    [Fact]
    public void ABufferPastItsLimit_IsReadBackWhole_AndItsScratchFileIsGoneOnceDisposed()
    {
        var buffer = new RenderBuffer();
        var expected = Render(buffer, RenderBuffer.InMemoryLimit * 2);
        var scratch = Directory.GetFiles(Core.Reading.PrivateTemp.Current.Folder, "*.render");
        Assert.NotEmpty(scratch);

        var read = new MemoryStream();
        buffer.Rewind().CopyTo(read);
        Assert.True(expected.AsSpan().SequenceEqual(read.ToArray()));
        Assert.Throws<NotSupportedException>(() => buffer.WriteByte(1));
        buffer.Dispose();
        Assert.All(scratch, path => Assert.False(File.Exists(path)));
    }
}
