using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Locale;

/// <summary>Generates the manifest's locale (unless it is C or POSIX) and makes it the system default (/etc/locale.conf).</summary>
public sealed class ConfigureLocale : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring the locale";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var system = context.Manifest.System;
        var locale = system.LocaleName;
        if (!system.IsBuiltInLocale)
        {
            context.WriteFile("/etc/locale.gen", $"{locale} {system.Charmap}\n");
            await context.Chroot.RunAsync(new CommandLine("locale-gen"), cancellationToken);
        }

        // systemd reads /etc/locale.conf; from trixie on Debian makes /etc/default/locale a link to it at
        // every boot (tmpfiles L+), before that it is a file of its own that pam_env reads.
        context.WriteFile("/etc/locale.conf", $"LANG={locale}\n");
        var defaults = context.Paths.InRoot("/etc/default/locale");
        File.Delete(defaults);
        if (context.Release >= Manifests.ReleaseCatalog.Trixie)
        {
            File.CreateSymbolicLink(defaults, "../locale.conf");
        }
        else
        {
            context.WriteFile("/etc/default/locale", $"LANG={locale}\n");
        }
    }
}
