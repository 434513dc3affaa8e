using Shouldly;

namespace Kiln.SystemTests;

/// <summary>Script hooks and a third-party assembly plugin in real builds.</summary>
[Trait("Category", "System")]
public sealed class HooksAndAssemblyPluginTests(SamplePluginBuild plugins) : IClassFixture<SamplePluginBuild>
{
    private static readonly string[] Phases =
    [
        "validation", "preparation", "volume_creation", "volume_preparation", "volume_mounting", "os_installation", "package_installation",
        "system_modification", "user_modification", "system_cleaning", "volume_unmounting", "image_registration", "cleaning",
    ];

    [SystemFact]
    public async Task Hooks_run_in_every_phase_then_clean_and_the_assembly_plugins_task_changes_the_image()
    {
        var (manifest, calls) = WriteManifest("exit 0");

        using var build = await ImageBuild.RunAsync(manifest, "--plugin-path", plugins.Directory);

        File.ReadAllLines(calls).ShouldBe([.. Phases.Select(p => $"{p} {p} root={(p == "os_installation" ? "yes" : "-")}"), "clean clean root=-"]);
        build.Log.ShouldContain("[20-record] recorded system_modification");
        using var image = new ImageInspector(build.Image);
        image.ReadFile("/etc/motd").ShouldBe("Built by Kiln with a third-party plugin.\n");
        image.ReadFile("/etc/kiln-hook").ShouldBe("written by 20-record for trixie amd64\n");
    }

    [SystemFact]
    public async Task A_failing_hook_fails_the_build_which_calls_the_hooks_with_rollback_and_clean_and_leaves_nothing()
    {
        var (manifest, calls) = WriteManifest("[ \"$1\" != system_modification ] || exit 3");
        var output = Path.Combine(Path.GetDirectoryName(manifest)!, "out");
        var workspace = Path.Combine(Path.GetDirectoryName(manifest)!, "workspace");

        var run = await KilnCli.RunAsync("build", manifest, "--plugin-path", plugins.Directory, "--output", output, "--workspace", workspace);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("exit code 3");
        var lines = File.ReadAllLines(calls);
        lines.ShouldContain("system_modification system_modification root=-");
        lines[^2..].ShouldBe(["rollback rollback root=-", "clean clean root=-"]);
        HostState.Below(workspace).IsEmpty.ShouldBeTrue();
        Directory.GetDirectories(workspace, "kiln-*").ShouldBeEmpty();
    }

    /// <summary>A manifest with the motd plugin and a hook that records every call (and may fail).</summary>
    private static (string Manifest, string Calls) WriteManifest(string extraShell)
    {
        var directory = Directory.CreateTempSubdirectory("kiln-hooks-").FullName;
        var hooks = Path.Combine(directory, "hooks");
        Directory.CreateDirectory(hooks);
        var calls = Path.Combine(directory, "calls.log");
        var hook = Path.Combine(hooks, "20-record");
        File.WriteAllText(hook, $$"""
            #!/bin/sh
            root=-
            [ "$1" = os_installation ] && [ -d "$KILN_ROOT/etc" ] && root=yes
            echo "$1 $KILN_PHASE root=$root" >> {{calls}}
            if [ "$1" = system_modification ]; then
                echo "written by 20-record for $KILN_RELEASE $KILN_ARCHITECTURE" > "$KILN_ROOT/etc/kiln-hook"
                echo "recorded $1"
            fi
            {{extraShell}}

            """);
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(hooks, "README"), "not a hook: no order prefix\n");
        var manifest = Path.Combine(directory, "hooks.yml");
        File.WriteAllText(manifest, SmallManifest.Text("hooks-test", """
              hooks:
                directories: [hooks]
              motd:
                message: Built by Kiln with a third-party plugin.
            """));
        return (manifest, calls);
    }
}
