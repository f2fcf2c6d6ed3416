using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.EahActivity.EahActivityColumns;

namespace SendPipeline.Core.Returns.EahActivity;

/// <summary>The <c>eah-activity</c> return: Experts at Hand days delivered, per setting, each quarter (spec 2).</summary>
public static class EahActivityReturn
{
    public const string Name = "eah-activity";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The services' Experts at Hand activity returns",
        SentBy = [SubmitterKind.Service],
        Accepts = FileForms.Csv | FileForms.Xlsx,
        Rules = EahActivityRules.All,
        Table = EahActivitySchema.Instance,
        ReadBack = PictureReaders.Table(Read),
        // Spec 2: a setting "should be a known open establishment" of the register in force.
        ReadsRegister = true,
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (service, quarter, laEstab, discipline, days, type) = (table.IndexOf(C.ServiceCode), table.IndexOf(C.Quarter), table.IndexOf(C.LaEstab),
            table.IndexOf(C.Discipline), table.IndexOf(C.DaysDelivered), table.IndexOf(C.ActivityType));
        while (table.Read())
            picture.Activities.Add(new Activity(table.Text(service), table.Text(quarter), table.Text(laEstab), table.Text(discipline),
                table.Decimal(days) ?? 0, table.Text(type), src()));
    }
}
