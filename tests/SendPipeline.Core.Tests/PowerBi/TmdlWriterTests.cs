using System.Text.RegularExpressions;
using SendPipeline.Core.PowerBi;

namespace SendPipeline.Core.Tests.PowerBi;

/// <summary>
/// The Power BI project's semantic model (docs/powerbi/SendPipeline.SemanticModel) against the star schema:
/// every table, column and relationship of the schema is in the checked-in TMDL with its type, nothing else is,
/// and the files are what `sendpipeline powerbi-queries` generates now, so the model cannot drift.
/// </summary>
public sealed partial class TmdlWriterTests
{
    private static readonly string Definition =
        Repo.File(Path.Combine("docs", "powerbi", "SendPipeline.SemanticModel", "definition"));

    [Fact]
    public void CheckedInModel_HasEveryTableColumnAndRelationshipOfTheSchemaAndNoOther()
    {
        var schema = StarSchemaShape.All();
        var tables = Directory.GetFiles(Path.Combine(Definition, "tables"), "*.tmdl")
            .Where(f => Path.GetFileName(f) != "Measures.tmdl")
            .ToDictionary(f => TableName().Match(File.ReadAllText(f)).Groups[1].Value, File.ReadAllText);

        Assert.Equal(schema.Tables.Select(t => t.Name).Order(StringComparer.Ordinal),
            tables.Keys.Order(StringComparer.Ordinal));
        foreach (var table in schema.Tables)
        {
            var columns = ColumnBlock().Matches(tables[table.Name])
                .Select(m => (Name: m.Groups[1].Value, Type: m.Groups[2].Value)).ToList();
            Assert.Equal(table.Columns.Select(c => (c.Name, TmdlWriter.DataType(c.Type))), columns);
            Assert.Contains("mode: import", tables[table.Name]);
            Assert.Contains($"\\powerbi\\{table.Name}\\{table.Name}.parquet", tables[table.Name]);
        }
        var relationshipsFile = File.ReadAllText(Path.Combine(Definition, "relationships.tmdl"));
        var relationships = RelationshipBlock().Matches(relationshipsFile)
            .Select(m => $"{m.Groups[1].Value} -> {m.Groups[2].Value}").ToList();
        Assert.Equal(
            schema.Relationships.Select(r => $"{r.Fact}.{r.Column} -> {r.Dimension}.{schema[r.Dimension].Key}"),
            relationships);
    }

    [Fact]
    public void CheckedInModel_IsWhatTheCommandGeneratesNow()
    {
        foreach (var file in TmdlWriter.Files(StarSchemaShape.All()))
        {
            var path = Path.Combine(Definition, file.Path);
            const string regenerate = "run `dotnet run --project src/SendPipeline.Cli -- powerbi-queries`";
            Assert.True(File.Exists(path), $"{file.Path} is missing: {regenerate}.");
            Assert.True(File.ReadAllText(path) == file.Text, $"{file.Path} is out of date: {regenerate}.");
        }
    }

    [Fact]
    public void Model_AmountsThatMustNotBeSummedAreHiddenAndYearsSortByTheirKey()
    {
        var hnb = TmdlWriter.Table(StarSchemaShape.All()["fact_hnb_spend"]);
        var amount = hnb[hnb.IndexOf("column Amount", StringComparison.Ordinal)..];
        Assert.Matches(
            @"^column Amount\n\t\tdataType: double\n\t\tformatString: #,0.00\n\t\tisHidden\n\t\tsummarizeBy: none\n",
            amount);
        var schema = StarSchemaShape.All();
        Assert.Contains("sortByColumn: FinancialYearKey", TmdlWriter.Table(schema["dim_financial_year"]));
        Assert.Contains("sortByColumn: FinancialQuarterKey", TmdlWriter.Table(schema["dim_financial_quarter"]));
        var measures = File.ReadAllText(Path.Combine(Definition, "tables", "Measures.tmdl"));
        Assert.Contains("measure 'HNB spend' =", measures);
        Assert.Contains("TREATAS(VALUES(dim_date[FinancialYear])", measures);
    }

    [GeneratedRegex(@"^table (\S+)$", RegexOptions.Multiline)]
    private static partial Regex TableName();

    [GeneratedRegex(@"^\tcolumn (\S+)\n\t\tdataType: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex ColumnBlock();

    [GeneratedRegex(@"^\tfromColumn: (\S+)\n\ttoColumn: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex RelationshipBlock();
}
