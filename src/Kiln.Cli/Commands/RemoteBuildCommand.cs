using System.CommandLine;
using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Extensions;
using Kiln.Host;
using Kiln.Remote;
using Kiln.Specs;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln build --host DESTINATION MANIFEST</c> (or <c>--hosts FILE</c>): the build runs on a build host over SSH.</summary>
public static class RemoteBuildCommand
{
    public static readonly Option<string?> Host = new("--host")
    {
        Description = "Build on this machine over SSH (user@server, user@server:port or an alias of your SSH configuration); with --hosts, the name of one of its hosts",
    };

    public static readonly Option<string?> Hosts = new("--hosts")
    {
        Description = "A YAML list of build hosts (or bootstrap-vz's build-servers.yml); the first that can build the manifest's provider is used",
    };

    public static readonly Option<string?> SshConfig = new("--ssh-config")
    {
        Description = "The ssh configuration file for remote builds (ssh -F); default: your own (~/.ssh/config)",
    };

    public static bool IsRequested(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(Host) is not null || result.GetValue(Hosts) is not null;
    }

    /// <param name="result">The parsed command line.</param>
    /// <param name="registry">The extensions, to check the manifest here before anything is copied.</param>
    /// <param name="interruption">Ctrl-C and other signals: they roll the build back on the server.</param>
    /// <param name="manifests">The manifest files given (a remote build takes one).</param>
    /// <param name="localOptions">--output, --log and --workspace as given (they name local directories).</param>
    /// <param name="buildOptions">Options passed on to the server's kiln build.</param>
    public static async Task<int> RunAsync(ParseResult result, ExtensionRegistry registry, Interruption interruption, IReadOnlyList<string> manifests, (string? Output, string? Log, string? Workspace) localOptions, IReadOnlyList<string> buildOptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(manifests);
        if (manifests.Count != 1)
        {
            throw new UserInputException(manifests.Count == 0
                ? "a remote build needs a manifest file: give its path after the options, such as `kiln build --host user@server manifest.yml`"
                : $"a remote build takes one manifest and {manifests.Count} were given; run `kiln build --host ...` once per manifest");
        }

        var manifestPath = manifests[0];

        var spec = ManifestSource.Read(manifestPath, registry, new ResolveOptions { OutputDirectory = localOptions.Output, Workspace = localOptions.Workspace });
        var host = SelectHost(result, spec.Manifest.Provider.Name);
        OutputDirectoryCheck.Check(spec);
        var workspace = Path.GetFullPath(spec.Manifest.Bootstrapper.Workspace);
        var logDirectory = Path.GetFullPath(localOptions.Log ?? Path.Combine(workspace, "logs"));
        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var request = new RemoteBuildRequest
        {
            Host = host,
            ManifestPath = Path.GetFullPath(manifestPath),
            OutputDirectory = spec.OutputDirectory,
            LogDirectory = logDirectory,
            SshConfig = result.GetValue(SshConfig) is { } config ? Path.GetFullPath(config) : null,
            BuildOptions = buildOptions,
            Excluded = [.. new[] { workspace, spec.OutputDirectory, logDirectory }.Select(path => Path.GetRelativePath(manifestDirectory, path)).Where(IsBelow).Distinct(StringComparer.Ordinal)],
        };

        var terminal = new Terminal(result.GetValue(CommonOptions.Color));
        var logFile = Path.Combine(logDirectory, $"{spec.Manifest.Name}-remote-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
        using var logging = new LogSetup(logFile, result.GetValue(CommonOptions.Debug));
        terminal.Line($"building [bold]{Markup.Escape(spec.Manifest.Name)}[/] on [bold]{Markup.Escape(host.Name)}[/] over SSH; log: {Markup.Escape(logFile)}");
        var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
        using var guard = ChildGuard.Start(runner, logging.Factory.CreateLogger("Kiln.Guard"));
        var build = new RemoteBuild(
            runner,
            logging.Factory.CreateLogger<RemoteBuild>(),
            message => terminal.Line($"[blue]note:[/] {Markup.Escape(message)}"),
            line => terminal.Plain($"{host.Name}: {line.Text}"));
        var outcome = await build.RunAsync(request, KilnInstallation.Current(), LocalMachine(), interruption.Token);
        Report(terminal, host, outcome);
        return outcome.ExitCode;
    }

    private static BuildHost SelectHost(ParseResult result, string provider)
    {
        var name = result.GetValue(Host);
        if (result.GetValue(Hosts) is not { } file)
        {
            return BuildHost.FromDestination(name!, workspace: null);
        }

        var hosts = HostsFile.Load(file);
        if (name is not null)
        {
            return hosts.FirstOrDefault(h => h.Name == name)
                ?? throw new UserInputException($"{file} has no host called `{name}` (it has {string.Join(", ", hosts.Select(h => h.Name))})");
        }

        return hosts.FirstOrDefault(h => h.CanBuild(provider))
            ?? throw new UserInputException($"no host in {file} can build for the provider {provider}; add {provider} to the can_bootstrap list of one of them");
    }

    private static void Report(Terminal terminal, BuildHost host, RemoteBuildResult outcome)
    {
        foreach (var log in outcome.Logs)
        {
            terminal.Plain($"the build log of {host.Name} is in {log}");
        }

        switch (outcome.Outcome)
        {
            case BuildOutcome.Succeeded:
                foreach (var artifact in outcome.Artifacts)
                {
                    terminal.Line($"[green]built[/] {Markup.Escape(artifact)} on {Markup.Escape(host.Name)} in {outcome.WallTime.TotalSeconds:F1} s (SHA-256 checked)");
                }

                break;
            case BuildOutcome.Interrupted:
                Terminal.Error($"the build was interrupted; it was rolled back on {host.Name} and its directory there removed");
                break;
            default:
                Terminal.Error($"the build on {host.Name} failed (exit code {outcome.ExitCode}); its reason is above");
                break;
        }
    }

    private static bool IsBelow(string relative) => relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && relative != ".";

    private static string LocalMachine() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
