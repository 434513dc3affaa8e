using Kiln.Plugins.Debconf;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Debconf;

public sealed class DebconfPluginTests
{
    [Fact]
    public void A_problem_in_a_literal_block_is_reported_at_its_own_line_and_column()
    {
        var yaml = WithPlugin("""
            |
                # Answers for the packages below.
                tzdata tzdata/Areas select Europe
                popularity-contest popularity-contest/participate boolean maybe
            """);

        TestManifests.ErrorsOf(yaml, "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:18:63: a boolean takes true or false, not `maybe`"]);
    }

    [Fact]
    public void A_problem_in_a_one_line_value_gets_its_column()
    {
        TestManifests.ErrorsOf(WithPlugin("'tzdata tzdata/Areas choice Europe'"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:33: `choice` is not a debconf type; use one of boolean, error, multiselect, note, password, select, string, text, title, seen"]);
    }

    [Fact]
    public void Bootstrap_vzs_folded_example_is_reported_with_the_fix()
    {
        var yaml = WithPlugin("""
            >-
                d-i pkgsel/install-language-support boolean false
                popularity-contest popularity-contest/participate boolean false
            """);

        TestManifests.ErrorsOf(yaml, "m.yml").Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:15:12: line 1 of the debconf text: a boolean takes true or false, not `false popularity-contest popularity-contest/participate boolean false`; it looks like several selections joined into one line, which is what YAML's folded `>` style does: write the text as a `|` block",
        ]);
    }

    [Fact]
    public void Text_without_a_selection_is_an_error()
    {
        TestManifests.ErrorsOf(WithPlugin("|\n    # nothing yet\n"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:12: the debconf text holds no selection, only blank lines and comments"]);
    }

    [Fact]
    public void The_plugin_adds_the_task_that_hands_the_answers_to_the_bootstrap()
    {
        var tasks = new TaskSet();

        new DebconfPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("'tzdata tzdata/Areas select Europe'")));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddDebconfSelections"]);
    }

    [Fact]
    public async Task The_answers_follow_kilns_own_so_that_the_manifests_win()
    {
        var context = TestBuildContexts.Create(TestManifests.Bind(WithPlugin("|\n    grub-pc grub-pc/install_devices_empty boolean false\n    tzdata tzdata/Areas select Europe\n")));
        context.DebconfSelections.Add("grub-pc grub-pc/install_devices_empty boolean true");

        await new AddDebconfSelections().RunAsync(context, CancellationToken.None);

        context.DebconfSelections.ShouldBe(["grub-pc grub-pc/install_devices_empty boolean true", "grub-pc grub-pc/install_devices_empty boolean false", "tzdata tzdata/Areas select Europe"]);
        new AddDebconfSelections().Predecessors.ShouldBe([typeof(Kiln.Common.Boot.AddGrubPackages)]);
    }

    private static string WithPlugin(string text) => TestManifests.Minimal + $"\nplugins:\n  debconf: {text}\n";
}
