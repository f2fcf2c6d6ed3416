using System.Collections;
using System.Reflection;
using SendPipeline.Core.Picture;

namespace SendPipeline.Core.Tests.Picture;

/// <summary>
/// A rebuild keeps each return's part of the picture and recombines them (<see cref="LaPicture.Include"/>), so the
/// parts included in order must give the picture that reading the returns one after another gives: every list,
/// in the same order, holding the same records, and the same DfE tables chosen.
/// </summary>
public sealed class LaPictureIncludeTests
{
    private static readonly AssumptionRow Assumption =
        new("meta", "version", "all", "v1", new Source("u9", "p", "la", 2));
    private static readonly UploadStatusRow Upload =
        new("8552001", "school-census", "p", "u1", "accepted", "2026-01", DateTimeOffset.UnixEpoch, 0, 0, true);

    private static PictureBuilder Builder() => new() { Finance = ["2024-25,1.2.1,Actual,1000000,,2"] };

    [Fact]
    public void PartsIncludedInOrder_GiveThePictureOfTheReturnsAddedInOrder_EveryListOfIt()
    {
        var whole = Builder().Build();
        whole.Assumptions.Add(Assumption);
        whole.Uploads.Add(Upload);
        var parts = Builder().BuildParts();
        parts[^1].Assumptions.Add(Assumption);
        parts[0].Uploads.Add(Upload);

        var combined = new LaPicture();
        foreach (var part in parts) combined.Include(part);

        var lists = typeof(LaPicture).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(IList).IsAssignableFrom(p.PropertyType)).ToList();
        Assert.True(lists.Count >= 10, $"only {lists.Count} lists found on the picture");
        foreach (var list in lists)
        {
            var expected = ((IList)list.GetValue(whole)!).Cast<object>().ToList();
            // Every list must have rows here, so a list added to the picture later is covered or this fails.
            Assert.True(expected.Count > 0, $"LaPicture.{list.Name} is empty in the sample: give it a row");
            Assert.Equal(expected, ((IList)list.GetValue(combined)!).Cast<object>().ToList());
        }
        Assert.Equal(whole.DfeTables is null, combined.DfeTables is null);
        Assert.Equal(whole.EhcpHistory, combined.EhcpHistory);
    }

    [Fact]
    public void TwoRegisterExtracts_TheLaterReferenceDateIsKept_WhicheverPartComesFirst()
    {
        var earlier = new LaPicture();
        earlier.AddRegister(new Core.Register.Sen2Register(new DateOnly(2026, 1, 31), "855", []),
            "uploads/la/sen2/z.zip");
        var later = new LaPicture();
        later.AddRegister(new Core.Register.Sen2Register(new DateOnly(2026, 2, 28), "855", []),
            "uploads/la/sen2/a.zip");

        var forward = new LaPicture();
        forward.Include(earlier);
        forward.Include(later);
        var backward = new LaPicture();
        backward.Include(later);
        backward.Include(earlier);

        Assert.Same(later.Register, forward.Register);
        Assert.Same(later.Register, backward.Register);
        Assert.Equal("uploads/la/sen2/a.zip", backward.RegisterPath);
    }
}
