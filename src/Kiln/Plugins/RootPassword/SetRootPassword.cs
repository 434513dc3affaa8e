using System.Security.Cryptography;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.RootPassword;

/// <summary>Sets root's password with chpasswd in the chroot; the password never appears in a log.</summary>
public sealed class SetRootPassword : BuildTask
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Setting the root password";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<RootPasswordSettings>();
        var crypted = settings.Crypted is not null;
        var secret = settings.Crypted ?? settings.Password ?? RandomPassword();
        context.Secrets.Add(secret);
        var arguments = crypted ? new[] { "--encrypted" } : [];
        await context.Chroot.RunAsync(new CommandLine("chpasswd", arguments) { StandardInput = $"root:{secret}\n", Secrets = [secret] }, cancellationToken);
        if (settings.Random)
        {
            context.Notices.Add($"root password (shown only now): {secret}");
            context.StateOf<GeneratedRootPassword>().Password = secret;
        }
    }

    public static string RandomPassword() => RandomNumberGenerator.GetString(Alphabet, 20);
}
