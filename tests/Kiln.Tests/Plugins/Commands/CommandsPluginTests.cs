using Kiln.Plugins.Commands;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Commands;

public sealed class CommandsPluginTests
{
    [Fact]
    public void Bootstrap_vzs_example_is_valid()
    {
        TestManifests.ErrorsOf(WithCommands("[[touch, '{root}/var/www/index.html'], ['chroot {root} rm -rf /usr/share/locale/[^en]*']]")).ShouldBeEmpty();
    }

    [Fact]
    public void A_part_with_a_field_that_fills_nothing_in_is_reported_at_the_part()
    {
        TestManifests.ErrorsOf(WithCommands("[[sh, -c, 'echo ${HOME} > {root}/x']]"), "m.yml").Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:15:34: `{HOME}` is not a single value Kiln can fill in; use {root}, {apt_mirror}, {apt_security}, a manifest value such as {system.release}, or a date field such as {%Y}; write {{ and }} for literal braces",
        ]);
    }

    [Fact]
    public void An_empty_command_is_rejected()
    {
        TestManifests.ErrorsOf(WithCommands("[[]]"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:25: `plugins.commands.commands[0]` must list at least 1 item(s)"]);
    }

    [Fact]
    public void The_plugin_adds_the_task_that_runs_the_commands()
    {
        var tasks = new TaskSet();

        new CommandsPlugin().ResolveTasks(tasks, TestManifests.Bind(WithCommands("[[true]]")));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["RunManifestCommands"]);
    }

    public static string WithCommands(string commands) => TestManifests.Minimal + $"\nplugins:\n  commands: {{commands: {commands}}}\n";
}
