using System.Globalization;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Tables;
using C = SendPipeline.Core.Returns.Placements.PlacementsColumns;

namespace SendPipeline.SampleData.Placements;

/// <summary>A provider's return as the file it uploads, in the spec's column names and the provider's own way of writing values.</summary>
internal static class PlacementFile
{
    public static readonly string ProviderId = C.ProviderId.Name;
    public static readonly string ReturnDate = C.ReturnDate.Name;
    public static readonly string Upn = C.UpnColumn.Name;
    public static readonly string Uln = C.UlnColumn.Name;
    public static readonly string Dob = C.Dob.Name;
    public static readonly string Category = C.Category.Name;
    public static readonly string Start = C.Start.Name;
    public static readonly string End = C.End.Name;
    public static readonly string Residential = C.Residential.Name;
    public static readonly string AnnualCost = C.AnnualCost.Name;
    public static readonly string FundingElement = C.FundingElement.Name;
    public static readonly string PrimaryNeed = C.PrimaryNeed.Name;
    public static readonly string Ehcp = C.Ehcp.Name;
    public static readonly string HomeLa = C.HomeLa.Name;

    public static readonly IReadOnlyList<string> Columns = [.. C.Table.Select(c => c.Name)];

    public static TableFile Build(ProviderReturn provider, DateOnly returnDate)
    {
        var style = provider.Style;
        var file = new TableFile(provider.Submitter, ReturnTypes.Placements, style.FileName, Columns, style.Encoding);
        foreach (var r in provider.Rows)
        {
            file.Add(
                provider.ProviderId, Date(returnDate, style), r.Upn ?? "", r.Uln ?? "", Date(r.Dob, style), r.Category,
                Date(r.Start, style), r.End is { } end ? Date(end, style) : "", Boolean(r.Residential, style),
                Money(r.AnnualCost, style), r.FundingElement, r.PrimaryNeed, Boolean(r.Ehcp, style with { BlankWhenFalse = false }), r.HomeLa);
        }
        return file;
    }

    public static string Date(DateOnly date, PlacementStyle style) =>
        style.UkDates && style.Encoding != TableEncoding.Xlsx ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : TableFile.Date(date);

    /// <remarks>EHCP is a required column, so a caller writing it turns blank-when-false off.</remarks>
    public static string Boolean(bool value, PlacementStyle style) => (value, style.YesNo) switch
    {
        (false, _) when style.BlankWhenFalse => "",
        (true, true) => "Yes",
        (false, true) => "No",
        (true, false) => "Y",
        _ => "N",
    };

    public static string Money(decimal amount, PlacementStyle style) =>
        style.PoundsWithSeparators && style.Encoding != TableEncoding.Xlsx
            ? "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture)
            : TableFile.Money(amount);
}
