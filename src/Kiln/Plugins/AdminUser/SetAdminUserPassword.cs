using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.AdminUser;

/// <summary>Sets the administrator's password with chpasswd; the password never appears in a log.</summary>
public sealed class SetAdminUserPassword : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Setting the administrator's password";

    public override IReadOnlyList<Type> Predecessors => [typeof(CreateAdminUser)];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AdminUserSettings>();
        var password = settings.Password!;
        context.Secrets.Add(password);
        var command = new CommandLine("chpasswd") { StandardInput = $"{settings.Username}:{password}\n", Secrets = [password] };
        await context.Chroot.RunAsync(command, cancellationToken);
    }
}
