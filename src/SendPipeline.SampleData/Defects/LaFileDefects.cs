using SendPipeline.Core.Reference;
using SendPipeline.SampleData.Register;
using SendPipeline.SampleData.Tables;
using K = SendPipeline.SampleData.Defects.DefectKinds;

namespace SendPipeline.SampleData.Defects;

/// <summary>
/// Defects in the LA's own returns. Each goes in a file of its own (a hand-edited register extract,
/// last-but-one year's finance), because the register and the current finance years must stay
/// accepted for everything built on them; a rejected upload leaves the accepted one in force.
/// </summary>
internal sealed class LaFileDefects(Random rng) : TableDefectPlanter(rng)
{
    public void PlantRegister(TableFile file)
    {
        Spoil(file, RegisterFile.Urn, "12345", K.BadUrn);
        if (PickRow(file, _ => true) is { } first && PickRow(file, i => i > first) is { } second)
        {
            file.Set(second, RegisterFile.Urn, file.Get(first, RegisterFile.Urn));
            Record(file, second, RegisterFile.Urn, K.DuplicateUrn);
        }
        var badLa = new[] { "999", "100", "700", "000" }.First(c => !LaCodes.Dfe.IsValid(c));
        Spoil(file, RegisterFile.LaCode, badLa, K.InvalidLaCode);
        // The letter O typed for a zero.
        Spoil(file, RegisterFile.EstablishmentNumber, "2O14", K.BadEstablishmentNumber);
        Spoil(file, RegisterFile.NumberOfPupils, "c. 200", K.BadNumberOfPupils);
        Spoil(file, RegisterFile.StatusName, "Opened", K.InvalidEstablishmentStatus);
    }

    public void PlantFinanceErrors(TableFile file)
    {
        var year = file.Get(0, "FinancialYear");
        // The same line entered twice, the second time with a revised figure; planted first, so no other defect takes the row it repeats.
        if (PickRow(file, i => file.Get(i, "S251Line") == "1.2.1") is { } original)
        {
            var copy = (string[])file.Rows[original].Clone();
            copy[file.Column("Amount")] = TableFile.Money(decimal.Parse(copy[file.Column("Amount")], System.Globalization.CultureInfo.InvariantCulture) + 250_000m);
            file.Rows.Add(copy);
            Reserve(file, file.Rows.Count - 1);
            Record(file, file.Rows.Count - 1, "S251Line", K.DuplicateFinanceLine);
        }
        Spoil(file, "FinancialYear", year.Replace('-', '/'), K.BadFinancialYear, i => i > 0);
        // There is no 1.2.12 today (spec 4.6).
        Spoil(file, "S251Line", "1.2.12", K.UnknownS251Line, i => file.Get(i, "S251Line") != S251Lines.PlaceFunding);
        Spoil(file, "Basis", "Outturn", K.InvalidBasis);
        Spoil(file, "Amount", "-12000.00", K.NegativeAmount, i => file.Get(i, "S251Line") != S251Lines.PlaceFunding);
        Spoil(file, "Amount", "£1.2m", K.BadMoney);
    }

    public void PlantFinanceQuery(TableFile file) =>
        UnknownColumn(file, "Cost centre", i => $"HN{100 + i:D3}");
}
