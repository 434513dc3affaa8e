using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Writes extlinux.conf for the installed kernel, with the root named by UUID.</summary>
public sealed class ConfigureExtlinux : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring extlinux";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var layout = context.RequireLayout();
        var kernel = KernelFiles.Find(context);
        context.WriteFile("/boot/extlinux/extlinux.conf", ExtlinuxConfiguration.Render(layout, kernel, context.KernelParameters));
        return Task.CompletedTask;
    }
}
