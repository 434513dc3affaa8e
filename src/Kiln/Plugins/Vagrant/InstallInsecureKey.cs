using Kiln.Common;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// Puts Vagrant's well-known insecure public keys (RSA, and ED25519 for Vagrant 2.3.8 and later) into the vagrant
/// user's authorized_keys. Their private halves ship with Vagrant, so anyone can log in with them: Vagrant
/// replaces them with a key of its own at the first <c>vagrant up</c>.
/// </summary>
public sealed class InstallInsecureKey : BuildTask
{
    public const string Home = "/home/" + CreateVagrantUser.User;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing Vagrant's insecure public key";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateVagrantUser)];

    public static string AuthorizedKeys => ImageFiles.Asset<InstallInsecureKey>("Plugins/Vagrant/assets/authorized_keys");

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WriteFile($"{Home}/.ssh/authorized_keys", AuthorizedKeys, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(context.Paths.InRoot($"{Home}/.ssh"), OwnerOnly);
        await context.Chroot.RunAsync(new CommandLine("chown", "-R", $"{CreateVagrantUser.User}:{CreateVagrantUser.User}", $"{Home}/.ssh"), cancellationToken);
    }
}
