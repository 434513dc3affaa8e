using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>Adds sudo.</summary>
public sealed class AddSudoPackage : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding sudo";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("sudo");
        return Task.CompletedTask;
    }
}
