using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.Core.Picture;

/// <summary>
/// The parts of the picture that the returns in force gave (<see cref="LaPicture.Include"/>), kept between rebuilds in
/// one compact file keyed by each return's upload and content hash, so a rebuild in a fresh process reads the one
/// return that changed and this file instead of every canonical return (thousands of blobs at regional scale, each a
/// round trip in Azure).
/// </summary>
/// <remarks>
/// Hand-written rather than a general serializer: a part's values repeat down the return (LAEstab, dates' strings,
/// codes), so each part keeps its own string table and shares one string per value on reading, as reading the
/// canonical CSV does; and the records stay plain positional records without serializer attributes in the core.
/// The file carries the build of this code (<see cref="CodeVersion"/>) and a SHA-256 of its body: a file from another
/// build, or damaged, is not read, and the rebuild reads the canonical returns instead. Parts that hold the sen2
/// register or the DfE tables are not kept here (<see cref="CanKeep"/>); those are one return each.
/// </remarks>
public static class PicturePartCodec
{
    private const int FormatVersion = 1;

    /// <summary>
    /// The build of the code that reads returns into parts: a part read by an earlier build may differ, so it is
    /// not reused. Deterministic builds of the same source give the same id.
    /// </summary>
    public static readonly Guid CodeVersion = typeof(LaPicture).Assembly.ManifestModule.ModuleVersionId;

    /// <summary>True when the part holds only rows this file keeps (no register, no DfE tables, no uploads).</summary>
    public static bool CanKeep(LaPicture part) =>
        part.Register is null && part.DfeTables is null && part.Uploads.Count == 0;

    /// <summary>One part as the file holds it: its own string table, then every list's rows.</summary>
    public static byte[] Encode(LaPicture part)
    {
        using var encoded = new MemoryStream();
        using (var writer = new BinaryWriter(encoded, Encoding.UTF8, leaveOpen: true))
            new PartWriter(writer).Write(part);
        return encoded.ToArray();
    }

    /// <summary>
    /// Writes the parts (each <see cref="Encode"/>d, so a worker re-encodes only what changed) with the format, the
    /// code's build and a SHA-256 of everything before it at the end, streamed: nothing is held twice.
    /// </summary>
    public static void Write(Stream destination, IReadOnlyList<(string Key, ReadOnlyMemory<byte> Encoded)> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var counted = new MemoryStream();
        using (var header = new BinaryWriter(counted, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(FormatVersion);
            header.Write(CodeVersion.ToByteArray());
            header.Write(parts.Count);
        }
        Emit(counted.GetBuffer().AsSpan(0, (int)counted.Length));
        foreach (var (key, encoded) in parts)
        {
            counted.SetLength(0);
            using (var entry = new BinaryWriter(counted, Encoding.UTF8, leaveOpen: true))
            {
                entry.Write(key);
                entry.Write(encoded.Length);
            }
            Emit(counted.GetBuffer().AsSpan(0, (int)counted.Length));
            Emit(encoded.Span);
        }
        destination.Write(hash.GetHashAndReset());

        void Emit(ReadOnlySpan<byte> bytes)
        {
            hash.AppendData(bytes);
            destination.Write(bytes);
        }
    }

    /// <summary>
    /// The parts by key, each with its encoded bytes (a slice of the file read, to write again unchanged); empty when
    /// the file is from another build or format, cut short or damaged.
    /// </summary>
    public static Dictionary<string, (LaPicture Part, ReadOnlyMemory<byte> Encoded)> Read(Stream source)
    {
        var parts = new Dictionary<string, (LaPicture, ReadOnlyMemory<byte>)>(StringComparer.Ordinal);
        try
        {
            byte[] file;
            using (var copy = new MemoryStream())
            {
                source.CopyTo(copy);
                file = copy.Length == copy.GetBuffer().Length ? copy.GetBuffer() : copy.ToArray();
            }
            const int hashLength = 32;
            if (file.Length < hashLength + 24
                || !SHA256.HashData(file.AsSpan(0, file.Length - hashLength)).AsSpan()
                    .SequenceEqual(file.AsSpan(^hashLength)))
                return parts;
            using var reader = new BinaryReader(new MemoryStream(file, 0, file.Length - hashLength, writable: false));
            if (reader.ReadInt32() != FormatVersion || new Guid(reader.ReadBytes(16)) != CodeVersion) return parts;
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                var at = (int)reader.BaseStream.Position;
                var encoded = new ReadOnlyMemory<byte>(file, at, length);
                reader.BaseStream.Position = at + length;
                var bytes = new MemoryStream(file, at, length, writable: false);
                using var partReader = new BinaryReader(bytes, Encoding.UTF8);
                parts[key] = (new PartReader(partReader).Read(), encoded);
            }
            return parts;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException
            or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            return new Dictionary<string, (LaPicture, ReadOnlyMemory<byte>)>(StringComparer.Ordinal);
        }
    }

    /// <summary>Writes one part: its strings once each, then every list's rows as indexes and values.</summary>
    private sealed class PartWriter(BinaryWriter writer)
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
        private readonly BinaryWriter _rows = new(new MemoryStream(), Encoding.UTF8);

        public void Write(LaPicture part)
        {
            Rows(part.Lineage, l => { S(l.ReturnType); S(l.UploadId); S(l.UploadPath); S(l.ContentHash); });
            Rows(part.Census, c =>
            {
                S(c.LaEstab); D(c.CensusDate); S(c.Upn); _rows.Write(c.Provision); Src(c.Source);
                S(c.SenType1); S(c.NcYear); _rows.Write7BitEncodedInt(c.Age is { } age ? age + 1 : 0);
            });
            Rows(part.Placements, p =>
            {
                S(p.ProviderId); D(p.ReturnDate); S(p.Upn); S(p.Uln); S(p.Category); D(p.Start); D(p.End);
                _rows.Write(p.Ehcp); S(p.HomeLa); Src(p.Source); M(p.AnnualCost); S(p.FundingElement); S(p.PrimaryNeed);
                _rows.Write((byte)(p.Residential is { } r ? (r ? 2 : 1) : 0));
            });
            Rows(part.Establishments, e =>
            {
                S(e.Urn); S(e.LaEstab); S(e.Name); S(e.Type); S(e.Phase); _rows.Write(e.Pupils.HasValue);
                _rows.Write(e.Pupils ?? 0); S(e.Status); Src(e.Source); S(e.Ukprn);
            });
            Rows(part.Posts, p =>
            {
                S(p.ServiceCode); S(p.Quarter); S(p.PostId); S(p.Discipline); S(p.Role); _rows.Write(p.Fte);
                S(p.Status);
                _rows.Write(p.AnnualCost); S(p.FundingSource); D(p.TimeLimitedUntil); Src(p.Source);
            });
            Rows(part.Activities, a =>
            {
                S(a.ServiceCode); S(a.Quarter); S(a.LaEstab); S(a.Discipline); _rows.Write(a.Days); S(a.ActivityType);
                Src(a.Source);
            });
            Rows(part.EhcpHistory, h =>
            {
                S(h.TimePeriod); S(h.GeographicLevel); S(h.OldLaCode); S(h.AreaName); _rows.Write(h.Plans.HasValue);
                _rows.Write(h.Plans ?? 0); Src(h.Source);
            });
            Rows(part.FinanceLines, f =>
            {
                S(f.FinancialYear); S(f.S251Line); S(f.Basis); _rows.Write(f.Amount); Src(f.Source);
            });
            Rows(part.Assumptions, a => { S(a.Section); S(a.Key); S(a.Scenario); S(a.Value); Src(a.Source); });

            var ordered = new string[_strings.Count];
            foreach (var (text, index) in _strings) ordered[index] = text;
            writer.Write(ordered.Length);
            foreach (var text in ordered) writer.Write(text);
            _rows.Flush();
            var rows = (MemoryStream)_rows.BaseStream;
            writer.Write((int)rows.Length);
            writer.Write(rows.GetBuffer(), 0, (int)rows.Length);
        }

        private void Rows<T>(List<T> rows, Action<T> each)
        {
            _rows.Write(rows.Count);
            foreach (var row in rows) each(row);
        }

        /// <summary>A string as its index in the part's table plus one; 0 is null.</summary>
        private void S(string? text)
        {
            if (text is null)
            {
                _rows.Write7BitEncodedInt(0);
                return;
            }
            if (!_strings.TryGetValue(text, out var index)) _strings[text] = index = _strings.Count;
            _rows.Write7BitEncodedInt(index + 1);
        }

        /// <summary>A date as its day number plus one; 0 is null.</summary>
        private void D(DateOnly? date) => _rows.Write7BitEncodedInt(date is { } d ? d.DayNumber + 1 : 0);

        private void M(decimal? money)
        {
            _rows.Write(money.HasValue);
            if (money is { } m) _rows.Write(m);
        }

        private void Src(Source source)
        {
            S(source.UploadId); S(source.UploadPath); S(source.Submitter); _rows.Write7BitEncodedInt(source.Row);
        }
    }

    private sealed class PartReader(BinaryReader reader)
    {
        private string[] _strings = [];
        private BinaryReader _rows = null!;

        public LaPicture Read()
        {
            _strings = new string[reader.ReadInt32()];
            for (var i = 0; i < _strings.Length; i++) _strings[i] = reader.ReadString();
            _ = reader.ReadInt32(); // the rows' length: they follow here, in the same stream
            _rows = reader;
            var part = new LaPicture();
            Rows(part.Lineage, () => new LineageEntry(S()!, S()!, S()!, S()));
            Rows(part.Census, () => new CensusPupil(S()!, D()!.Value, S()!, _rows.ReadChar(), Src(), S(), S(),
                _rows.Read7BitEncodedInt() is var age and > 0 ? (byte)(age - 1) : null));
            Rows(part.Placements, () => new Placement(S()!, D()!.Value, S(), S(), S()!, D()!.Value, D(),
                _rows.ReadBoolean(), S()!, Src(), M(), S(), S(), YesNo()));
            Rows(part.Establishments, () => new Establishment(S()!, S()!, S()!, S(), S(), I(), S()!, Src(), S()));
            Rows(part.Posts, () => new WorkforcePost(S()!, S()!, S()!, S()!, S()!, _rows.ReadDecimal(), S()!,
                _rows.ReadDecimal(), S()!, D(), Src()));
            Rows(part.Activities, () => new Activity(S()!, S()!, S()!, S()!, _rows.ReadDecimal(), S()!, Src()));
            Rows(part.EhcpHistory, () => new EhcpCount(S()!, S()!, S(), S()!, L(), Src()));
            Rows(part.FinanceLines, () => new FinanceLine(S()!, S()!, S()!, _rows.ReadDecimal(), Src()));
            Rows(part.Assumptions, () => new AssumptionRow(S()!, S()!, S()!, S()!, Src()));
            return part;
        }

        private void Rows<T>(List<T> rows, Func<T> each)
        {
            var count = _rows.ReadInt32();
            rows.Capacity = count;
            for (var i = 0; i < count; i++) rows.Add(each());
        }

        private string? S() => _rows.Read7BitEncodedInt() is var index and > 0 ? _strings[index - 1] : null;

        private DateOnly? D() => _rows.Read7BitEncodedInt() is var day and > 0 ? DateOnly.FromDayNumber(day - 1) : null;

        private decimal? M() => _rows.ReadBoolean() ? _rows.ReadDecimal() : null;

        private bool? YesNo() => _rows.ReadByte() switch { 2 => true, 1 => false, _ => null };

        private int? I()
        {
            var has = _rows.ReadBoolean();
            var value = _rows.ReadInt32();
            return has ? value : null;
        }

        private long? L()
        {
            var has = _rows.ReadBoolean();
            var value = _rows.ReadInt64();
            return has ? value : null;
        }

        private Source Src() => new(S()!, S()!, S()!, _rows.Read7BitEncodedInt());
    }
}
