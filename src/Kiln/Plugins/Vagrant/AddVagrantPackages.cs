using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>What Vagrant uses in a guest: sudo for provisioning and nfs-common for NFS synced folders (bootstrap-vz's nfs-client).</summary>
public sealed class AddVagrantPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding sudo and the NFS client for Vagrant";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("sudo");
        context.Packages.Add("nfs-common");
        return Task.CompletedTask;
    }
}
