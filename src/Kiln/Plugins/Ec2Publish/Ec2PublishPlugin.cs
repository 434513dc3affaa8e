using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Providers.Ec2;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Plugins.Ec2Publish;

/// <summary>
/// bootstrap-vz's ec2_publish: once the AMI is registered, copy it to more regions, make the AMIs public, and publish
/// the map of region to AMI id as JSON (a local file or an S3 object). It adds no build tasks: the ec2 provider's
/// publication carries it out after RegisterImage, from the publication record (so <c>kiln publish</c> does too).
/// </summary>
public sealed class Ec2PublishPlugin : Plugin<Ec2PublishSettings>
{
    public const string PluginName = "ec2_publish";

    public override string Name => PluginName;

    public override ManifestSchema? Schema { get; } = ManifestSchema.FromResource("plugin ec2_publish", typeof(Ec2PublishPlugin).Assembly, "Plugins/Ec2Publish/manifest-schema.yml");

    public override Ec2PublishSettings Bind(SettingsSection section) => Ec2PublishSettings.Bind(section);

    protected override IEnumerable<ManifestError> Validate(BuildSpec spec, Ec2PublishSettings settings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(settings);
        if (spec.Provider.Name != Ec2Provider.ProviderName)
        {
            yield return new ManifestError(settings.Where.Section, $"ec2_publish publishes AMIs, which only the ec2 provider registers; remove it or use provider ec2 (this manifest's provider is {spec.Provider.Name})");
        }

        if (settings.ManifestUrl is { } url && url.StartsWith("s3://", StringComparison.Ordinal) && url["s3://".Length..].Split('/', 2) is not [{ Length: > 0 }, { Length: > 0 }])
        {
            yield return settings.Where.ErrorAt("manifest_url", $"manifest_url `{url}` names no object; write s3://BUCKET/KEY or a local file path");
        }
    }

    protected override void ResolveTasks(TaskSet tasks, BuildSpec spec, Ec2PublishSettings settings)
    {
        // Nothing to build: the publication copies, shares and lists the AMIs.
    }
}
