using Kiln.Tasks;

namespace Kiln.Plugins.AptProxy;

/// <summary>Removes the proxy setting from the image once the build is done with apt (unless <c>persistent: true</c>).</summary>
public sealed class RemoveAptProxy : BuildTask
{
    public override Phase Phase => Phase.SystemCleaning;

    public override string Description => "Removing the apt proxy setting from the image";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        File.Delete(context.Paths.InRoot(SetAptProxy.ConfigPath));
        return Task.CompletedTask;
    }
}
