using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Adds extlinux and its boot sector code to the image.</summary>
public sealed class AddExtlinuxPackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding extlinux";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Packages.Add("extlinux");
        context.Packages.Add("syslinux-common");
        return Task.CompletedTask;
    }
}
