using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>sshd without reverse DNS lookups (<c>UseDNS no</c>), as Vagrant's base box conventions ask.</summary>
public sealed class ConfigureSshForVagrant : BuildTask
{
    public const string ConfigPath = "/etc/ssh/sshd_config.d/10-vagrant.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring sshd for Vagrant";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(ConfigPath, ImageFiles.Asset<ConfigureSshForVagrant>("Plugins/Vagrant/assets/sshd-vagrant.conf"));
        return Task.CompletedTask;
    }
}
