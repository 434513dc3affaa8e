using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>bootstrap-vz's <c>waagent.conf</c>: the manifest's file from the build host replaces the agent's <c>/etc/waagent.conf</c>.</summary>
public sealed class InstallWaagentConfiguration : BuildTask
{
    public const string PathInImage = "/etc/waagent.conf";

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Installing the manifest's waagent.conf";

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Spec.SettingsOf<AzureSettings>().WaagentConf!;
        context.WriteFile(PathInImage, await File.ReadAllTextAsync(source, cancellationToken));
    }
}
