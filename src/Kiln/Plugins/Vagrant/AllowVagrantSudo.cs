using Kiln.Common;
using Kiln.Host;
using Kiln.Plugins.AdminUser;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>Lets the vagrant user run anything with sudo and no password (checked with visudo).</summary>
public sealed class AllowVagrantSudo : BuildTask
{
    public const string SudoersPath = "/etc/sudoers.d/vagrant";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Allowing the vagrant user to use sudo";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateVagrantUser)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile(SudoersPath, ImageFiles.Asset<AllowVagrantSudo>("Plugins/Vagrant/assets/sudoers"), AllowPasswordlessSudo.SudoersMode);
        await context.Chroot.RunAsync(new CommandLine("visudo", "--check", "--file", SudoersPath), cancellationToken);
    }
}
