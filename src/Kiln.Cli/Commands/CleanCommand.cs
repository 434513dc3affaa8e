using System.CommandLine;
using Kiln.Builds;
using Kiln.Caching;
using Kiln.Disks;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Manifests;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln clean [WORKSPACE]</c>: gives back what builds whose process is gone left in a workspace (mounts, loop
/// devices, binfmt entries, unfinished outputs) and removes their directories; live builds are left alone.
/// With <c>--cache</c> it also empties the cache of bootstrapped trees.
/// </summary>
public static class CleanCommand
{
    public static Command Create(Interruption interruption)
    {
        var workspace = new Argument<string?>("workspace") { Description = $"The workspace (default: {BootstrapperSection.DefaultWorkspace})", Arity = ArgumentArity.ZeroOrOne };
        var cache = new Option<bool>("--cache") { Description = "Also empty the cache of bootstrapped trees (trees a running build uses stay) and of downloaded packages" };
        var command = new Command("clean", "Undo what crashed or killed builds left in a workspace") { workspace, cache };
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            if (Environment.UserName != "root")
            {
                throw new UserInputException("kiln clean needs root (it unmounts and detaches loop devices)");
            }

            using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
            var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
            var directory = Path.GetFullPath(result.GetValue(workspace) ?? BootstrapperSection.DefaultWorkspace);
            var stale = new StaleBuilds(runner, logging.Factory.CreateLogger<StaleBuilds>());
            var recovered = await stale.RecoverAllAsync(directory, interruption.Token);
            foreach (var build in recovered)
            {
                terminal.Line($"[green]cleaned[/] {Markup.Escape(build)}");
            }

            foreach (var problem in stale.Problems)
            {
                Terminal.Error(problem);
            }

            terminal.Plain(recovered.Count == 0 ? $"nothing to clean in {directory}" : $"{recovered.Count} stale build(s) cleaned in {directory}");
            if (result.GetValue(cache))
            {
                var settings = TreeCacheSettings.FromEnvironment(Environment.GetEnvironmentVariable, isRoot: true);
                var store = new TreeStore(settings.Directory);
                var cleaning = await new CacheCleaner(runner).CleanAsync(store, interruption.Token);
                terminal.Plain($"cache {store.Folder}: {cleaning.Removed} tree(s) removed ({new ByteSize(cleaning.Bytes)})"
                    + (cleaning.InUse > 0 ? $", {cleaning.InUse} left because a build uses them" : string.Empty));
                var packages = PackageCacheContents.Clean(settings.PackagesDirectory);
                terminal.Plain($"cache {settings.PackagesDirectory}: {packages.Files} package file(s) removed ({new ByteSize(packages.Bytes)})");
            }

            return stale.Problems.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
