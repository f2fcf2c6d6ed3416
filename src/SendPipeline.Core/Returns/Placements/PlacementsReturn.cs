using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.Placements.PlacementsColumns;

namespace SendPipeline.Core.Returns.Placements;

/// <summary>The <c>placements</c> return: high-needs placements, from each provider, each quarter (spec 2).</summary>
public static class PlacementsReturn
{
    public const string Name = "placements";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The providers' high-needs placement returns",
        SentBy = [SubmitterKind.Provider],
        Accepts = FileForms.Csv | FileForms.Xlsx,
        Rules = PlacementsRules.All,
        Table = PlacementsSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (provider, returnDate, upn, uln, category) = (table.IndexOf(C.ProviderId), table.IndexOf(C.ReturnDate), table.IndexOf(C.UpnColumn),
            table.IndexOf(C.UlnColumn), table.IndexOf(C.Category));
        var (start, end, ehcp, homeLa) = (table.IndexOf(C.Start), table.IndexOf(C.End), table.IndexOf(C.Ehcp), table.IndexOf(C.HomeLa));
        var (cost, funding, need, residential) = (table.IndexOf(C.AnnualCost), table.IndexOf(C.FundingElement), table.IndexOf(C.PrimaryNeed),
            table.IndexOf(C.Residential));
        while (table.Read())
        {
            if (table.Date(returnDate) is not { } returned || table.Date(start) is not { } started) continue;
            // Residential is optional in the return: blank is "not said", kept apart from N.
            bool? isResidential = Values.TryParseBoolean(table[residential], out var r) ? r : null;
            picture.Placements.Add(new Placement(table.Text(provider), returned, table[upn].IsEmpty ? null : table[upn].ToString(),
                table[uln].IsEmpty ? null : table[uln].ToString(), table.Text(category), started, table.Date(end), table.Flag(ehcp),
                table.Text(homeLa), src(), table.Decimal(cost), table.OptionalText(funding), SenTypes.Canonical(table[need]), isResidential));
        }
    }
}
