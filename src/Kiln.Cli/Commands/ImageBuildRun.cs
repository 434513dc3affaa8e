using Kiln.Builds;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Plugins.RootPassword;
using Kiln.Specs;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Cli.Commands;

/// <summary>
/// One image of a <c>kiln build</c>: its build id, its own log file and runner, and the build itself with
/// rollback. A run of several manifests has one of these per manifest.
/// </summary>
public sealed partial class ImageBuildRun
{
    public ImageBuildRun(BuildSpec spec, Plan plan, BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(request);
        Spec = spec;
        Plan = plan;
        Request = request;
        LogFile = request.DryRun && request.LogDirectory is null ? null : Path.Combine(
            Path.GetFullPath(request.LogDirectory ?? Path.Combine(spec.Manifest.Bootstrapper.Workspace, "logs")),
            $"{spec.Manifest.Name}-{BuildId["kiln-".Length..]}.log");
    }

    public BuildSpec Spec { get; }

    public Plan Plan { get; }

    public BuildRequest Request { get; }

    public string Name => Spec.Manifest.Name;

    public string BuildId { get; } = ImageBuilder.NewBuildId();

    public string? LogFile { get; }

    /// <summary>
    /// Builds the image; <paramref name="options"/> carries how the caller follows it (announcements, rollback
    /// pause, context). A build alone in its run guards its children itself (a run of several guards them once).
    /// </summary>
    public async Task<(ExecutionResult Execution, BuildContext Context)> RunAsync(IBuildObserver observer, BuildOptions options, bool debug, bool guardChildren, CancellationToken cancellationToken, Action<string, string>? commandOutput = null)
    {
        using var logging = new LogSetup(LogFile, debug);
        return await RunAsync(observer, options, logging, guardChildren, cancellationToken, commandOutput);
    }

    /// <summary>Builds the image into a log the caller set up (a cloud build's publication logs into it too, its secrets masked).</summary>
    public async Task<(ExecutionResult Execution, BuildContext Context)> RunAsync(IBuildObserver observer, BuildOptions options, LogSetup logging, bool guardChildren, CancellationToken cancellationToken, Action<string, string>? commandOutput = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logging);
        var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>(), logging.Secrets) { OutputObserver = commandOutput };
        using var guard = guardChildren && !Request.DryRun ? ChildGuard.Start(runner, logging.Factory.CreateLogger("Kiln.Guard")) : null;
        var builder = new ImageBuilder(logging.Factory, runner, observer);
        var result = await builder.RunAsync(Spec, Plan, options with { BuildId = BuildId, DryRun = Request.DryRun }, cancellationToken);
        if (PeakMemory.MiB() is { } peak)
        {
            LogPeakMemory(logging.Factory.CreateLogger("Kiln.Cli"), peak);
        }

        return result;
    }

    /// <summary>
    /// With <c>--password-file</c>, after a successful build: the random root password in a file only root can read,
    /// beside the image. Returns its path, or null when there was none (and says so through <paramref name="say"/>).
    /// </summary>
    public string? WritePasswordFile(ExecutionResult execution, BuildContext context, Action<string> say)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(say);
        if (!Request.PasswordFile || execution.Outcome != BuildOutcome.Succeeded)
        {
            return null;
        }

        if (context.StateOf<GeneratedRootPassword>().Password is not { } password)
        {
            say("--password-file: this build set no random root password (root_password: {random: true}); no file written");
            return null;
        }

        var path = RootPasswordFile.Write(Spec.OutputDirectory, Name, password);
        say($"root password written to {path} (mode 0600)");
        return path;
    }

    /// <summary>What the run tells about this image once it is over.</summary>
    public ImageReport Report(ExecutionResult execution, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(context);
        return new ImageReport(Name, execution.Outcome, execution.ExitCode, [.. context.Artifacts], [.. context.Notices], execution.WallTime, LogFile, execution.Error?.Message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "kiln peak RSS {PeakMiB:F1} MiB")]
    private static partial void LogPeakMemory(ILogger logger, double peakMiB);
}
