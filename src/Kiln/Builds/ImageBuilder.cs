using System.Globalization;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Builds;

/// <summary>
/// Runs a plan for a manifest: recovers what stale builds left in the workspace, takes the build's and its
/// outputs' locks, creates the build context with its journal, and executes with rollback.
/// </summary>
public sealed partial class ImageBuilder(ILoggerFactory loggerFactory, ICommandRunner runner, IBuildObserver observer)
{
    private readonly ILogger _notes = loggerFactory.CreateLogger("Kiln.Notes");

    public static string NewBuildId() => $"kiln-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<(ExecutionResult Result, BuildContext Context)> RunAsync(BuildSpec spec, Plan plan, BuildOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options = options with { Announce = Noting(options.Announce) };
        if (!options.DryRun && Environment.UserName != "root")
        {
            throw new UserInputException("kiln build needs root (it runs chroot, mount and losetup); run it with sudo, or use --dry-run to see the plan");
        }

        var workspace = spec.Manifest.Bootstrapper.Workspace;
        var paths = new BuildPaths(workspace, options.BuildId, spec.OutputDirectory);
        var executor = new Executor(loggerFactory.CreateLogger<Executor>(), observer);
        var execution = new ExecutionOptions { DryRun = options.DryRun, BeforeRollback = options.BeforeRollback };
        if (options.DryRun)
        {
            var dryContext = CreateContext(spec, paths, options, BuildJournal.None);
            return (await executor.RunAsync(plan, dryContext, execution, cancellationToken), dryContext);
        }

        Directory.CreateDirectory(workspace);
        foreach (var recovered in await new StaleBuilds(runner, loggerFactory.CreateLogger<StaleBuilds>()).RecoverAllAsync(workspace, CancellationToken.None))
        {
            options.Announce($"cleaned up {recovered}, left by a build whose process is gone");
        }

        var ownership = BuildOwnership.Claim(BuildOwnership.PathFor(paths));
        var journal = new BuildJournal(BuildJournal.PathFor(paths));
        OutputLocks outputLocks;
        try
        {
            outputLocks = OutputLocks.Acquire(spec, paths.BuildDirectory, journal);
        }
        catch
        {
            File.Delete(journal.Path);
            ownership.Dispose();
            throw;
        }

        var context = CreateContext(spec, paths, options, journal);
        try
        {
            return (await executor.RunAsync(plan, context, execution, cancellationToken), context);
        }
        finally
        {
            outputLocks.Dispose();
            if (!Directory.Exists(paths.BuildDirectory))
            {
                // Everything was given back: the journal has nothing left to say. Otherwise the next build recovers it.
                File.Delete(context.Journal.Path);
            }

            ownership.Dispose();
        }
    }

    private BuildContext CreateContext(BuildSpec spec, BuildPaths paths, BuildOptions options, BuildJournal journal)
    {
        var context = new BuildContext(spec, paths, runner, loggerFactory)
        {
            Announce = options.Announce,
            JobSlot = options.JobSlot,
            Secrets = (runner as CommandRunner)?.Secrets ?? new SecretStore(),
            Journal = journal,
        };
        options.ContextCreated(context);
        return context;
    }

    /// <summary>Every note the user sees is in the build's log too.</summary>
    private Action<string> Noting(Action<string> announce) => message =>
    {
        LogNote(_notes, message);
        announce(message);
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "note: {Message}")]
    private static partial void LogNote(ILogger logger, string message);
}
