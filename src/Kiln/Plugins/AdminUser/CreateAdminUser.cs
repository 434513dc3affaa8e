using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>Creates the administrator with a home directory and bash as its shell.</summary>
public sealed class CreateAdminUser : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Creating the administrator";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var username = context.Spec.SettingsOf<AdminUserSettings>().Username;
        var passwd = context.Paths.InRoot("/etc/passwd");
        if (File.Exists(passwd) && File.ReadLines(passwd).Any(line => line.StartsWith(username + ":", StringComparison.Ordinal)))
        {
            // Packages make their own accounts (sshd, _chrony, messagebus ...), which validation cannot know.
            throw new UserInputException($"admin_user: the image already has an account named `{username}` (made by one of its packages); choose another plugins.admin_user.username");
        }

        await context.Chroot.RunAsync(new CommandLine("useradd", "--create-home", "--shell", "/bin/bash", username), cancellationToken);
    }
}
