using Kiln.Common;
using Kiln.Common.Apt;
using Kiln.Tasks;

namespace Kiln.Plugins.AptProxy;

/// <summary>
/// Puts the proxy into the image's apt configuration before the bootstrap, so mmdebstrap's apt and every later
/// apt run use it, and into the bootstrapper's environment, where debootstrap's own downloads (wget) find it.
/// </summary>
public sealed class SetAptProxy : BuildTask
{
    public const string ConfigPath = "/etc/apt/apt.conf.d/02proxy";

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Sending apt's downloads through the proxy";

    public override IReadOnlyList<Type> Predecessors => [typeof(PrepareAptConfiguration)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Spec.SettingsOf<AptProxySettings>();
        if (settings.HasCredentials)
        {
            context.Secrets.Add(settings.Password!);
            context.Secrets.Add(Uri.EscapeDataString(settings.Password!));
        }

        // With credentials in it the file is root's alone, as apt's auth.conf is.
        var mode = settings.HasCredentials ? UnixFileMode.UserRead | UnixFileMode.UserWrite : ImageFiles.Regular;
        context.EarlyFiles[ConfigPath] = EarlyFile.Text(Configuration(settings), mode);
        context.BootstrapEnvironment["http_proxy"] = settings.Url;
        return Task.CompletedTask;
    }

    public static string Configuration(AptProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ImageFiles.Asset<SetAptProxy>("Plugins/AptProxy/assets/02proxy").Replace("@PROXY_URL@", settings.Url, StringComparison.Ordinal);
    }
}
