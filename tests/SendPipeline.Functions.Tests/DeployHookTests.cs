using SendPipeline.Functions.Triggers;

namespace SendPipeline.Functions.Tests;

/// <summary>
/// The azd postdeploy hooks subscribe Event Grid to the blob trigger's webhook by the function's name: a renamed
/// trigger would leave `azd up` subscribing a function that no longer exists, and uploads would sit unread.
/// </summary>
public class DeployHookTests
{
    public static TheoryData<string, string> Hooks() => new()
    {
        { "infra/hooks/subscribe-uploads.sh", $"trigger_function=\"{UploadBlobTrigger.Name}\"" },
        { "infra/hooks/subscribe-uploads.ps1", $"$triggerFunction = '{UploadBlobTrigger.Name}'" },
    };

    [Theory]
    [MemberData(nameof(Hooks))]
    public void PostdeployHook_SubscribesTheBlobTriggerByItsName(string hook, string line)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), hook));

        Assert.Contains(line, text);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SendPipeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SendPipeline.sln not found above the test binaries.");
    }
}
