using Kiln.Tasks;

namespace Kiln.Common.Locale;

/// <summary>Adds the locales package unless the locale is built into libc (C and POSIX).</summary>
public sealed class AddLocalePackages : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding the locale packages";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Manifest.System.IsBuiltInLocale)
        {
            context.Packages.Add("locales");
        }

        if (!TimezoneSetting.IsUtc(context.Manifest.System.Timezone))
        {
            context.Packages.Add("tzdata");
        }

        return Task.CompletedTask;
    }
}
