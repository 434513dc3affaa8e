using Kiln.Common;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>Puts the public key into the administrator's ~/.ssh/authorized_keys, owned by the user, as sshd requires.</summary>
public sealed class InstallAdminUserPublicKey : BuildTask
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing the administrator's SSH key";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateAdminUser)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AdminUserSettings>();
        var (keys, problem) = PublicKeyFile.Parse(await File.ReadAllTextAsync(settings.PublicKeyFile!, cancellationToken));
        if (problem is not null)
        {
            throw new UserInputException($"{settings.PublicKeyFile} {problem}");
        }

        var directory = $"{settings.Home}/.ssh";
        context.WriteFile($"{directory}/authorized_keys", string.Concat(keys.Select(key => key + "\n")), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(context.Paths.InRoot(directory), OwnerOnly);
        await context.Chroot.RunAsync(new CommandLine("chown", "-R", $"{settings.Username}:", directory), cancellationToken);
    }
}
