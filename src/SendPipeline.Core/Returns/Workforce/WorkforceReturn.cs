using SendPipeline.Core.Picture;
using SendPipeline.Core.Reading;
using SendPipeline.Core.Uploads;
using C = SendPipeline.Core.Returns.Workforce.WorkforceColumns;

namespace SendPipeline.Core.Returns.Workforce;

/// <summary>The <c>workforce</c> return: Experts at Hand posts, from each service, each quarter (spec 2).</summary>
public static class WorkforceReturn
{
    public const string Name = "workforce";

    public static readonly ReturnDefinition Definition = new()
    {
        Name = Name,
        Description = "The services' workforce returns",
        SentBy = [SubmitterKind.Service],
        Accepts = FileForms.Csv | FileForms.Xlsx,
        Rules = WorkforceRules.All,
        Table = WorkforceSchema.Instance,
        ReadBack = PictureReaders.Table(Read),
    };

    private static void Read(LaPicture picture, CanonicalTable table, Func<Source> src)
    {
        var (service, quarter, post, discipline, role, fte) = (table.IndexOf(C.ServiceCode), table.IndexOf(C.Quarter), table.IndexOf(C.PostId),
            table.IndexOf(C.Discipline), table.IndexOf(C.Role), table.IndexOf(C.Fte));
        var (status, cost, funding, until) = (table.IndexOf(C.Status), table.IndexOf(C.AnnualCost), table.IndexOf(C.FundingSource),
            table.IndexOf(C.TimeLimitedUntil));
        while (table.Read())
            picture.Posts.Add(new WorkforcePost(table.Text(service), table.Text(quarter), table.Text(post), table.Text(discipline), table.Text(role),
                table.Decimal(fte) ?? 0, table.Text(status), table.Decimal(cost) ?? 0, table.Text(funding), table.Date(until), src()));
    }
}
