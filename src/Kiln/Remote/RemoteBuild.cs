using System.Diagnostics;
using System.Globalization;
using Kiln.Host;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Remote;

/// <summary>
/// Runs one build on a build host over SSH: checks the server (probe), copies this kiln there when it is not there
/// yet (saying so), copies the manifest's directory, runs <c>kiln build</c> there with its output shown here as it
/// comes, brings the images and the log back (checked against the server's SHA-256 sums, published only when all
/// arrived intact) and removes the run's directory on the server. Cancelling the token closes the build's SSH
/// channel, which the server answers with a rollback; the run's directory is removed afterwards all the same.
/// </summary>
public sealed partial class RemoteBuild(IStreamingCommandRunner runner, ILogger logger, Action<string> announce, Action<OutputLine> output)
{
    /// <summary>Where runs live on a server whose host entry names no workspace.</summary>
    public const string DefaultWorkspace = "/var/tmp/kiln-remote";

    /// <summary>How long the server's build gets to roll back after an interrupt before ssh is stopped.</summary>
    public static readonly TimeSpan RollbackGrace = TimeSpan.FromMinutes(3);

    public async Task<RemoteBuildResult> RunAsync(RemoteBuildRequest request, KilnInstallation kiln, string localMachine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(kiln);
        var stopwatch = Stopwatch.StartNew();
        var host = request.Host;
        var ssh = new SshCommands(host, request.SshConfig);
        var (hash, bytes) = kiln.Fingerprint();
        RemoteRunPaths? run = null;
        RemoteCommands? commands = null;
        var partial = Path.Combine(request.OutputDirectory, $".kiln-remote-{Guid.NewGuid().ToString("N")[..8]}.partial");
        try
        {
            var facts = await ProbeAsync(ssh, hash, cancellationToken);
            if (ServerCheck.Problem(host, facts, kiln, localMachine) is { } problem)
            {
                throw new UserInputException(problem);
            }

            commands = new RemoteCommands(useSudo: !facts.IsRoot);
            var kilnDirectory = $"{facts.KilnCache}/{hash}";
            if (!facts.HasKiln)
            {
                announce($"copying this kiln ({(bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)} MiB) to {host.Name}:{kilnDirectory}; nothing else is installed there");
                await PipeAsync(ssh, ssh.Upload(kiln.Directory, kiln.Files, [], RemoteCommands.InstallKiln(facts.KilnCache, hash)), cancellationToken);
            }

            run = new RemoteRunPaths(host.Workspace ?? DefaultWorkspace, RemoteRunPaths.NewId());
            var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(request.ManifestPath))!;
            var (files, size) = Shipped(manifestDirectory, request.Excluded);
            announce($"building on {host.Name} ({facts.OsName}, {facts.Machine}) in {run.Directory}; copying the manifest's directory {manifestDirectory} ({files} files, {(size / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)} MiB)");
            await PipeAsync(ssh, ssh.Upload(manifestDirectory, ["."], request.Excluded, commands.ReceiveInput(run)), cancellationToken);
            IReadOnlyList<string> arguments = ["--workspace", run.Directory, "--output", run.Output, "--log", run.Logs, .. request.BuildOptions, "--", $"{run.Input}/{Path.GetFileName(request.ManifestPath)}"];
            var build = ssh.Run(commands.Build(kiln.CommandOn(kilnDirectory, facts.Dotnet), arguments, host.Environment));
            var result = await runner.RunStreamingAsync(build, output, RollbackGrace, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                var logs = await FetchLogsAsync(ssh, commands, run, request.LogDirectory);
                return new RemoteBuildResult(BuildOutcome.Interrupted, 130, [], logs, stopwatch.Elapsed);
            }

            if (result.ExitCode == SshFailure.ExitCode)
            {
                throw new KilnException($"the connection to {host.Name} was lost during the build ({SshFailure.Explain(host, request.SshConfig, result.StandardError)}); the server rolls the build back by itself when it notices");
            }

            if (!result.Succeeded)
            {
                var logs = await FetchLogsAsync(ssh, commands, run, request.LogDirectory);
                return new RemoteBuildResult(BuildOutcome.Failed, result.ExitCode, [], logs, stopwatch.Elapsed);
            }

            var checksums = OutputChecksums.Parse((await runner.RunAsync(ssh.Run(commands.Checksums(run.Output)), cancellationToken)).EnsureSuccess().StandardOutput);
            Directory.CreateDirectory(partial);
            await PipeAsync(ssh, ssh.Download(commands.Send(run.Output), partial), cancellationToken);
            if (checksums.Problems(partial) is { Count: > 0 } damaged)
            {
                throw new KilnException($"the images from {host.Name} arrived damaged ({string.Join("; ", damaged)}); nothing was published, build again");
            }

            var artifacts = Publish(partial, checksums, request.OutputDirectory);
            var fetched = await FetchLogsAsync(ssh, commands, run, request.LogDirectory);
            return new RemoteBuildResult(BuildOutcome.Succeeded, 0, artifacts, fetched, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RemoteBuildResult(BuildOutcome.Interrupted, 130, [], [], stopwatch.Elapsed);
        }
        finally
        {
            if (run is not null && commands is not null)
            {
                await RemoveAsync(ssh, commands, run);
            }

            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
        }
    }

    /// <summary>What the upload of the manifest's directory copies: the files not below an excluded path.</summary>
    private static (int Files, long Bytes) Shipped(string directory, IReadOnlyList<string> excluded)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var files = new DirectoryInfo(directory).EnumerateFiles("*", options)
            .Where(file => !excluded.Any(path => Path.GetRelativePath(directory, file.FullName).StartsWith(path + "/", StringComparison.Ordinal)))
            .ToList();
        return (files.Count, files.Sum(file => file.Length));
    }

    private static List<string> Publish(string partial, OutputChecksums checksums, string outputDirectory)
    {
        var artifacts = new List<string>();
        foreach (var file in checksums.Files.Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(outputDirectory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(partial, file), target, overwrite: true);
            artifacts.Add(target);
        }

        return artifacts;
    }

    private async Task<ServerFacts> ProbeAsync(SshCommands ssh, string hash, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(ssh.Run(RemoteCommands.Probe(hash)), cancellationToken);
        if (result.ExitCode == SshFailure.ExitCode)
        {
            throw new UserInputException(SshFailure.Explain(ssh.Host, ssh.Config, result.StandardError));
        }

        return ServerFacts.Parse(result.StandardOutput)
            ?? throw new UserInputException($"{ssh.Host.Name} did not answer Kiln's probe as a POSIX shell would ({LastLine(result.StandardError)}); Kiln needs a login shell that runs `sh -c` on the server");
    }

    private async Task PipeAsync(SshCommands ssh, (CommandLine Producer, CommandLine Consumer) pipeline, CancellationToken cancellationToken)
    {
        var result = await runner.RunPipelineAsync(pipeline.Producer, pipeline.Consumer, cancellationToken);
        var remote = pipeline.Producer.Argv.Contains("ssh") ? result.Producer : result.Consumer;
        if (remote.ExitCode == SshFailure.ExitCode)
        {
            throw new KilnException($"copying to or from {ssh.Host.Name} failed: {SshFailure.Explain(ssh.Host, ssh.Config, remote.StandardError)}");
        }

        result.EnsureSuccess();
    }

    /// <summary>Brings the server's build log home; a failure to do so is logged, never the build's result.</summary>
    private async Task<IReadOnlyList<string>> FetchLogsAsync(SshCommands ssh, RemoteCommands commands, RemoteRunPaths run, string logDirectory)
    {
        try
        {
            Directory.CreateDirectory(logDirectory);
            var before = Directory.GetFiles(logDirectory).ToHashSet(StringComparer.Ordinal);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await PipeAsync(ssh, ssh.Download(commands.Send(run.Logs), logDirectory), timeout.Token);
            return [.. Directory.GetFiles(logDirectory).Where(file => !before.Contains(file)).Order(StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is KilnException or OperationCanceledException or IOException)
        {
            LogNoLogs(ssh.Host.Name, exception.Message);
            return [];
        }
    }

    /// <summary>Removes the run's directory on the server, also after an interrupt (the token is not the build's).</summary>
    private async Task RemoveAsync(SshCommands ssh, RemoteCommands commands, RemoteRunPaths run)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var result = await runner.RunAsync(ssh.Run(commands.Remove(run)), timeout.Token);
            if (!result.Succeeded)
            {
                announce($"could not remove {run.Directory} on {ssh.Host.Name} ({LastLine(result.StandardError)}); remove it there by hand");
            }
        }
        catch (OperationCanceledException)
        {
            announce($"could not remove {run.Directory} on {ssh.Host.Name} in time; remove it there by hand");
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";

    [LoggerMessage(Level = LogLevel.Warning, Message = "the build log of {Host} could not be brought back: {Reason}")]
    private partial void LogNoLogs(string host, string reason);
}
