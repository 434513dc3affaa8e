using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// Creates the <c>vagrant</c> user with bash and the password <c>vagrant</c>, as Vagrant's base box conventions ask
/// (and root's password is <c>vagrant</c> too unless the root_password plugin sets one).
/// </summary>
public sealed class CreateVagrantUser : BuildTask
{
    public const string User = "vagrant";

    /// <summary>The well-known password of Vagrant base boxes: public by design, as the insecure key is.</summary>
    public const string Password = "vagrant";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Creating the vagrant user";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Chroot.RunAsync(new CommandLine("useradd", "--create-home", "--shell", "/bin/bash", User), cancellationToken);
        var accounts = context.Spec.HasPlugin(RootPassword.RootPasswordPlugin.PluginName) ? $"{User}:{Password}\n" : $"{User}:{Password}\nroot:{Password}\n";
        await context.Chroot.RunAsync(new CommandLine("chpasswd") { StandardInput = accounts }, cancellationToken);
    }
}
