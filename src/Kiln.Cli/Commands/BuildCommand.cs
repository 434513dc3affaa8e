using System.CommandLine;
using Kiln.Builds;
using Kiln.Caching;
using Kiln.Cli.Output;
using Kiln.Extensions;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln build [MANIFEST...]</c>: builds the image each manifest describes (the built-in default without one);
/// several manifests build in one run (see <see cref="BatchBuild"/>).
/// </summary>
public static class BuildCommand
{
    public static Command Create(Interruption interruption)
    {
        var manifests = new Argument<string[]>("manifest") { Description = "The manifests (YAML or JSON); the built-in default (Debian stable for KVM) when omitted", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output", "-o") { Description = "Directory for the images (default: each manifest's workspace)", HelpName = "DIR" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what each build would do (outputs, release, mirror, packages, host packages, plan) and walk the plan without running anything (no root needed)" };
        var log = new Option<string?>("--log") { Description = "Directory for the builds' log files (default: WORKSPACE/logs)", HelpName = "DIR" };
        var pause = new Option<bool>("--pause-on-error") { Description = "On failure, wait for Enter before rolling back, to inspect the build directory" };
        var workspace = new Option<string?>("--workspace") { Description = "Work in this directory instead of the manifest's bootstrapper.workspace", HelpName = "DIR" };
        var noCache = new Option<bool>("--no-cache") { Description = "Bootstrap without the cache of bootstrapped trees (KILN_CACHE_DIR, KILN_CACHE_SIZE)" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "With several manifests, build up to this many at once (within the machine's cores and memory; a build waiting for another's bootstrap does not count)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var passwordFile = new Option<bool>("--password-file") { Description = "Also write a random root password (root_password: {random: true}) to NAME.root-password beside the image, readable by root only" };
        var offline = new Option<bool>("--offline") { Description = "With --dry-run: ask the Debian mirror nothing (a suite is named from Kiln's table)" };
        var json = CommonOptions.Json("the outcome (artifacts with paths, sizes and SHA-256, timings, the log, where the credentials are; one manifest)");
        var command = new Command("build", "Build disk images from manifests") { manifests, output, dryRun, log, pause, workspace, noCache, jobs, passwordFile, offline, json, CloudPublishing.NoPublishOption, RemoteBuildCommand.Host, RemoteBuildCommand.Hosts, RemoteBuildCommand.SshConfig, CommonOptions.PluginPath() };
        command.SetAction((result, _) =>
        {
            interruption.Reaction = "rolling back";
            if (RemoteBuildCommand.IsRequested(result) && !result.GetValue(dryRun))
            {
                IReadOnlyList<string> passedOn = [.. result.GetValue(noCache) ? ["--no-cache"] : Array.Empty<string>(), .. result.GetValue(CommonOptions.Debug) ? ["--debug"] : Array.Empty<string>(), .. result.GetValue(CloudPublishing.NoPublishOption) ? ["--no-publish"] : Array.Empty<string>()];
                return RemoteBuildCommand.RunAsync(result, Registries.Load(result), interruption, result.GetValue(manifests) ?? [], (result.GetValue(output), result.GetValue(log), result.GetValue(workspace)), passedOn);
            }

            var request = new BuildRequest(result.GetValue(manifests) ?? [], result.GetValue(output), result.GetValue(dryRun), result.GetValue(log), result.GetValue(pause), result.GetValue(workspace), result.GetValue(noCache), result.GetValue(jobs))
            {
                NoPublish = result.GetValue(CloudPublishing.NoPublishOption),
                PasswordFile = result.GetValue(passwordFile),
                Json = result.GetValue(json),
                Offline = result.GetValue(offline),
            };
            return RunAsync(result, Registries.Load(result), interruption, request);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, ExtensionRegistry registry, Interruption interruption, BuildRequest request)
    {
        if (request.Json && request.Manifests.Count > 1)
        {
            throw new UserInputException("--json describes one build: give one manifest, or run kiln build --json once per manifest");
        }

        var terminal = new Terminal(result.GetValue(CommonOptions.Color), toStandardError: request.Json);
        var debug = result.GetValue(CommonOptions.Debug);
        var several = request.Manifests.Count > 1;
        var cache = request.NoCache ? null : TreeCacheSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.IsPrivilegedProcess);
        var runTrees = several && !request.DryRun ? RunTreeStore.Create(request.Workspace) : null;
        var available = HostMemory.Available();
        var options = new ResolveOptions { OutputDirectory = request.Output, Workspace = request.Workspace, TreeCache = cache, RunTrees = runTrees?.Settings, AvailableMemory = available };
        var runs = ReadAll(request, registry, options);
        var limit = runTrees is null ? null : JobLimit.For(request.Jobs, runs.Count, Environment.ProcessorCount, available);
        if (limit is not null && !ConcurrentBuildMemory.Fit([.. runs.Select(r => r.Spec)], limit.Jobs, available))
        {
            // Each build would go into memory alone, but the builds that run at once would not fit together: all on disk.
            runs = ReadAll(request, registry, options with { AvailableMemory = null });
        }

        var runTreesInMemory = runTrees is null ? null : RunTreeMemory.Decide([.. runs.Select(r => r.Spec)], runTrees.Settings, limit!.Jobs, available);

        if (!request.DryRun)
        {
            foreach (var run in runs)
            {
                OutputDirectoryCheck.Check(run.Spec);
            }

            OutputCollisions.Check([.. runs.Select(r => (r.Spec, r.Name))]);
        }

        if (several && !request.DryRun && !request.NoPublish)
        {
            CloudPublishing.RefuseInBatch(runs.Select(r => r.Spec));
        }

        if (!several || request.DryRun)
        {
            return await SingleAsync(runs, terminal, debug, interruption);
        }

        // The run's own log: the guard of every build's children, and the removal of the run's shared trees.
        using var runLog = new LogSetup(Path.Combine(Path.GetDirectoryName(runs[0].LogFile!)!, $"run-{runs[0].BuildId["kiln-".Length..]}.log"), debug);
        var runner = new CommandRunner(runLog.Factory.CreateLogger<CommandRunner>());
        using var guard = ChildGuard.Start(runner, runLog.Factory.CreateLogger("Kiln.Guard"));
        try
        {
            if (runTreesInMemory is { } size)
            {
                await runTrees!.MountInMemoryAsync(runner, size, interruption.Token);
                terminal.Line($"[blue]note:[/] the run keeps its shared trees in memory (a tmpfs of at most {size} on {Markup.Escape(runTrees.Directory)}), and its builds work in memory");
            }

            return await BatchBuild.RunAsync(runs, limit!, terminal, debug, interruption.Token);
        }
        finally
        {
            await runTrees!.RemoveAsync(runner);
        }
    }

    /// <summary>Reads every manifest before anything is built, and reports the problems of all of them at once.</summary>
    private static List<ImageBuildRun> ReadAll(BuildRequest request, ExtensionRegistry registry, ResolveOptions options)
    {
        var paths = request.Manifests.Count == 0 ? [null] : request.Manifests.Select(m => (string?)m).ToList();
        var runs = new List<ImageBuildRun>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                var spec = ManifestSource.Read(path, registry, options);
                runs.Add(new ImageBuildRun(spec, BuildPlanning.CreatePlan(spec, registry), request));
            }
            catch (UserInputException error) when (paths.Count > 1)
            {
                problems.Add(error.Message);
            }
        }

        return problems.Count == 0 ? runs : throw new UserInputException(string.Join('\n', problems));
    }

    /// <summary>One manifest (or a dry run of several, one after the other): live progress and the full report.</summary>
    private static async Task<int> SingleAsync(IReadOnlyList<ImageBuildRun> runs, Terminal terminal, bool debug, Interruption interruption)
    {
        var exitCode = 0;
        foreach (var run in runs)
        {
            var dryRun = run.Request.DryRun;
            BuildSummary? summary = null;
            if (dryRun)
            {
                summary = await BuildSummary.CreateAsync(run.Spec, run.Plan, run.Request.Offline, interruption.Token);
                terminal.Raw(summary.Describe());
            }
            else
            {
                terminal.Line($"building [bold]{Markup.Escape(run.Name)}[/] ({run.Plan.Steps.Count} tasks); log: {Markup.Escape(run.LogFile ?? "none")}");
            }

            var progress = new ConsoleProgress(terminal, TimeProvider.System);
            using var ticker = !dryRun && terminal.IsInteractive ? new Timer(_ => progress.Refresh(), null, 1000, 1000) : null;
            var observer = dryRun ? (IBuildObserver)NullBuildObserver.Instance : progress;
            var note = terminal.UsesColor ? "\u001b[34mnote:\u001b[0m " : "note: ";
            BuildContext? running = null;
            interruption.IsCommitted = () => running?.Published == true;
            var options = new BuildOptions
            {
                Announce = message => progress.Note(note + message),
                BeforeRollback = run.Request.PauseOnError ? error => PauseAsync(progress, error) : null,
                ContextCreated = context => running = context,
            };
            using var logging = new LogSetup(run.LogFile, debug);
            using var publishing = await CloudPublishing.ForBuildAsync(run.Spec, run.Request.NoPublish, dryRun, logging, terminal, interruption.Token);
            ExecutionResult execution;
            BuildContext context;
            try
            {
                (execution, context) = await run.RunAsync(observer, options, logging, guardChildren: true, interruption.Token, progress.Output);
            }
            finally
            {
                // What follows (the report, or an error) starts on a clean line.
                progress.Finish();
            }

            var passwordFile = run.WritePasswordFile(execution, context, terminal.Plain);
            BuildReport.Print(terminal, execution, context, run.LogFile, dryRun);
            if (run.Request.Json)
            {
                var document = BuildReport.Json(execution, context, run.LogFile, dryRun, passwordFile);
                if (summary is not null)
                {
                    document["summary"] = summary.ToJson();
                }

                Console.Out.WriteLine(document.ToString(Newtonsoft.Json.Formatting.Indented));
            }

            var published = publishing is not null && execution.Outcome == BuildOutcome.Succeeded
                ? await publishing.RunAsync(run.Spec.Outputs.RequireDiskImage().Path, run.Spec.Manifest.Bootstrapper.Workspace, uploadOnly: false, terminal, interruption)
                : 0;
            exitCode = Math.Max(exitCode, Math.Max(execution.ExitCode, published));
        }

        return exitCode;
    }

    private static async Task PauseAsync(ConsoleProgress progress, Exception error)
    {
        progress.Note($"error: {error.Message}");
        progress.Note("the build directory is left as it is; press Enter to roll back");
        await Task.Run(Console.ReadLine);
    }
}
