using Kiln.Common;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.Chef;

/// <summary>
/// Copies the manifest's Chef assets (client.rb, keys, run lists) into /etc/chef. Files keep their modes, so
/// a key the user keeps private stays private; they belong to root in the image.
/// </summary>
public sealed class CopyChefAssets : BuildTask
{
    public const string ChefDirectory = "/etc/chef";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Copying the Chef assets to /etc/chef";

    public override IEnumerable<HostTool> Tools => [new HostTool("cp", "coreutils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assets = context.Spec.SettingsOf<ChefSettings>().AssetsDirectory!;
        var target = context.Paths.InRoot(ChefDirectory);
        Directory.CreateDirectory(target);
        await context.Runner.RunCheckedAsync(AssetsCopy.Command(assets, target), cancellationToken);
    }
}
