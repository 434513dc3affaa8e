using Kiln.Specs;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.Ec2Launch;

/// <summary>The ec2_launch plugin's settings: bootstrap-vz's keys, and Kiln's <c>terminate</c>.</summary>
public sealed record Ec2LaunchSettings
{
    public const string DefaultInstanceType = "t3.micro";

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public string InstanceType { get; init; } = DefaultInstanceType;

    public string? SshKey { get; init; }

    /// <summary>The file for the public IP, made absolute against the manifest's directory.</summary>
    public string? PrintPublicIp { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool DeregisterAmi { get; init; }

    public bool Terminate { get; init; }

    public SourceMap Where { get; init; } = SourceMap.None;

    public static Ec2LaunchSettings Bind(SettingsSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = section.Object;
        return new Ec2LaunchSettings
        {
            SecurityGroupIds = settings["security_group_ids"] is JArray groups ? [.. groups.Select(g => (string)g!)] : [],
            InstanceType = (string?)settings["instance_type"] ?? DefaultInstanceType,
            SshKey = (string?)settings["ssh_key"],
            PrintPublicIp = (string?)settings["print_public_ip"] is { } file ? section.FullPath(file) : null,
            Tags = (settings["tags"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal),
            DeregisterAmi = settings["deregister_ami"] is JValue { Value: true },
            Terminate = settings["terminate"] is JValue { Value: true },
            Where = section.Locations,
        };
    }
}
