using System.Text;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Returns;
using SendPipeline.Core.Returns.Establishments;
using SendPipeline.Core.Returns.SchoolCensus;
using SendPipeline.Core.Uploads;
using SendPipeline.Core.Validation;

namespace SendPipeline.Core.Tests.Returns;

/// <summary>
/// The registry answers what the separate switches used to: these pin those answers, so moving each
/// return's facts into its own folder changed no permission, no file form and no column.
/// </summary>
public class ReturnRegistryTests
{
    [Fact]
    public void Registry_ListsTheReturnsInSpecOrder_EachOnce()
    {
        Assert.Equal(
            ["school-census", "placements", "workforce", "eah-activity", "hnb-finance", "establishments", "ehcp-history", "sen2",
                "assumptions"],
            ReturnRegistry.Names);
        Assert.Equal(ReturnRegistry.Names, ReturnTypes.All);
    }

    [Theory]
    [InlineData("8552001", "school-census")]
    [InlineData("100123", "placements")]
    [InlineData("svc-ep", "workforce,eah-activity")]
    [InlineData("la", "school-census,placements,workforce,eah-activity,hnb-finance,establishments,ehcp-history,sen2,assumptions")]
    public void Submitter_MayUploadExactlyTheReturnsOfTheirKind(string id, string expected)
    {
        Assert.True(Submitter.TryParse(id, out var submitter));
        Assert.Equal(expected.Split(','), ReturnRegistry.Names.Where(submitter.MayUpload));
        Assert.False(submitter.MayUpload("no-such-return"));
    }

    [Theory]
    [InlineData("8552001", "school-census")]
    [InlineData("100123", "placements")]
    [InlineData("svc-ep", "workforce and eah-activity")]
    [InlineData("la", "every return type")]
    public void Submitter_PermittedNamesWhatTheyMaySend(string id, string expected)
    {
        Assert.True(Submitter.TryParse(id, out var submitter));
        Assert.Equal(expected, submitter.Permitted());
    }

    [Fact]
    public void Xlsx_IsAcceptedOnlyForTheReturnsFilledInByHand()
    {
        // Spec 1's four hand-filled returns, and sen2's pre-submission workbook (spec 2, sen2).
        Assert.Equal(["school-census", "placements", "workforce", "eah-activity", "sen2"], ReturnRegistry.Names.Where(ReturnTypes.AcceptsXlsx));
        // Every one-table return takes CSV; sen2 is several modules, so a zip of CSVs or a workbook, never one CSV;
        // ehcp-history is the DfE's caseload.csv, or a zip of it with the tables the DfE publishes beside it.
        Assert.All(ReturnRegistry.All.Where(d => d.Table is not null), d => Assert.True(d.AcceptsForm(FileForms.Csv)));
        Assert.Equal(["ehcp-history", "sen2"], ReturnRegistry.All.Where(d => d.AcceptsForm(FileForms.Zip)).Select(d => d.Name));
    }

    [Fact]
    public void EveryTableReturn_HasItsOwnColumnTable_WithPositionsFromTheTable()
    {
        foreach (var definition in ReturnRegistry.All.Where(d => d.WholeFile is null))
        {
            var table = Assert.IsAssignableFrom<IReturnSchema>(definition.Table);
            Assert.Equal(definition.Name, table.ReturnType);
            Assert.Equal(Enumerable.Range(0, table.Columns.Count), table.Columns.Select(c => c.Position));
            Assert.Equal(table.Columns.Count, table.Columns.Select(c => HeaderMap.Normalise(c.Name)).Distinct().Count());
        }
    }

    [Fact]
    public void CanonicalHeaders_AreTheSpecColumnsInOrder()
    {
        Assert.Equal(
            ["LAEstab", "CensusDate", "UPN", "DOB", "Sex", "NCYearActual", "SENProvision", "SENType1", "SENType2", "SENUnitIndicator",
             "ResourcedProvisionIndicator", "TopUpFunding", "EntryDate"],
            ((IReturnSchema)SchoolCensusSchema.Instance).CanonicalColumns);
        // The register's computed LAEstab follows GIAS's columns, at the position after the table's last.
        Assert.Equal("LAEstab", EstablishmentsSchema.Instance.CanonicalColumns.Last());
        Assert.Equal(EstablishmentsColumns.Table.Count, EstablishmentsColumns.LaEstab.Position);
    }

    [Fact]
    public void OnlyTheActivityReturn_ReadsTheRegisterBeforeValidating() =>
        Assert.Equal(["eah-activity"], ReturnRegistry.All.Where(d => d.ReadsRegister).Select(d => d.Name));

    [Fact]
    public void ColumnTable_RefusesAColumnDeclaredTwice()
    {
        var table = new ColumnTable();
        table.Required("LAEstab");
        Assert.Throws<InvalidOperationException>(() => { table.Optional("la_estab"); });
    }

    [Fact]
    public void CanonicalBytes_AreTheSameWrittenAsTextOrIntoAStream()
    {
        var csv = Encoding.UTF8.GetBytes(CensusFiles.Csv(CensusFiles.CleanRow(1), CensusFiles.CleanRow(2)));
        var request = new ValidationRequest("8552001/school-census/census.csv", "school-census", "8552001", "855");

        using var viaText = new MemoryStream();
        using (var writer = new StreamWriter(viaText, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            Assert.True(ReturnValidator.Validate(new MemoryStream(csv), request, writer).Accepted);
        using var viaStream = new MemoryStream();
        Assert.True(ReturnValidator.ValidateInto(new MemoryStream(csv), request, viaStream).Accepted);

        Assert.True(viaText.Length > 0);
        Assert.Equal(viaText.ToArray(), viaStream.ToArray());
    }
}
