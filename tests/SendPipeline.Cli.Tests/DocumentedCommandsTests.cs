using System.CommandLine;
using System.Text.RegularExpressions;
using SendPipeline.Core.Tests;

namespace SendPipeline.Cli.Tests;

/// <summary>
/// Issue 21: the docs match the code. Every <c>sendpipeline …</c> (or <c>dotnet run --project src/SendPipeline.Cli
/// -- …</c>) a README, guide or doc shows in code names a command, subcommand and options the CLI has, so renaming
/// a command or an option fails here until the docs say the new name; and the command reference lists every
/// command.
/// </summary>
public class DocumentedCommandsTests
{
    private static readonly RootCommand Cli = CommandTree.Build(TextWriter.Null);

    /// <summary>Every Markdown file of the repository a person reads: READMEs, docs/, the guides, infra/.</summary>
    public static TheoryData<string> Documents()
    {
        var root = Path.GetDirectoryName(Repo.File("SendPipeline.sln"))!;
        var data = new TheoryData<string>();
        var files = new[] { "README.md" }
            .Concat(new[] { "docs", "infra", "src" }.SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(root, folder), "*.md", SearchOption.AllDirectories)
                    .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))))
            .Where(path => !path.Contains("/bin/") && !path.Contains("/obj/"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryCommandTheDocumentShows_IsInTheCli(string document)
    {
        var problems = DocumentedCommands.Check(File.ReadAllText(Repo.File(document)), Cli);
        Assert.True(problems.Count == 0, $"{document} shows commands the CLI does not have:\n" +
            string.Join("\n", problems));
    }

    [Fact]
    public void TheReadmeAndGuides_ShowCommands_SoTheCheckAboveReadsThem()
    {
        var readme = DocumentedCommands.Find(File.ReadAllText(Repo.File("README.md")));
        Assert.Contains(readme, c => c.Words.FirstOrDefault() == "demo");
        var keys = DocumentedCommands.Find(File.ReadAllText(Repo.File("docs/guides/issuing-keys.md")));
        Assert.Contains(keys, c => c.Words.FirstOrDefault() == "submitter-key");
        var dfe = DocumentedCommands.Find(File.ReadAllText(Repo.File("docs/guides/quarterly-dfe-return.md")));
        Assert.Contains(dfe, c => c.Words.FirstOrDefault() == "signoff");
    }

    [Fact]
    public void TheCommandReference_ListsEveryCommandAndSubcommand()
    {
        var listed = DocumentedCommands.Find(File.ReadAllText(Repo.File("docs/cli.md")))
            .Select(c => c.Words[0] + (c.Words.Count > 1 ? " " + c.Words[1] : "")).ToList();
        foreach (var command in Cli.Subcommands.Where(c => !c.Hidden))
        {
            Assert.Contains(listed, l => l.Split(' ')[0] == command.Name);
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
                Assert.Contains(command.Name + " " + sub.Name, listed);
        }
    }

    [Fact]
    public void TheFlowPicture_IsTheSameInTheReadmeAndTheArchitecture()
    {
        static string Picture(string document)
        {
            var match = Regex.Match(File.ReadAllText(Repo.File(document)).Replace("\r\n", "\n"),
                "```mermaid\n(.*?)```", RegexOptions.Singleline);
            Assert.True(match.Success, $"{document} has no Mermaid picture");
            return match.Groups[1].Value;
        }
        Assert.Equal(Picture("README.md"), Picture("docs/architecture.md"));
    }

    [Fact]
    public void Check_ACommandTheCliDoesNotHave_IsReportedWithItsLine()
    {
        const string text = "# Try it\n\n```bash\nsendpipeline demo\nsendpipeline frobnicate --out x\n```\n";
        var problem = Assert.Single(DocumentedCommands.Check(text, Cli));
        Assert.Contains("line 5", problem);
        Assert.Contains("'frobnicate'", problem);
    }

    [Fact]
    public void Check_AnOptionTheCommandDoesNotHave_IsReported()
    {
        var problem = Assert.Single(DocumentedCommands.Check("Run `sendpipeline ingest --stor out/store`.", Cli));
        Assert.Contains("--stor", problem);
        Assert.Contains("ingest", problem);
    }

    [Fact]
    public void Check_ASubcommandTheCliDoesNotHave_IsReported()
    {
        var problem = Assert.Single(DocumentedCommands.Check(
            "```\ndotnet run --project src/SendPipeline.Cli -- bench rebuilt --runs 1\n```", Cli));
        Assert.Contains("'rebuilt'", problem);
    }

    [Fact]
    public void Check_ARenamedCommand_FailsUntilTheDocsFollow()
    {
        // The CLI as it would be with `demo` renamed `sample`.
        var renamed = CommandTree.Build(TextWriter.Null);
        renamed.Subcommands.Remove(renamed.Subcommands.Single(c => c.Name == "demo"));
        renamed.Subcommands.Add(new Command("sample") { Options = { new Option<string>("--out") } });

        const string text = "```bash\nsendpipeline demo --out out/demo\n```";
        Assert.Empty(DocumentedCommands.Check(text, Cli));
        Assert.Contains("'demo'", Assert.Single(DocumentedCommands.Check(text, renamed)));
        Assert.Empty(DocumentedCommands.Check(text.Replace("demo --", "sample --"), renamed));
    }

    [Fact]
    public void Check_TableAlternativesQuotedValuesAndContinuations_AreRead()
    {
        const string text = """
            | `sendpipeline ingest [--store DIR \| --connection CS]` | ingests |
            | `sendpipeline signer-key --role ROLE --name "FULL NAME" \| --revoke KEY-ID \| --list` | keys |

            ```bash
            sendpipeline submit --quarter "2025-26 Q3" \
              --no-deliver   # a comment --not-an-option
            export PATH="$PATH:$HOME/.dotnet/tools" && ./scripts/install-tool.sh && sendpipeline demo
            ```
            """;
        Assert.Empty(DocumentedCommands.Check(text, Cli));
        Assert.Equal(["ingest", "signer-key", "submit", "demo"],
            DocumentedCommands.Find(text).Select(c => c.Words[0]));
        var bad = DocumentedCommands.Check(text.Replace("--no-deliver", "--no-delivery"), Cli);
        Assert.Contains("--no-delivery", Assert.Single(bad));
    }

    [Fact]
    public void Check_ProsePlaceholdersAndHelp_AreNotProblems()
    {
        const string text = "The `sendpipeline` tool: `sendpipeline COMMAND --help` lists options, " +
            "`sendpipeline --help` the commands, and `dotnet run --project src/SendPipeline.Cli -- COMMAND` works " +
            "from a clone; `sendpipeline bench rebuild -h` too.\n\n```\nsrc/SendPipeline.Cli   the sendpipeline tool\n" +
            "started by the timer or `sendpipeline submit --quarter`\n```\n";
        Assert.Empty(DocumentedCommands.Check(text, Cli));
        var shown = DocumentedCommands.Find(text);
        Assert.DoesNotContain(shown, c => c.Words[0] == "tool");
        Assert.Contains(shown, c => c.Words[0] == "submit");
    }
}

/// <summary>Finds the CLI commands shown in Markdown code and checks them against the CLI's command tree.</summary>
internal static class DocumentedCommands
{
    /// <summary>A command as shown: its words after the program name, up to the end of that shell command.</summary>
    public sealed record Shown(int Line, string Text, IReadOnlyList<string> Words);

    private static readonly Regex Program = new(
        @"(?:^|[\s;&|(`])(?:sendpipeline|dotnet run --project src/SendPipeline\.Cli --)(?=\s|$)",
        RegexOptions.CultureInvariant);

    private static readonly Regex Token = new("\"[^\"]*\"|'[^']*'|\\S+", RegexOptions.CultureInvariant);
    private static readonly Regex InlineCode = new("`([^`]+)`", RegexOptions.CultureInvariant);
    private static readonly string[] HelpTokens = ["-h", "--help", "-?"];
    private static readonly string[] ShellFences = ["bash", "sh", "shell", "console", "pwsh", "powershell", "cmd"];

    public static IReadOnlyList<Shown> Find(string markdown)
    {
        var found = new List<Shown>();
        foreach (var (line, code) in CodeOf(markdown))
        {
            foreach (Match program in Program.Matches(code))
            {
                var rest = code[(program.Index + program.Length)..];
                var words = new List<string>();
                foreach (Match token in Token.Matches(rest))
                {
                    var word = token.Value;
                    if (word is "&&" or "||" or "|" or ";" or ">" or "<" || word.StartsWith('#')) break;
                    word = word.Trim('[', ']', '(', ')', '…', ',', '`');
                    if (word.Length > 0) words.Add(word);
                }
                if (words.Count > 0) found.Add(new Shown(line, code.Trim(), words));
            }
        }
        return found;
    }

    public static IReadOnlyList<string> Check(string markdown, RootCommand cli)
    {
        var problems = new List<string>();
        foreach (var shown in Find(markdown))
        {
            if (Problem(shown.Words, cli) is { } problem)
                problems.Add($"line {shown.Line}: `{shown.Text}`: {problem}");
        }
        return problems;
    }

    private static string? Problem(IReadOnlyList<string> words, RootCommand cli)
    {
        Command command = cli;
        var i = 0;
        // The command, then a subcommand when the command has them; a placeholder (COMMAND) stops the check.
        while (i < words.Count && !IsOption(words[i]))
        {
            if (IsPlaceholder(words[i])) return null;
            var sub = command.Subcommands.FirstOrDefault(c => c.Name == words[i] || c.Aliases.Contains(words[i]));
            if (sub is not null)
            {
                command = sub;
                i++;
                continue;
            }
            if (command == cli) return $"there is no command '{words[i]}' (sendpipeline --help lists them)";
            if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
                return $"'{command.Name}' has no subcommand '{words[i]}'";
            break;
        }
        var options = command.Options.Concat(cli.Options.Where(o => o.Recursive)).ToList();
        foreach (var word in words.Skip(i).Where(IsOption))
        {
            var name = word.Split('=')[0];
            if (HelpTokens.Contains(name)) continue;
            if (!options.Any(o => o.Name == name || o.Aliases.Contains(name)))
                return $"'{FullName(command)}' has no option {name}";
        }
        return null;
    }

    private static string FullName(Command command) =>
        command.Parents.OfType<Command>().Any(p => p is not RootCommand)
            ? string.Join(' ', command.Parents.OfType<Command>().Where(p => p is not RootCommand).Select(p => p.Name)
                .Append(command.Name))
            : command.Name;

    private static bool IsOption(string word) => word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]);

    /// <summary>COMMAND, FILE, "FULL NAME": words the reader replaces.</summary>
    private static bool IsPlaceholder(string word) =>
        word.Any(char.IsLetter) && word.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>
    /// The code a reader would type: each line of a shell block (continuation lines joined); in any other
    /// fenced block (a diagram, a layout) only lines that start with the program and inline code spans, since
    /// its prose may say "the sendpipeline tool"; and inline code spans in the text.
    /// </summary>
    private static IEnumerable<(int Line, string Code)> CodeOf(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        string? fence = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? trimmed[3..].Trim().ToLowerInvariant() : null;
                continue;
            }
            if (fence is not null && ShellFences.Contains(fence))
            {
                var start = n;
                var joined = line;
                while (joined.EndsWith('\\') && n + 1 < lines.Length) joined = joined[..^1] + " " + lines[++n];
                yield return (start + 1, joined);
                continue;
            }
            if (fence is not null && (trimmed.StartsWith("sendpipeline ", StringComparison.Ordinal)
                || trimmed.StartsWith("dotnet run --project src/SendPipeline.Cli", StringComparison.Ordinal)))
                yield return (n + 1, trimmed);
            // In a Markdown table an escaped pipe separates alternatives, not shell commands.
            foreach (Match span in InlineCode.Matches(line))
                yield return (n + 1, span.Groups[1].Value.Replace("\\|", " "));
        }
    }
}
