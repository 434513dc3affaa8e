using Shouldly;

namespace Kiln.SystemTests;

/// <summary>Third-party assembly plugins found through --plugin-path and KILN_PLUGIN_PATH.</summary>
public sealed class PluginPathTests(SamplePluginBuild plugins) : IClassFixture<SamplePluginBuild>
{
    private static string Example => Repository.Example("kvm/plugins-hooks-and-assembly.yml");

    [Fact]
    public async Task Without_the_plugin_path_the_third_party_plugin_is_unknown()
    {
        var run = await KilnCli.RunAsync("validate", Example);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("unknown plugin `motd`");
    }

    [Fact]
    public async Task A_plugin_on_the_plugin_path_validates_and_adds_its_task_to_the_plan()
    {
        var run = await KilnCli.RunAsync("plan", Example, "--plugin-path", plugins.Directory);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("WriteMotd - Writing the message of the day");
        run.Output.ShouldContain("RunScriptHooks.system_modification - Running hooks for system_modification: 10-site");
    }

    [Fact]
    public async Task The_plugins_own_schema_reports_a_bad_option_at_its_line()
    {
        var manifest = Path.Combine(plugins.Root, "bad-motd.yml");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(Example)).Replace("message: Built by Kiln with a third-party plugin.", "message: 42", StringComparison.Ordinal));

        var run = await KilnCli.RunAsync("validate", manifest, "--plugin-path", plugins.Directory);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{manifest}:29:14: `plugins.motd.message` must be a string, not the number `42`");
    }

    [Fact]
    public async Task Two_plugin_files_with_one_name_are_an_error_that_names_both()
    {
        var run = await KilnCli.RunAsync("validate", Example, "--plugin-path", plugins.Directory, "--plugin-path", plugins.SameNameCopy);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(Path.Combine(plugins.Directory, "Kiln.Samples.Motd.dll"));
        run.Error.ShouldContain(Path.Combine(plugins.SameNameCopy, "Kiln.Samples.MotdCopy.dll"));
    }

    [Fact]
    public async Task A_built_in_plugin_wins_over_a_plugin_file_of_the_same_name()
    {
        var run = await KilnCli.RunAsync("validate", Example, "--plugin-path", plugins.Directory, "--plugin-path", plugins.BuiltInNameCopy);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldContain("the plugin `root_password` in");
        run.Error.ShouldContain("is ignored: a built-in plugin has that name");
    }

    [Fact]
    public async Task The_plugin_path_can_come_from_the_environment()
    {
        var run = await KilnCli.RunAsync(["plan", Example], environment: new Dictionary<string, string> { ["KILN_PLUGIN_PATH"] = "/nonexistent-kiln-plugins:" + plugins.Directory });

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("the plugin directory /nonexistent-kiln-plugins does not exist");
    }
}
