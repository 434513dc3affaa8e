using Kiln.Cli.Output;
using Shouldly;

namespace Kiln.Cli.Tests;

/// <summary>The man page, the CLI reference page and the completions come from the command tree; docs/cli.md is kept equal to it.</summary>
public sealed class GeneratedDocumentsTests : IDisposable
{
    private readonly Interruption _interruption = new();

    private CommandReference Reference => CommandReference.Of(KilnApplication.CreateRoot(_interruption));

    [Fact]
    public void The_reference_page_in_docs_is_the_generated_one()
    {
        var generated = ReferencePage.Render(Reference);
        var page = Path.Combine(RepositoryRoot(), "docs", "cli.md");
        if (Environment.GetEnvironmentVariable(Golden.AcceptVariable) == "1")
        {
            File.WriteAllText(page, generated);
        }

        File.ReadAllText(page).ShouldBe(generated, $"docs/cli.md is generated: `kiln manpage --markdown > docs/cli.md`, or {Golden.AcceptVariable}=1");
    }

    [Fact]
    public void The_man_page_names_every_verb_and_escapes_roff()
    {
        var page = ManPage.Render(Reference, "1.2.3");

        page.ShouldStartWith(".TH KILN 1 \"\" \"kiln 1.2.3\"");
        foreach (var verb in Reference.Verbs)
        {
            page.ShouldContain($".SS \"kiln {verb.Name}");
        }

        page.ShouldContain("\\fB\\-\\-dry\\-run\\fR");
        page.ShouldNotContain("manpage");
    }

    [Theory]
    [InlineData("bash", "complete -o filenames -o bashdefault -F _kiln kiln")]
    [InlineData("zsh", "#compdef kiln")]
    [InlineData("fish", "complete -c kiln -n '__fish_seen_subcommand_from build' -l dry-run")]
    public void Each_shell_gets_a_completion_of_every_verb(string shell, string marker)
    {
        var script = CompletionScripts.Render(shell, Reference);

        script.ShouldContain(marker);
        foreach (var verb in Reference.Verbs)
        {
            script.ShouldContain(verb.Name);
        }

        script.ShouldContain("auto always never");
    }

    public void Dispose() => _interruption.Dispose();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kiln.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Kiln.slnx) is not above the test binaries");
    }
}
