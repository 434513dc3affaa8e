using Kiln.Common;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Puppet;

/// <summary>
/// Copies the assets directory into /etc/puppet, Debian's Puppet configuration directory, over what is there;
/// files keep their modes but belong to root in the image.
/// </summary>
public sealed class CopyPuppetAssets : BuildTask
{
    public const string ConfigurationDirectory = "/etc/puppet";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Copying the Puppet assets into /etc/puppet";

    public override IReadOnlyList<Type> Predecessors => [typeof(InstallPuppetModules)];

    public override IEnumerable<HostTool> Tools => [new HostTool("cp", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Paths.InRoot(ConfigurationDirectory);
        Directory.CreateDirectory(target);
        await context.Runner.RunCheckedAsync(AssetsCopy.Command(context.Spec.SettingsOf<PuppetSettings>().Assets!, target), cancellationToken);
    }
}
