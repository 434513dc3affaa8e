using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>Puts the dpkg path filters into the root before any package is installed, so dpkg never writes those files.</summary>
public sealed class AddDpkgPathFilters : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding dpkg path filters (documentation, man pages, translations)";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (path, text) in DpkgFilterFiles.For(context.Spec.SettingsOf<MinimizeSizeSettings>()))
        {
            context.EarlyFiles[path] = EarlyFile.Text(text);
        }

        return Task.CompletedTask;
    }
}
