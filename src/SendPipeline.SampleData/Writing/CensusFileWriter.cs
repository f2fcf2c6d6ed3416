using System.Globalization;
using CsvHelper;
using SendPipeline.Core.Reference;
using SendPipeline.Core.Reports;
using SendPipeline.SampleData.Census;
using SendPipeline.SampleData.Pupils;

namespace SendPipeline.SampleData.Writing;

/// <summary>
/// One very large, valid school census file, for benchmarks: a million rows in well under a
/// second of writing. CsvHelper's writer takes each value as a span into its own UTF-8 buffer, so
/// there is no string per row.
/// </summary>
public static class CensusFileWriter
{
    public const int EstablishmentNumber = 2001;

    private const int FirstAllocatingSchool = 2000;
    private const int AllocatingSchools = 4000;
    private const int YearGroups = 14;
    private const int Serials = 1000;
    /// <summary>Distinct UPN bodies the writer can make: one per (allocating school, year group, serial).</summary>
    public const int MaxRows = AllocatingSchools * YearGroups * Serials;

    /// <summary>CRLF as Excel saves; every value is a code, a date or a UPN, so none is ever quoted.</summary>
    private static readonly CsvWriterOptions Options = new() { NewLine = "\r\n" };

    /// <summary>Coprime with <see cref="MaxRows"/> (2^9·5^6·7), so row → UPN is a bijection and no UPN repeats.</summary>
    private const long Stride = 48_271;

    /// <param name="censusDate">Defaults to the January 2026 census.</param>
    public static void WriteLarge(Stream output, int rows, int seed, string laCode = "855", DateOnly? censusDate = null)
    {
        var rng = new Random(seed);
        var offset = rng.NextInt64(MaxRows);
        WriteSchool(output, new LargeCensus(laCode, EstablishmentNumber, rows) { CensusDate = censusDate, Offset = offset }, rng);
    }

    /// <summary>
    /// One school's census in the same fast way, for the national bench: its LA and establishment
    /// number, its share of rows without SEN and with EHC plans, and where in the LA's run of
    /// distinct UPNs its pupils start (so schools of one LA never share a pupil by chance).
    /// </summary>
    /// <param name="onEhcp">Called with each EHC plan pupil's UPN and date of birth, for a placements return to name them.</param>
    /// <returns>The number of rows with SENProvision E.</returns>
    public static int WriteSchool(Stream output, LargeCensus school, Random rng, Action<string, DateOnly>? onEhcp = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(school.Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(school.FirstRow + (long)school.Rows, MaxRows);
        if (!LaCodes.Dfe.IsValid(school.LaCode)) throw new ArgumentException($"'{school.LaCode}' is not a DfE LA code.", nameof(school));

        var census = school.CensusDate ?? CensusDates.Spring(2026);
        var plan = new Plan(school.LaCode, school.EstablishmentNumber, census);
        var ehcpRows = 0;

        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteRecord([.. CensusColumns.Names]);
        Span<char> upn = stackalloc char[Upn.Length];
        school.LaCode.AsSpan().CopyTo(upn[1..]);
        for (var i = 0; i < school.Rows; i++)
        {
            // Spread the rows over allocating schools, year groups and serials by a fixed permutation.
            var x = ((school.FirstRow + i) * Stride + school.Offset) % MaxRows;
            var serial = (int)(x % Serials);
            var t = x / Serials;
            var year = (int)(t % YearGroups);
            var allocatedBy = FirstAllocatingSchool + (int)(t / YearGroups);

            Digits(upn.Slice(4, 4), allocatedBy);
            Digits(upn.Slice(8, 2), plan.AllocationYear[year]);
            Digits(upn.Slice(10, 3), serial);
            upn[0] = Upn.ExpectedCheckLetter(upn);

            csv.WriteField(plan.LaEstab);
            csv.WriteField(plan.CensusDate);
            csv.WriteField((ReadOnlySpan<char>)upn);
            var dob = DateOnly.FromDayNumber(plan.FirstBirthday[year] + rng.Next(plan.BirthWindowDays[year]));
            csv.WriteField(dob, default);
            csv.WriteField(rng.Next(100) < 66 ? "M" : "F");
            csv.WriteField(plan.YearCode[year]);

            var p = rng.Next(100);
            if (p < school.NoSenPercent)
            {
                csv.WriteFields("N", "", "", "N", "N", "N");
            }
            else
            {
                var ehcp = p < school.NoSenPercent + school.EhcpPercent;
                if (ehcp)
                {
                    ehcpRows++;
                    onEhcp?.Invoke(upn.ToString(), dob);
                }
                var needs = ehcp ? plan.EhcpNeeds : plan.SupportNeeds;
                var first = needs.Pick(rng);
                csv.WriteFields(ehcp ? "E" : "K", first);
                var second = first != "NSA" && rng.Next(4) == 0
                    ? needs.PickWhere(rng, n => n != "NSA" && n != first)
                    : "";
                csv.WriteField(second);
                // One pupil in twenty in the school's resourced provision; never in a unit as well.
                csv.WriteFields("N", rng.Next(20) == 0 ? "Y" : "N");
                csv.WriteField(rng.Next(100) < (ehcp ? 85 : 2) ? "Y" : "N");
            }
            csv.WriteField(plan.Entry[year], default);
            csv.EndRecord();
        }
        return ehcpRows;
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (char)('0' + value % 10);
    }

    /// <summary>Everything that depends only on the year group, worked out once.</summary>
    private sealed class Plan
    {
        public readonly string LaEstab;
        public readonly string CensusDate;
        public readonly int[] AllocationYear = new int[YearGroups];
        public readonly int[] FirstBirthday = new int[YearGroups];
        public readonly int[] BirthWindowDays = new int[YearGroups];
        public readonly string[] YearCode = new string[YearGroups];
        public readonly DateOnly[] Entry = new DateOnly[YearGroups];
        public readonly WeightedTable<string> EhcpNeeds;
        public readonly WeightedTable<string> SupportNeeds;

        public Plan(string laCode, int establishmentNumber, DateOnly census)
        {
            LaEstab = string.Create(CultureInfo.InvariantCulture, $"{laCode}{establishmentNumber:D4}");
            CensusDate = census.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var academicYear = CensusDates.AugustBefore(census).Year;
            for (var year = 0; year < YearGroups; year++)
            {
                // An all-through school: every pupil joined in Reception and got their UPN here or at a feeder.
                AllocationYear[year] = (academicYear - year) % 100;
                var (first, last) = CensusDates.BirthWindow(year, census);
                FirstBirthday[year] = first.DayNumber;
                BirthWindowDays[year] = last.DayNumber - first.DayNumber + 1;
                YearCode[year] = NcYear.Code(year);
                Entry[year] = CensusDates.SeptemberStart(academicYear - year);
            }
            EhcpNeeds = new WeightedTable<string>(NeedsMix.ForCensus(NeedsMix.EhcpLaWide, census));
            SupportNeeds = new WeightedTable<string>(NeedsMix.ForCensus(NeedsMix.SenSupport, census));
        }
    }
}
