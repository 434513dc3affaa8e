using Newtonsoft.Json.Linq;

namespace Kiln.Providers.Ec2.Publishing;

/// <summary>What ec2_launch asks of a publication after RegisterImage: the instance to launch and what to do once it runs.</summary>
public sealed record InstanceLaunching
{
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public required string InstanceType { get; init; }

    public string? KeyName { get; init; }

    public string? PublicIpFile { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool DeregisterAmi { get; init; }

    public bool Terminate { get; init; }

    public JObject ToJson() => new()
    {
        ["security_group_ids"] = new JArray(SecurityGroupIds),
        ["instance_type"] = InstanceType,
        ["ssh_key"] = KeyName,
        ["print_public_ip"] = PublicIpFile,
        ["tags"] = new JObject(Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value))),
        ["deregister_ami"] = DeregisterAmi,
        ["terminate"] = Terminate,
    };

    public static InstanceLaunching From(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new InstanceLaunching
        {
            SecurityGroupIds = data["security_group_ids"] is JArray groups ? [.. groups.Select(g => (string)g!)] : [],
            InstanceType = (string?)data["instance_type"] ?? "t3.micro",
            KeyName = (string?)data["ssh_key"],
            PublicIpFile = (string?)data["print_public_ip"],
            Tags = (data["tags"] as JObject ?? []).Properties().ToDictionary(p => p.Name, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal),
            DeregisterAmi = data["deregister_ami"]?.Value<bool>() == true,
            Terminate = data["terminate"]?.Value<bool>() == true,
        };
    }
}
