using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.SchoolCensus.SchoolCensusColumns;

namespace SendPipeline.Core.Returns.SchoolCensus;

/// <summary>The <c>school-census</c> return: pupils with SEN, from each school, each census (spec 2).</summary>
public static class SchoolCensusReturn
{
    public const string Name = "school-census";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The schools' census returns",
        SentBy = [SubmitterKind.School],
        Accepts = FileForms.Csv | FileForms.Xlsx,
        Rules = SchoolCensusRules.All,
        Table = SchoolCensusSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (laEstab, censusDate, upn, provision) = (table.IndexOf(C.LaEstab), table.IndexOf(C.CensusDate), table.IndexOf(C.UpnColumn),
            table.IndexOf(C.Provision));
        var (need, year, dob) = (table.IndexOf(C.SenType1), table.IndexOf(C.NcYear), table.IndexOf(C.Dob));
        while (table.Read())
        {
            if (table.Date(censusDate) is not { } census || table[upn].IsEmpty) continue;
            // The need and year group are shared reference strings, not one per row; of the DOB only the age is kept.
            picture.Census.Add(new CensusPupil(table.Text(laEstab), census, table[upn].ToString(), FirstChar(table[provision]), src(),
                SenTypes.Canonical(table[need]), NcYears.TryParse(table[year], out var nc) ? NcYears.Format(nc) : null,
                LaPicture.AgeOn(table.Date(dob), census)));
        }
    }

    private static char FirstChar(ReadOnlySpan<char> s) => s.IsEmpty ? ' ' : s[0];
}
