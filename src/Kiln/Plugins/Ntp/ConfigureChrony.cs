using Kiln.Common;
using Kiln.Common.Services;
using Kiln.Tasks;

namespace Kiln.Plugins.Ntp;

/// <summary>
/// Points chrony at the manifest's servers (a sources file, with Debian's pool commented out so that only
/// they are used) and enables it.
/// </summary>
public sealed class ConfigureChrony : BuildTask
{
    public const string ConfigurationPath = "/etc/chrony/chrony.conf";

    public const string SourcesPath = "/etc/chrony/sources.d/kiln.sources";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Configuring chrony";

    public override IReadOnlyList<Type> Successors => [typeof(EnableUnits)];

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.EnabledUnits.Add("chrony.service");
        var servers = context.Spec.SettingsOf<NtpSettings>().Servers;
        if (servers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var configuration = context.Paths.InRoot(ConfigurationPath);
        if (!File.Exists(configuration))
        {
            throw new KilnException($"chrony is installed but {ConfigurationPath} is missing from the image");
        }

        File.WriteAllText(configuration, ChronyConfiguration.WithoutDefaultSources(File.ReadAllText(configuration)));
        context.WriteFile(SourcesPath, ChronyConfiguration.SourcesFile(servers));
        return Task.CompletedTask;
    }
}
