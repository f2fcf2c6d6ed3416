using System.Security.Cryptography;
using System.Text;
using SendPipeline.Core.PowerBi;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>
/// The pupil-grain facts are ordered without a key string per row (issue 20): the order must be the one a stable
/// sort of the whole table by date, code, the key's text and what follows gives, as the writers before did.
/// </summary>
public sealed class PupilOrderTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private sealed record Row(int Id, DateOnly Date, string? Code, string? Upn, int Start);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Of_GivesTheOrderOfAStableSortByDateCodeKeyTextAndWhatFollows(int seed)
    {
        var random = new Random(seed);
        string?[] codes = [null, "8552001", "8552010", "855A", "10001234"];
        string?[] upns = [null, " ", .. Enumerable.Range(0, 30).Select(i => $"A85520012500{i % 10}" + (i / 10))];
        var rows = Enumerable.Range(0, 2_000).Select(i => new Row(i,
            new DateOnly(2025, 1, 16).AddDays(random.Next(3) * 120), codes[random.Next(codes.Length)],
            upns[random.Next(upns.Length)], random.Next(4))).ToList();
        string? Text(Row r) => string.IsNullOrWhiteSpace(r.Upn) ? null
            : Convert.ToHexStringLower(
                HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(r.Upn.Trim().ToUpperInvariant())));

        var expected = rows.OrderBy(r => r.Date).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ThenBy(Text, StringComparer.Ordinal).ThenBy(r => r.Start).Select(r => (r.Id, Text(r))).ToList();
        var actual = PupilOrder.Of(rows, r => r.Date, r => r.Code, (h, r) => h.Of(r.Upn, null),
                (x, y) => x.Start.CompareTo(y.Start), new PupilKeys(Secret))
            .Select(p => (p.Item.Id, p.Pupil?.ToString())).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Of_NoRows_IsEmpty() =>
        Assert.Empty(PupilOrder.Of(Array.Empty<Row>(), r => r.Date, r => r.Code, (h, r) => h.Of(r.Upn, null), null,
            new PupilKeys(Secret)));

    [Fact]
    public void PupilKey_IsTheHmacAsLowercaseHexAndOrdersAsItsText()
    {
        using var keys = new PupilKeys(Secret).Open();
        var upns = Enumerable.Range(0, 200).Select(i => $"H85520012{i:D4}").ToList();

        var texts = upns.Select(u => Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(u))));
        Assert.Equal(texts, upns.Select(u => keys.Of($" {u.ToLowerInvariant()} ").ToString()));
        Assert.Equal(upns.Select(u => keys.Of(u)).Order().Select(k => k.ToString()),
            upns.Select(u => keys.Of(u).ToString()).Order(StringComparer.Ordinal));
    }
}
