using System.Globalization;
using SendPipeline.Core.Uploads;
using SendPipeline.SampleData.Tables;

namespace SendPipeline.SampleData.Placements;

/// <summary>A provider's return as the file it uploads, in the spec's column names and the provider's own way of writing values.</summary>
internal static class PlacementFile
{
    public const string ProviderId = "ProviderId";
    public const string ReturnDate = "ReturnDate";
    public const string Upn = "UPN";
    public const string Uln = "ULN";
    public const string Dob = "DOB";
    public const string Category = "PlacementCategory";
    public const string Start = "PlacementStart";
    public const string End = "PlacementEnd";
    public const string Residential = "Residential";
    public const string AnnualCost = "AnnualCost";
    public const string FundingElement = "FundingElement";
    public const string PrimaryNeed = "PrimaryNeed";
    public const string Ehcp = "EHCP";
    public const string HomeLa = "HomeLA";

    public static readonly IReadOnlyList<string> Columns =
        [ProviderId, ReturnDate, Upn, Uln, Dob, Category, Start, End, Residential, AnnualCost, FundingElement, PrimaryNeed, Ehcp, HomeLa];

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
