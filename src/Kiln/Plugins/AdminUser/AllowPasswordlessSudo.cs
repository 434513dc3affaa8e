using Kiln.Common;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>Lets the administrator use sudo without a password (a sudoers.d file, checked with visudo before the image is written).</summary>
public sealed class AllowPasswordlessSudo : BuildTask
{
    public const string SudoersPath = "/etc/sudoers.d/99_admin";

    /// <summary>sudo ignores a sudoers file that others can write, and refuses one that is not read-only.</summary>
    public const UnixFileMode SudoersMode = UnixFileMode.UserRead | UnixFileMode.GroupRead;

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Allowing the administrator to use sudo";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var username = context.Spec.SettingsOf<AdminUserSettings>().Username;
        context.WriteFile(SudoersPath, Sudoers(username), SudoersMode);
        await context.Chroot.RunAsync(new CommandLine("visudo", "--check", "--file", SudoersPath), cancellationToken);
    }

    public static string Sudoers(string username) =>
        ImageFiles.Asset<AllowPasswordlessSudo>("Plugins/AdminUser/assets/sudoers").Replace("@USER@", username, StringComparison.Ordinal);
}
