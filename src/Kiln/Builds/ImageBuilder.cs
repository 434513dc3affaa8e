using System.Globalization;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;

namespace Kiln.Builds;

/// <summary>Runs a plan for a manifest: creates the build context, checks the preconditions, and executes with rollback.</summary>
public sealed class ImageBuilder(ILoggerFactory loggerFactory, ICommandRunner runner, IBuildObserver observer)
{
    public async Task<(ExecutionResult Result, BuildContext Context)> RunAsync(Manifest manifest, Plan plan, BuildOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.DryRun && Environment.UserName != "root")
        {
            throw new UserInputException("kiln build needs root (it runs chroot, mount and losetup); run it with sudo, or use --dry-run to see the plan");
        }

        var workspace = manifest.Bootstrapper.Workspace;
        var buildId = $"kiln-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        var output = Path.GetFullPath(options.OutputDirectory ?? workspace);
        var paths = new BuildPaths(workspace, buildId, output);
        var context = new BuildContext(manifest, paths, runner, loggerFactory)
        {
            Announce = options.Announce,
            Secrets = (runner as CommandRunner)?.Secrets ?? new SecretStore(),
        };
        var executor = new Executor(loggerFactory.CreateLogger<Executor>(), observer);
        var execution = new ExecutionOptions { DryRun = options.DryRun, BeforeRollback = options.BeforeRollback };
        var result = await executor.RunAsync(plan, context, execution, cancellationToken);
        return (result, context);
    }
}
