namespace Kiln.Tests.Fakes;

/// <summary>An instance <see cref="FakeEc2Api"/> launched: what RunInstances asked for, and its state (pending, running, terminated).</summary>
public sealed class FakeInstance(string id, string imageId, string instanceType, string? keyName, IReadOnlyList<string> securityGroupIds, IReadOnlyDictionary<string, string> tags)
{
    public string Id { get; } = id;

    public string ImageId { get; } = imageId;

    public string InstanceType { get; } = instanceType;

    public string? KeyName { get; } = keyName;

    public IReadOnlyList<string> SecurityGroupIds { get; } = securityGroupIds;

    public IReadOnlyDictionary<string, string> Tags { get; } = tags;

    public string State { get; set; } = "pending";

    public int Polls { get; set; }
}
