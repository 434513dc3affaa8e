using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.DockerDaemon;

/// <summary>Starts Docker at boot. docker.io's scripts enable it on a new install too; this holds even if that changes.</summary>
public sealed class EnableDockerDaemon : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Enabling the Docker daemon";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.EnabledUnits.Add("docker.service");
        return Task.CompletedTask;
    }
}
