using Kiln.Tasks;

namespace Kiln.Plugins.CloudInit;

/// <summary>
/// Adds cloud-init, sudo (for the default user's sudo rule) and cloud-guest-utils (growpart, for cloud-init's
/// growpart module; a recommendation of cloud-init that an install without recommends would miss).
/// </summary>
public sealed class AddCloudInitPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding cloud-init";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var package in new[] { "cloud-init", "cloud-guest-utils", "sudo" })
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
