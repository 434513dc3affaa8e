using Kiln.Manifests;
using Kiln.Plugins.Hooks;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Newtonsoft.Json.Linq;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Hooks;

/// <summary>The hooks plugin: which files are hooks, what is refused (at its manifest location), and how each is called.</summary>
public sealed class HooksPluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    [Fact]
    public void Only_files_with_a_two_digit_prefix_are_hooks_and_they_run_in_name_order()
    {
        Script("one/20-later");
        Script("two/10-first");
        _workspace.Write("one/README", "not a hook\n");
        Script("one/5-too-short");
        Script("one/10x-no-dash");

        var (scripts, problems) = HookDirectories.Scan([Dir("one"), Dir("two")]);

        problems.ShouldBeEmpty();
        scripts.Select(s => s.Name).ShouldBe(["10-first", "20-later"]);
        scripts[0].Path.ShouldBe(Path.Combine(Dir("two"), "10-first"));
        scripts[0].Order.ShouldBe(10);
    }

    [Fact]
    public void Reserved_orders_scripts_that_are_not_executable_and_names_in_two_directories_are_problems()
    {
        Script("one/05-early");
        Script("one/95-late");
        _workspace.Write("one/30-plain", "#!/bin/sh\n");
        Script("one/40-twice");
        Script("two/40-twice");

        var (scripts, problems) = HookDirectories.Scan([Dir("one"), Dir("two"), Dir("missing")]);

        scripts.Select(s => s.Name).ShouldBe(["40-twice"]);
        problems.ShouldBe(
        [
            (0, $"the hook {Dir("one")}/05-early uses the order 05; 00-09 and 90-99 are reserved for Kiln's own hooks, use 10-89"),
            (0, $"the hook {Dir("one")}/30-plain is not executable; chmod +x it"),
            (0, $"the hook {Dir("one")}/95-late uses the order 95; 00-09 and 90-99 are reserved for Kiln's own hooks, use 10-89"),
            (1, $"the hook 40-twice is in two directories: {Dir("one")}/40-twice and {Dir("two")}/40-twice"),
            (2, $"the hook directory {Dir("missing")} does not exist"),
        ]);
    }

    [Fact]
    public void A_problem_is_reported_at_the_directory_entry_it_is_about()
    {
        Script("one/10-fine");
        _workspace.Write("two/20-plain", "#!/bin/sh\n");

        var errors = TestManifests.ErrorsOf(WithPlugin("{directories: [one, two]}"), _workspace.ManifestPath).Select(e => e.ToString());

        errors.ShouldBe([$"{_workspace.ManifestPath}:15:30: the hook {Dir("two")}/20-plain is not executable; chmod +x it"]);
    }

    [Fact]
    public void Each_phase_gets_its_hook_task_after_the_calls_are_prepared()
    {
        Script("one/10-site");
        var tasks = new TaskSet();

        new HooksPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{directories: [one]}"), _workspace.ManifestPath));

        tasks.Tasks.Count.ShouldBe(1 + Enum.GetValues<Phase>().Length);
        tasks.Tasks.OfType<RunScriptHooks>().Select(t => t.Phase).ShouldBe(Enum.GetValues<Phase>());
        tasks.Tasks.OfType<PrepareHookCalls>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Directories_without_hooks_add_no_tasks()
    {
        _workspace.Write("one/README", "no hooks here\n");
        var tasks = new TaskSet();

        new HooksPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{directories: [one]}"), _workspace.ManifestPath));

        tasks.Tasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_hook_is_called_with_the_phase_in_its_directory_and_sees_the_build_through_KILN_variables_and_SOURCE_DATE_EPOCH()
    {
        var path = Script("one/10-site");
        var manifest = TestManifests.Bind(WithPlugin("{directories: [one]}"), _workspace.ManifestPath);
        var runner = new FakeCommandRunner();
        var context = _workspace.Context(manifest, runner);
        context.UseSourceDateEpoch(new Kiln.Specs.SourceDateEpoch(1_700_000_000, "a test"));

        await HookRunner.CallAllAsync(context, [new HookScript("10-site", path)], "package_installation", CancellationToken.None);

        var command = runner.Commands.ShouldHaveSingleItem();
        command.Argv.ShouldBe([path, "package_installation"]);
        command.WorkingDirectory.ShouldBe(Dir("one"));
        command.Environment["KILN_ROOT"].ShouldBe(context.Paths.Root);
        command.Environment["KILN_WORKSPACE"].ShouldBe(context.Paths.BuildDirectory);
        command.Environment["KILN_RELEASE"].ShouldBe("bookworm");
        command.Environment["KILN_ARCHITECTURE"].ShouldBe("amd64");
        command.Environment["KILN_PHASE"].ShouldBe("package_installation");
        command.Environment["SOURCE_DATE_EPOCH"].ShouldBe("1700000000");
        var resolved = JObject.Parse(command.Environment["KILN_MANIFEST"]);
        resolved["name"]!.Value<string>().ShouldBe("test-bookworm");
        resolved.SelectToken("plugins.hooks.directories[0]")!.Value<string>().ShouldBe("one");
    }

    [Fact]
    public void The_resolved_manifest_names_the_release_by_its_codename()
    {
        var manifest = TestManifests.Bind(TestManifests.Minimal.Replace("release: bookworm", "release: stable", StringComparison.Ordinal));

        var resolved = JObject.Parse(manifest.Values.ToJson(ReleaseCatalog.Trixie.Codename));

        resolved.SelectToken("system.release")!.Value<string>().ShouldBe("trixie");
    }

    public void Dispose() => _workspace.Dispose();

    private string Dir(string name) => Path.Combine(_workspace.Directory, name);

    private string Script(string relativePath)
    {
        var path = _workspace.Write(relativePath, "#!/bin/sh\necho \"$1\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  hooks: {settings}\n";
}
