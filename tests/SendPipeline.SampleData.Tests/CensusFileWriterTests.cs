using System.Diagnostics;
using System.Text;
using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Writing;
using C = SendPipeline.SampleData.Census.CensusColumns;

namespace SendPipeline.SampleData.Tests;

public sealed class CensusFileWriterTests
{
    [Fact]
    public void A_large_file_is_a_valid_census_with_unique_upns()
    {
        using var stream = new MemoryStream();
        CensusFileWriter.WriteLarge(stream, 100_000, seed: 3);
        var lines = Encoding.ASCII.GetString(stream.ToArray()).Split("\r\n");

        Assert.Equal(string.Join(',', C.Names), lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        Assert.Equal(100_000, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[C.Upn]).Distinct().Count());

        var census = new DateOnly(2026, 1, 15);
        Assert.All(rows, r =>
        {
            Assert.Equal("8552001", r[C.LaEstab]);
            Assert.Equal("2026-01-15", r[C.CensusDate]);
            Assert.Equal(UpnProblems.None, Upn.Check(r[C.Upn], LaCodes.Dfe));
            Assert.True(NcYear.TryParse(r[C.NcYearActual], out var year));
            Assert.Equal(year, CensusDates.ExpectedNcYear(DateOnly.Parse(r[C.Dob]), census));
            Assert.NotEqual("NSA", r[C.SenType2]);
            if (r[C.SenType2] != "") Assert.NotEqual(r[C.SenType1], r[C.SenType2]);
            if (r[C.SenProvision] == "E") Assert.NotEqual("NSA", r[C.SenType1]);
            if (r[C.SenProvision] == "N") Assert.Equal("", r[C.SenType1]);
            Assert.True(DateOnly.Parse(r[C.EntryDate]) <= census);
        });
    }

    [Fact]
    public void A_million_rows_stream_to_a_census_of_sixty_to_a_hundred_megabytes()
    {
        // Its speed is the bench's business (docs/performance.md), not a test's: shared machines vary.
        var counter = new CountingStream();

        CensusFileWriter.WriteLarge(counter, 1_000_000, seed: 1);

        Assert.InRange(counter.Length, 60_000_000, 100_000_000);
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_and_another_seed_another()
    {
        static byte[] Write(int seed)
        {
            using var stream = new MemoryStream();
            CensusFileWriter.WriteLarge(stream, 5_000, seed, "856");
            return stream.ToArray();
        }
        Assert.Equal(Write(5), Write(5));
        Assert.NotEqual(Write(5), Write(6));
        Assert.StartsWith("8562001,", Encoding.ASCII.GetString(Write(5)).Split("\r\n")[1]);
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
    }
}
