using System.Security.Cryptography;
using System.Text;

namespace SendPipeline.SampleData.Tests;

[Collection(GeneratedLaCollection.Name)]
public sealed class DeterminismTests(GeneratedLa la)
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        var again = TempFolder.Create();
        try
        {
            SampleLaGenerator.Generate(GeneratedLa.Options, again);
            Assert.Equal(TreeHash(la.Root), TreeHash(again));
        }
        finally
        {
            TempFolder.Delete(again);
        }
    }

    [Fact]
    public void The_tree_holds_every_return_type_it_hashes()
    {
        var types = Directory.EnumerateFiles(Path.Combine(la.Root, "uploads"), "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(la.Root, p).Split(Path.DirectorySeparatorChar)[2]).ToHashSet();
        Assert.Superset(new HashSet<string> { "school-census", "establishments", "placements", "workforce", "eah-activity", "hnb-finance" }, types);
    }

    [Fact]
    public void Another_seed_gives_another_la()
    {
        var (first, second) = (TempFolder.Create(), TempFolder.Create());
        try
        {
            SampleLaGenerator.Generate(SmallLa.Options, first);
            SampleLaGenerator.Generate(SmallLa.Options with { Seed = 2 }, second);
            Assert.NotEqual(TreeHash(first), TreeHash(second));
        }
        finally
        {
            TempFolder.Delete(first);
            TempFolder.Delete(second);
        }
    }

    [Fact]
    public void A_folder_that_already_has_uploads_is_refused()
    {
        var root = TempFolder.Create();
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "uploads", "8552001"));
            Assert.Throws<IOException>(() => SampleLaGenerator.Generate(SmallLa.Options, root));
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static string TreeHash(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                     .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, path)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
