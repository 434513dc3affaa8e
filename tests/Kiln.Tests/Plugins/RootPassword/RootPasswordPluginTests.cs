using Kiln.Plugins.RootPassword;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.RootPassword;

public sealed class RootPasswordPluginTests
{
    [Theory]
    [InlineData("{password: secret}")]
    [InlineData("{password-crypted: $y$j9T$abc$def}")]
    [InlineData("{random: true}")]
    public void Exactly_one_way_to_set_the_password_is_valid(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{random: false}")]
    [InlineData("{password: a, password-crypted: $6$x$y}")]
    public void None_or_two_ways_are_rejected(string settings)
    {
        TestManifests.ErrorsOf(WithPlugin(settings), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:18: root_password takes exactly one of password, password-crypted or random: true"]);
    }

    [Fact]
    public void The_plugin_adds_the_task_that_sets_the_password()
    {
        var tasks = new TaskSet();

        new RootPasswordPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{random: true}")));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["SetRootPassword"]);
    }

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  root_password: {settings}\n";
}
