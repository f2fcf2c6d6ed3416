using SendPipeline.SampleData.Establishments;
using SendPipeline.SampleData.Register;

namespace SendPipeline.SampleData.Services;

/// <summary>Days one service delivered in one setting for one activity type.</summary>
internal sealed record ActivityRow(string LaEstab, string Discipline, decimal Days, string ActivityType);

/// <summary>
/// Days delivered this quarter, per setting and discipline. Most open schools see at least one
/// service; about one in eight sees none, the gap the workforce report exists to show. Secondary
/// and special schools get more than primaries, in the spirit of the national ambition of 40 and
/// 160 expert days a year.
/// </summary>
internal static class ActivityPlanner
{
    public const double UnsupportedShare = 0.12;
    private static readonly string[] ActivityTypes = ["Consultation", "Assessment", "Training", "DirectWork"];

    public static Dictionary<string, List<ActivityRow>> Plan(EstablishmentRegister register, Random rng)
    {
        var byService = Service.All.ToDictionary(s => s.Code, _ => new List<ActivityRow>());
        var settings = register.Entries.Where(e => e.School is not null && e.Status.IsOpen).OrderBy(e => e.LaEstab, StringComparer.Ordinal).ToList();
        foreach (var setting in settings)
        {
            if (rng.NextDouble() < UnsupportedShare) continue;
            var kind = setting.School!.Kind;
            var chosen = Service.All.Where(s => rng.NextDouble() < Reach(s.Discipline, kind)).ToList();
            if (chosen.Count == 0) chosen.Add(Service.All[0]);
            foreach (var service in chosen)
            {
                var (low, high) = Days(service.Discipline, kind);
                var days = HalfDays(low + rng.NextDouble() * (high - low));
                foreach (var (type, share) in Split(days, rng))
                    byService[service.Code].Add(new ActivityRow(setting.LaEstab, service.Discipline, share, type));
            }
        }
        return byService;
    }

    private static double Reach(string discipline, SchoolKind kind) => (discipline, kind) switch
    {
        ("EP", _) => 0.8,
        ("ST", SchoolKind.Special) => 0.2,
        ("ST", _) => 0.65,
        ("SALT", SchoolKind.Primary or SchoolKind.Special) => 0.7,
        ("SALT", _) => 0.35,
        ("OT", SchoolKind.Special) => 0.8,
        ("OT", _) => 0.25,
        ("APO", SchoolKind.Secondary or SchoolKind.AlternativeProvision) => 0.8,
        ("APO", SchoolKind.Primary) => 0.1,
        _ => 0.05,
    };

    private static (double Low, double High) Days(string discipline, SchoolKind kind) => (discipline, kind) switch
    {
        ("SALT" or "OT", SchoolKind.Special) => (4, 20),
        ("APO", SchoolKind.Secondary or SchoolKind.AlternativeProvision) => (3, 15),
        (_, SchoolKind.Secondary or SchoolKind.Special) => (2, 10),
        ("OT", _) => (0.5, 3),
        _ => (1, 6),
    };

    /// <summary>The quarter's days for one setting and discipline shared over one to three kinds of work, in half days.</summary>
    private static List<(string Type, decimal Days)> Split(decimal days, Random rng)
    {
        var types = ActivityTypes.OrderBy(_ => rng.Next()).Take(days >= 2 ? rng.Next(1, 4) : 1).ToList();
        var parts = new List<(string, decimal)>();
        var left = days;
        for (var i = 0; i < types.Count; i++)
        {
            var part = i == types.Count - 1 ? left : Math.Max(0.5m, HalfDays((double)left * rng.NextDouble() * 0.7));
            if (part > left - 0.5m * (types.Count - 1 - i)) part = left - 0.5m * (types.Count - 1 - i);
            parts.Add((types[i], part));
            left -= part;
        }
        return parts;
    }

    private static decimal HalfDays(double days) => Math.Max(0.5m, Math.Round((decimal)days * 2, MidpointRounding.AwayFromZero) / 2);
}
