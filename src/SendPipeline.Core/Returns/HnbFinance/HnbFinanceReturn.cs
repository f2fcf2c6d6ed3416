using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.HnbFinance.HnbFinanceColumns;

namespace SendPipeline.Core.Returns.HnbFinance;

/// <summary>The <c>hnb-finance</c> return: High Needs Block lines, from the LA, per financial year (spec 2).</summary>
public static class HnbFinanceReturn
{
    public const string Name = "hnb-finance";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The LA's High Needs Block statement (S251 lines)",
        SentBy = [],
        Accepts = FileForms.Csv,
        Rules = HnbFinanceRules.All,
        Table = HnbFinanceSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (year, line, basis, amount) = (table.IndexOf(C.Year), table.IndexOf(C.Line), table.IndexOf(C.Basis), table.IndexOf(C.Amount));
        while (table.Read())
        {
            if (table.Decimal(amount) is not { } value) continue;
            picture.FinanceLines.Add(new FinanceLine(table.Text(year), table.Text(line), table.Text(basis), value, src()));
        }
    }
}
