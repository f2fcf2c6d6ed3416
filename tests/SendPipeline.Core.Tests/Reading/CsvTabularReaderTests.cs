using System.Text;
using SendPipeline.Core.Reading;

namespace SendPipeline.Core.Tests.Reading;

public class CsvTabularReaderTests
{
    private static List<(int Row, string[] Fields)> ReadAll(string csv, int bufferSize = 64 * 1024)
    {
        using var reader = new CsvTabularReader(new StringReader(csv), bufferSize: bufferSize);
        var rows = new List<(int, string[])> { (1, reader.Header.ToArray()) };
        while (reader.Read())
            rows.Add((reader.RowNumber, Enumerable.Range(0, reader.FieldCount).Select(i => reader[i].ToString()).ToArray()));
        return rows;
    }

    [Theory]
    [InlineData("a,b\nx,y\n")]
    [InlineData("a,b\r\nx,y\r\n")]
    [InlineData("a,b\rx,y\r")]
    [InlineData("a,b\nx,y")]
    public void Read_AnyLineEnding_GivesTheSameRows(string csv)
    {
        var rows = ReadAll(csv);

        Assert.Equal(["1:a|b", "2:x|y"], rows.Select(r => $"{r.Row}:{string.Join('|', r.Fields)}"));
    }

    [Fact]
    public void Read_QuotedValues_UnescapeAndKeepCommasAndNewlines()
    {
        var rows = ReadAll("a,b,c\n\"1,2\",\"say \"\"hi\"\"\",\"line1\nline2\"\nnext,row,3\n");

        Assert.Equal(new[] { "1,2", "say \"hi\"", "line1\nline2" }, rows[1].Fields);
        // A value spanning two lines is still one spreadsheet row.
        Assert.Equal(3, rows[2].Row);
        Assert.Equal(new[] { "next", "row", "3" }, rows[2].Fields);
    }

    /// <summary>
    /// Rows of every kind side by side (plain ASCII, quoted with and without "" or a line break, long, blank, accented),
    /// so the one-step decoding of an ASCII record and the value-by-value decoding of the rest agree with what was written.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Read_RandomMixOfRows_GivesBackEveryValueAsWritten(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["a", "8552001", "", " x ", "2026-01-15", "caf\u00e9", "\u00a3", ",", "\"", "\n", "\"\"", "\r\n", "quote\"d"];
        var written = new List<string[]>();
        for (var row = 0; row < 300; row++)
        {
            written.Add(Enumerable.Range(0, 1 + random.Next(14)).Select(_ => string.Concat(
                Enumerable.Range(0, random.Next(random.Next(20) == 0 ? 40 : 4)).Select(_ => pieces[random.Next(pieces.Length)])))
                .ToArray());
        }
        static string Quote(string v) => v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
        var csv = "h\n" + string.Concat(written.Select(r => string.Join(',', r.Select(Quote)) + "\n"));

        var read = ReadAll(csv, bufferSize: 256).Skip(1).Select(r => r.Fields).ToList();

        // A row of one empty value is a blank line, which reads as one empty value too.
        Assert.Equal(written.Select(r => r.Length == 1 && r[0] == "" ? [""] : r), read);
    }

    [Fact]
    public void Read_TinyBuffer_StillParsesRecordsThatSpanRefills()
    {
        var csv = "h1,h2\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"\"v{i},\"\"q\"\"\",plain{i}\r\n"));

        var rows = ReadAll(csv, bufferSize: 16);

        Assert.Equal(201, rows.Count);
        Assert.Equal(new[] { "v199,\"q\"", "plain199" }, rows[^1].Fields);
    }

    [Fact]
    public void Read_StrayQuoteInsideAValue_IsKeptAsText()
    {
        var rows = ReadAll("a,b\nO\"Neil,2\n\"x\"y,3\n");

        Assert.Equal(new[] { "O\"Neil", "2" }, rows[1].Fields);
        Assert.Equal(new[] { "xy", "3" }, rows[2].Fields);
    }

    [Fact]
    public void Read_EmptyFieldsAndTrailingComma_AreEmptyValues()
    {
        var rows = ReadAll("a,b,c\n,,\n1,,\n");

        Assert.Equal(new[] { "", "", "" }, rows[1].Fields);
        Assert.Equal(new[] { "1", "", "" }, rows[2].Fields);
    }

    [Fact]
    public void Read_QuoteNeverClosed_ThrowsNamingTheRowItOpenedOn()
    {
        var error = Assert.Throws<TabularFormatException>(() => ReadAll("a,b\n1,2\n3,\"oops\n4,5\n"));

        Assert.Equal(TabularProblem.UnclosedQuote, error.Problem);
        Assert.Equal(3, error.Row);
    }

    [Theory]
    [InlineData("a,b\n1,\"x\"y,\"open\n2,3\n")]
    [InlineData("a,b\n1,x\"y,\"open\n2,3\n")]
    public void Read_QuoteNeverClosed_AfterAnotherQuotingSlipInTheRow_IsStillNamed(string csv)
    {
        var error = Assert.Throws<TabularFormatException>(() => ReadAll(csv));

        Assert.Equal(TabularProblem.UnclosedQuote, error.Problem);
        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void Read_QuoteInTheTextAfterAClosingQuote_IsTextOfTheSameValue()
    {
        var rows = ReadAll("a,b\n\"ab\"c\"d,2\n");

        Assert.Equal(new[] { "abc\"d", "2" }, rows[1].Fields);
    }

    [Fact]
    public void Read_TooManyColumns_ThrowsRatherThanGrowingWithoutBound()
    {
        var error = Assert.Throws<TabularFormatException>(() => ReadAll(new string(',', Limits.MaxColumns + 5) + "\n"));

        Assert.Equal(TabularProblem.TooManyColumns, error.Problem);
    }

    [Fact]
    public void Read_BlankLine_IsARowOfItsOwn_SoLaterRowsKeepTheirSpreadsheetNumbers()
    {
        var rows = ReadAll("a,b\nx,y\n\nz,w\n");

        Assert.Equal(["1:a|b", "2:x|y", "3:", "4:z|w"], rows.Select(r => $"{r.Row}:{string.Join('|', r.Fields)}"));
    }

    [Theory]
    [InlineData("a;b\n1;2\n", "a;b")]
    [InlineData("a\tb\n1\t2\n", "a\tb")]
    [InlineData("sep=;\na;b\n", "sep=;")]
    public void Read_OtherSeparators_AreNeverGuessed_SoTheFileRuleCanSayWhy(string csv, string header)
    {
        var rows = ReadAll(csv);

        Assert.Equal([header], rows[0].Fields);
    }

    [Fact]
    public void Read_RowOverTheLimit_ThrowsNamingItsRow()
    {
        var csv = "a\n1\n" + new string('x', Limits.MaxRowChars + 10) + "\n2\n";

        var error = Assert.Throws<TabularFormatException>(() => ReadAll(csv));

        Assert.Equal(TabularProblem.RowTooLong, error.Problem);
        Assert.Equal(3, error.Row);
    }

    [Fact]
    public void Read_RowWithinTheLimitInCharacters_IsReadThoughItsUtf8IsLonger()
    {
        // 1,000,000 characters, 2,000,000 bytes of UTF-8: the limit counts what the uploader sees.
        var value = new string('\u00e9', Limits.MaxRowChars - 48_576);

        var rows = ReadAll("a,b\n" + value + ",1\n");

        Assert.Equal(value.Length, rows[1].Fields[0].Length);
        Assert.Equal("1", rows[1].Fields[1]);
    }

    [Fact]
    public void Read_QuoteLeftOpenPastTheLimit_IsARowTooLong()
    {
        var csv = "a,b\n\"" + string.Concat(Enumerable.Repeat("x,y\n", Limits.MaxRowChars / 4 + 10));

        var error = Assert.Throws<TabularFormatException>(() => ReadAll(csv));

        Assert.Equal(TabularProblem.RowTooLong, error.Problem);
        Assert.Equal(2, error.Row);
    }
}

public class DetectingTextReaderTests
{
    private static (string Text, string Encoding) Decode(byte[] bytes, int bufferSize = 64 * 1024)
    {
        using var reader = new DetectingTextReader(new MemoryStream(bytes), bufferSize);
        var text = reader.ReadToEnd();
        return (text, reader.EncodingName);
    }

    [Fact]
    public void Decode_Utf8WithBom_StripsTheBom()
    {
        var (text, encoding) = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("£5 Zoë")]);

        Assert.Equal(("£5 Zoë", "UTF-8 with BOM"), (text, encoding));
    }

    [Fact]
    public void Decode_Utf8WithoutBom_IsDetected()
    {
        Assert.Equal(("£5 Zoë", "UTF-8"), Decode(Encoding.UTF8.GetBytes("£5 Zoë")));
    }

    [Fact]
    public void Decode_Windows1252_IsDetectedWithoutMojibake()
    {
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Cost £1,234 for Zoë and Chloé – “quoted”");

        Assert.Equal(("Cost £1,234 for Zoë and Chloé – “quoted”", "Windows-1252"), Decode(bytes));
    }

    [Fact]
    public void Decode_NonAsciiOnlyFarIntoALargeFile_IsStillDecidedCorrectly()
    {
        var ascii = new string('a', 300_000);
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(ascii + "£");

        var (text, encoding) = Decode(bytes, bufferSize: 4096);

        Assert.Equal("Windows-1252", encoding);
        Assert.EndsWith("a£", text);
        Assert.Equal(300_001, text.Length);
    }

    [Fact]
    public void Decode_MultiByteSequenceSplitAcrossBuffers_IsDecoded()
    {
        var text = string.Concat(Enumerable.Repeat("ab£€", 5000));

        Assert.Equal((text, "UTF-8"), Decode(Encoding.UTF8.GetBytes(text), bufferSize: 7));
    }

    [Fact]
    public void Decode_Utf8ThatLaterBreaks_IsAnErrorNotMojibake()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("£ ok\n"), 0xA3, (byte)'\n'];

        var error = Assert.Throws<TabularFormatException>(() => Decode(bytes));

        Assert.Equal(TabularProblem.BrokenEncoding, error.Problem);
    }
}
