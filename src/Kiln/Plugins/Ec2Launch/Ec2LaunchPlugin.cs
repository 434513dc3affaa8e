using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Providers.Ec2;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Ec2Launch;

/// <summary>
/// bootstrap-vz's ec2_launch: once the AMI is registered, launch an instance of it (RunInstances), wait until it
/// runs, report its id and addresses (and write the public IP where print_public_ip says), then, when asked,
/// deregister the AMI or terminate the instance. It adds no build tasks: the ec2 provider's publication carries it
/// out after RegisterImage and ec2_publish, from the publication record (so <c>kiln publish</c> does too).
/// </summary>
public sealed class Ec2LaunchPlugin : Plugin<Ec2LaunchSettings>
{
    public const string PluginName = "ec2_launch";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ec2_launch", typeof(Ec2LaunchPlugin).Assembly, "Plugins/Ec2Launch/manifest-schema.yml");

    public override Ec2LaunchSettings Bind(SettingsSection section) => Ec2LaunchSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, Ec2LaunchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        if (spec.Provider.Name != Ec2Provider.ProviderName)
        {
            yield return new ManifestError(settings.Where.Section, $"ec2_launch launches an instance of the AMI, which only the ec2 provider registers; remove it or use provider ec2 (this manifest's provider is {spec.Provider.Name})");
        }

        if (settings.DeregisterAmi && spec.HasPlugin("ec2_publish"))
        {
            yield return settings.Where.ErrorAt("deregister_ami", "deregister_ami deletes the AMI that ec2_publish publishes; remove one of them");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, Ec2LaunchSettings settings)
    {
        // Nothing to build: the publication launches the instance.
    }
}
