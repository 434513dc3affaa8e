using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Common.Locale;

/// <summary>Generates the manifest's locale (unless it is C or POSIX) and makes it the system default.</summary>
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

        context.WriteFile("/etc/default/locale", $"LANG={locale}\n");
    }
}
