using System.Collections;
using System.Reflection;
using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Tests.Picture;

/// <summary>
/// The parts of the picture kept between rebuilds read back as the records they were: every list of every part,
/// value for value (nulls, decimals' scale, dates, ages); a file cut short or changed is not read at all.
/// </summary>
public sealed class PicturePartCodecTests
{
    private static IReadOnlyList<(string Key, LaPicture Part)> Parts()
    {
        var parts = new PictureBuilder
        {
            Finance = ["2024-25,1.2.1,Actual,1000000.50,,2"],
            Placements =
                ["123456,2025-12-31,,1234567890,2008-01-01,SPI,2021-09-01,2026-07-31,Y,25000.10,FULL,SLD,Y,855,2"],
        }.BuildParts().Select((part, i) => ($"key-{i}", part)).ToList();
        parts[0].Item2.Assumptions.Add(
            new AssumptionRow("meta", "version", "all", "v1", new Source("u9", "p", "la", 2)));
        return parts;
    }

    private static byte[] Written(IReadOnlyList<(string Key, LaPicture Part)> parts)
    {
        using var file = new MemoryStream();
        PicturePartCodec.Write(file,
            [.. parts.Select(p => (p.Key, (ReadOnlyMemory<byte>)PicturePartCodec.Encode(p.Part)))]);
        return file.ToArray();
    }

    [Fact]
    public void Written_ReadsBackEveryListOfEveryPart_ValueForValue()
    {
        var parts = Parts();

        var read = PicturePartCodec.Read(new MemoryStream(Written(parts)));

        Assert.Equal(parts.Select(p => p.Key), read.Keys);
        var lists = typeof(LaPicture).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(IList).IsAssignableFrom(p.PropertyType) && p.Name != nameof(LaPicture.Uploads)).ToList();
        var covered = new HashSet<string>();
        foreach (var (key, part) in parts)
            foreach (var list in lists)
            {
                var expected = ((IList)list.GetValue(part)!).Cast<object>().ToList();
                if (expected.Count > 0) covered.Add(list.Name);
                Assert.Equal(expected, ((IList)list.GetValue(read[key].Part)!).Cast<object>().ToList());
            }
        // Every list the file keeps had rows here, so a field added to a record later is round-tripped or this fails.
        Assert.Equal(lists.Select(l => l.Name).Order(), covered.Order());
        var census = read["key-0"].Part.Census[0];
        Assert.Equal((census.Age, census.SenType1, census.NcYear), (parts[0].Part.Census[0].Age, "ASD", "4"));
        Assert.Equal("1000000.50", read.Values.SelectMany(p => p.Part.FinanceLines).Single().Amount.ToString(
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_OfADamagedOrShortenedFile_GivesNoParts()
    {
        var bytes = Written(Parts());
        var damaged = (byte[])bytes.Clone();
        damaged[^10] ^= 0x55;

        Assert.Empty(PicturePartCodec.Read(new MemoryStream(damaged)));
        Assert.Empty(PicturePartCodec.Read(new MemoryStream(bytes[..^3])));
        Assert.Empty(PicturePartCodec.Read(new MemoryStream(bytes[..10])));
        Assert.Empty(PicturePartCodec.Read(new MemoryStream()));
    }

    [Fact]
    public void Read_OfAFileFromAnotherBuild_GivesNoParts()
    {
        var bytes = Written(Parts());
        bytes[4] ^= 0xFF; // the first byte of the build's id, after the format version
        var body = bytes[..^32];
        var rehashed = body.Concat(System.Security.Cryptography.SHA256.HashData(body)).ToArray();

        Assert.Empty(PicturePartCodec.Read(new MemoryStream(rehashed)));
    }

    [Fact]
    public void Read_GivesEachPartsEncodedBytes_SoTheFileWrittenAgainFromThemIsTheSame()
    {
        var bytes = Written(Parts());

        var read = PicturePartCodec.Read(new MemoryStream(bytes));
        using var again = new MemoryStream();
        PicturePartCodec.Write(again, [.. read.Select(p => (p.Key, p.Value.Encoded))]);

        Assert.Equal(bytes, again.ToArray());
    }

    [Fact]
    public void CanKeep_NotAPartWithTheRegister()
    {
        var part = new LaPicture();
        Assert.True(PicturePartCodec.CanKeep(part));
        part.AddRegister(new Core.Register.Sen2Register(new DateOnly(2026, 1, 31), "855", []), "uploads/la/sen2/x.zip");
        Assert.False(PicturePartCodec.CanKeep(part));
    }
}
