using System.Globalization;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Returns;
using SendPipeline.Core.Uploads;

namespace SendPipeline.Core.Validation;

/// <summary>What to validate: the file's label (its upload path), its type, who sent it, for which LA.</summary>
public sealed record ValidationRequest(string File, string ReturnType, string? SubmitterId, string LaCode)
{
    /// <summary>The size, when the store knows it, so an oversized file is refused before it is read.</summary>
    public long? Length { get; init; }

    public int DetailLimit { get; init; } = IssueCollector.DefaultDetailLimit;

    /// <summary>The establishments register in force, when the caller has one (see <see cref="ValidationContext.Register"/>).</summary>
    public IReadOnlyDictionary<string, string>? Register { get; init; }
}

/// <summary>
/// Validates one upload end to end in a single streaming pass: permissions, file kind and encoding,
/// header, every row, whole-file checks. The result is the report; when accepted, the canonical
/// return has been written to the given writer. Any error rejects the whole return (spec 1).
/// </summary>
public static class ReturnValidator
{
    public static ValidationReport Validate(Stream content, ValidationRequest request, TextWriter? canonical = null) =>
        Validate(content, request, new CanonicalTarget(canonical, null));

    /// <summary>
    /// As <see cref="Validate(Stream, ValidationRequest, TextWriter?)"/>, writing the canonical return as bytes: UTF-8
    /// text for a table return, or whatever a whole-file return writes (a zip of module CSVs, say).
    /// </summary>
    public static ValidationReport ValidateInto(Stream content, ValidationRequest request, Stream canonical) =>
        Validate(content, request, new CanonicalTarget(null, canonical));

    /// <summary>Where the canonical return goes: the caller's text writer, or a byte stream (table returns write it as UTF-8).</summary>
    private sealed record CanonicalTarget(TextWriter? Text, Stream? Bytes)
    {
        public bool Wanted => Text is not null || Bytes is not null;

        /// <summary>A whole-file return writes bytes: a caller's stream writer gives its stream, anything else cannot take them.</summary>
        public Stream? OpenBytes()
        {
            if (Bytes is not null || Text is null) return Bytes;
            if (Text is not StreamWriter writer)
                throw new InvalidOperationException("A whole-file return writes its canonical form as bytes: pass a stream.");
            writer.Flush();
            return writer.BaseStream;
        }
    }

    /// <summary>Validates as <paramref name="definition"/> says, whatever the registry holds: how a test proves a kind of return fits.</summary>
    internal static ValidationReport ValidateAs(ReturnDefinition definition, Stream content, ValidationRequest request, Stream? canonical) =>
        Validate(content, request, new CanonicalTarget(null, canonical), definition);

    private static ValidationReport Validate(Stream content, ValidationRequest request, CanonicalTarget canonical, ReturnDefinition? definition = null)
    {
        var issues = new IssueCollector(request.DetailLimit);
        var outcome = Run(content, request, issues, canonical, definition ?? ReturnRegistry.Find(request.ReturnType));
        return new ValidationReport
        {
            File = request.File,
            ReturnType = request.ReturnType,
            Submitter = request.SubmitterId,
            Status = UploadStatus.Of(issues.Errors > 0),
            RowsRead = outcome.RowsRead,
            Errors = issues.Errors,
            Queries = issues.Queries,
            Subject = outcome.Subject,
            Period = outcome.Period,
            Format = outcome.Format,
            Encoding = outcome.Encoding,
            RuleCatalogueVersion = RuleCatalogue.Version,
            IssuesOmitted = issues.Omitted,
            CountsByRule = new SortedDictionary<string, int>(issues.CountsByRule.ToDictionary(), StringComparer.Ordinal),
            Issues = issues.Ordered(),
        };
    }

    private sealed record Outcome(int RowsRead = 0, string? Period = null, string? Format = null, string? Encoding = null, string? Subject = null);

    private static Outcome Run(Stream content, ValidationRequest request, IssueCollector issues, CanonicalTarget canonical, ReturnDefinition? definition)
    {
        using var _ = content;
        var type = request.ReturnType;
        if (definition is null)
        {
            issues.Add(FileRules.UnknownReturnType, null, null, type, ("returnType", type));
            return new Outcome();
        }
        if (request.SubmitterId is { } submitterId)
        {
            if (!Submitter.TryParse(submitterId, out var submitter))
            {
                issues.Add(FileRules.UnknownSubmitter, null, null, submitterId, ("submitter", submitterId));
                return new Outcome();
            }
            if (!submitter.MayUpload(definition))
            {
                issues.Add(FileRules.NotPermitted, null, null, type, ("submitter", submitterId), ("returnType", type), ("permitted", submitter.Permitted()));
                return new Outcome();
            }
        }
        if (request.Length > Limits.MaxFileBytes)
        {
            issues.Add(FileRules.TooLarge, null, null, null, ("size", Megabytes(request.Length.Value)));
            return new Outcome();
        }

        var prefix = new byte[FileSniffer.PrefixLength];
        var prefixLength = content.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var (kind, detail) = FileSniffer.Sniff(prefix.AsSpan(0, prefixLength));
        switch (kind)
        {
            case FileKind.Empty:
                issues.Add(FileRules.Empty, null, null, null);
                return new Outcome();
            case FileKind.Utf16:
                issues.Add(FileRules.UnsupportedEncoding, null, null, null, ("encoding", detail));
                return new Outcome(Format: "text", Encoding: "UTF-16");
            case FileKind.Binary:
                issues.Add(FileRules.NotText, null, null, null, ("detail", detail));
                return new Outcome();
            case FileKind.Xlsx when !definition.AcceptsForm(FileForms.Xlsx) && !definition.AcceptsForm(FileForms.Zip):
                issues.Add(FileRules.XlsxNotAccepted, null, null, null, ("returnType", type));
                return new Outcome(Format: "xlsx");
        }

        var bounded = new BoundedStream(prefix, prefixLength, content, Limits.MaxFileBytes);
        // ~60 bytes a row in a typical return; capped so a huge hostile file cannot reserve much.
        var expectedRows = (int)Math.Min((request.Length ?? 0) / 60, 2_000_000);
        var context = ValidationContext.For(request.LaCode, request.SubmitterId) with { ExpectedRows = expectedRows, Register = request.Register };
        if (definition.WholeFile is { } wholeFile)
            return ValidateWholeFile(wholeFile, bounded, kind, context, issues, canonical, Path.GetFileName(request.File));
        // Every return has a table or a whole-file validator (ReturnDefinition.Check holds that).
        var table = canonical.Bytes is { } bytes
            ? ValidateTable(definition.Table!, bounded, kind, context, issues, columns => new CanonicalCsvWriter(bytes, columns))
            : ValidateTable(definition.Table!, bounded, kind, context, issues, canonical.Text);
        return new Outcome(table.RowsRead, table.Period, table.Format, table.Encoding, table.Subject);
    }

    /// <summary>
    /// Validates one table (CSV or an XLSX's first sheet) against <paramref name="schema"/>: header, then every row,
    /// writing its canonical CSV to <paramref name="canonical"/> when given (flushed, not closed). A return made of
    /// several files runs each of its tables through this, so a table reads and reports the same wherever it comes.
    /// </summary>
    internal static TableOutcome ValidateTable(IReturnSchema schema, Stream content, FileKind kind, ValidationContext context,
        IssueCollector issues, TextWriter? canonical) =>
        ValidateTable(schema, content, kind, context, issues,
            canonical is null ? null : columns => new CanonicalCsvWriter(canonical, columns));

    /// <summary>As above, the canonical CSV going to the writer <paramref name="openCanonical"/> opens, if any.</summary>
    private static TableOutcome ValidateTable(IReturnSchema schema, Stream content, FileKind kind, ValidationContext context,
        IssueCollector issues, Func<IEnumerable<string>, CanonicalCsvWriter>? openCanonical)
    {
        var rowsRead = 0;
        IRowValidator? validator = null;
        ITabularReader? reader = null;
        var format = kind == FileKind.Xlsx ? "xlsx" : "csv";
        try
        {
            // XLSX is a zip, which needs seeking: spooled to a private scratch file, already bounded by the 100 MB limit.
            reader = kind == FileKind.Xlsx ? new XlsxTabularReader(PrivateTemp.Current.Spool(content, ".xlsx")!) : OpenCsv(content);
            // Only a byte order mark, blank lines or an empty first sheet: nothing was sent, so say that
            // rather than list every column as missing.
            if (reader.Header.All(string.IsNullOrWhiteSpace) && OnlyBlankRowsRemain(reader))
            {
                issues.Add(FileRules.Empty, null, null, null);
                return new TableOutcome(0, null, null, format, reader.Encoding);
            }
            var columns = HeaderMap.Match(reader.Header, schema.Columns, schema.IgnoredColumn);
            foreach (var name in columns.Duplicates) issues.Add(FileRules.DuplicateColumn, null, name, null, ("column", name));
            foreach (var name in columns.Missing) issues.Add(FileRules.MissingColumn, null, name, null, ("column", name));
            foreach (var (_, name) in columns.Unknown)
                issues.Add(FileRules.UnknownColumn, null, name, name, ("column", name), ("returnType", schema.ReturnType));
            if (columns.Missing.Count > 0 || columns.Duplicates.Count > 0)
                return new TableOutcome(0, null, null, format, reader.Encoding);

            using var writer = openCanonical?.Invoke(schema.CanonicalColumns);
            validator = schema.CreateValidator(context, columns, issues, writer);
            var headerCount = reader.Header.Count;
            var checkFieldCount = kind == FileKind.Text;
            while (reader.Read())
            {
                if (TabularRows.IsBlank(reader)) continue;
                rowsRead++;
                if (checkFieldCount && reader.FieldCount != headerCount && !TabularRows.OnlyBlankExtras(reader, headerCount))
                {
                    issues.Add(FileRules.WrongFieldCount, reader.RowNumber, null, null,
                        ("found", reader.FieldCount.ToString(CultureInfo.InvariantCulture)), ("expected", headerCount.ToString(CultureInfo.InvariantCulture)));
                    continue;
                }
                if (writer is not null) writer.SourceRow = reader.RowNumber;
                validator.Validate(reader);
            }
            validator.Complete();
            writer?.Flush();
        }
        catch (TabularFormatException e)
        {
            issues.Add(RuleFor(e.Problem), e.Row, null, null, ("detail", e.Message), ("size", "larger than 100 MB"));
        }
        finally
        {
            reader?.Dispose();
        }
        if (rowsRead == 0 && issues.Errors == 0) issues.Add(FileRules.NoDataRows, null, null, null);
        return new TableOutcome(rowsRead, validator?.Period, validator?.Subject, format, reader?.Encoding);
    }

    /// <summary>What validating one table found: data rows read, the period and subject its rows state, its form.</summary>
    internal sealed record TableOutcome(int RowsRead, string? Period, string? Subject, string Format, string? Encoding);

    /// <summary>A return that is not one table reads the whole upload itself; a broken file still gets the file rules' words.</summary>
    private static Outcome ValidateWholeFile(WholeFileValidator validate, Stream content, FileKind kind, ValidationContext context,
        IssueCollector issues, CanonicalTarget canonical, string fileName)
    {
        try
        {
            var outcome = validate(new WholeFileInput(content, kind, context, issues, canonical.OpenBytes()) { FileName = fileName });
            if (outcome.RowsRead == 0 && issues.Errors == 0) issues.Add(FileRules.NoDataRows, null, null, null);
            return new Outcome(outcome.RowsRead, outcome.Period, outcome.Format, outcome.Encoding, outcome.Subject);
        }
        catch (TabularFormatException e)
        {
            issues.Add(RuleFor(e.Problem), e.Row, null, null, ("detail", e.Message), ("size", "larger than 100 MB"));
            return new Outcome(Format: kind == FileKind.Xlsx ? "xlsx" : "csv");
        }
    }

    private static Rule RuleFor(TabularProblem problem) => problem switch
    {
        TabularProblem.UnclosedQuote => FileRules.UnclosedQuote,
        TabularProblem.BrokenEncoding => FileRules.BrokenEncoding,
        TabularProblem.UnreadableWorkbook => FileRules.UnreadableWorkbook,
        TabularProblem.TooLarge => FileRules.TooLarge,
        TabularProblem.WorkbookTooLarge => FileRules.WorkbookTooLarge,
        _ => FileRules.RowTooLong,
    };

    private static ITabularReader OpenCsv(Stream stream)
    {
        var text = new DetectingTextReader(stream);
        return new CsvTabularReader(text, () => text.EncodingName);
    }

    private static bool OnlyBlankRowsRemain(ITabularReader reader)
    {
        while (reader.Read())
            if (!TabularRows.IsBlank(reader)) return false;
        return true;
    }


    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
