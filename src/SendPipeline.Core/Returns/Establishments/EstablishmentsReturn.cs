using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.Establishments.EstablishmentsColumns;

namespace SendPipeline.Core.Returns.Establishments;

/// <summary>The <c>establishments</c> return: the register of settings, a GIAS extract (spec 2).</summary>
public static class EstablishmentsReturn
{
    public const string Name = "establishments";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The LA's establishments register (a GIAS extract)",
        SentBy = [],
        Accepts = FileForms.Csv,
        Rules = EstablishmentsRules.All,
        Table = EstablishmentsSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (laEstab, laCode, number, urn, name) = (table.IndexOf(C.LaEstab), table.IndexOf(C.LaCode), table.IndexOf(C.EstablishmentNumber),
            table.IndexOf(C.Urn), table.IndexOf(C.Name));
        var (type, phase, pupils, status) = (table.IndexOf(C.TypeOfEstablishment), table.IndexOf(C.PhaseOfEducation), table.IndexOf(C.Pupils),
            table.IndexOf(C.Status));
        var ukprn = table.IndexOf(C.Ukprn);
        while (table.Read())
        {
            var code = laEstab >= 0 ? table.Text(laEstab) : table.Text(laCode) + table.Text(number).PadLeft(4, '0');
            picture.Establishments.Add(new Establishment(table.Text(urn), code, table.Text(name), table.OptionalText(type), table.OptionalText(phase),
                int.TryParse(table[pupils], out var roll) ? roll : null, table.Text(status), src(), table.OptionalText(ukprn)));
        }
    }
}
