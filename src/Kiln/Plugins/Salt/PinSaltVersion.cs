using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.Salt;

/// <summary>
/// Pins the Salt packages to the manifest's version, the way Salt's install guide does. The pin is in place
/// before the bootstrap's apt run, so that run already installs that version, and it stays in the image so
/// that upgrades keep to it.
/// </summary>
public sealed class PinSaltVersion : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Pinning the Salt version";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var version = context.Spec.SettingsOf<SaltSettings>().Version!;
        context.EarlyFiles[SaltMinionFiles.PinPath] = EarlyFile.Text(SaltMinionFiles.Pin(version));
        return Task.CompletedTask;
    }
}
