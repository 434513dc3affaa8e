using Kiln.Providers.Azure.Publishing;
using Kiln.Providers.Ec2.Publishing;
using Kiln.Providers.Oracle.Publishing;
using Kiln.Providers.Gce.Publishing;

namespace Kiln.Publishing;

/// <summary>The clouds Kiln publishes to, by the name journals and publication records use.</summary>
public static class Clouds
{
    public static IReadOnlyList<ICloud> All { get; } = [new Ec2Cloud(), new GceCloud(), new AzureCloud(), new OracleCloud()];

    public static ICloud? Find(string name) => All.FirstOrDefault(cloud => cloud.Name == name);

    public static ICloud Require(string name) =>
        Find(name) ?? throw new UserInputException($"the publication record names the cloud `{name}`, which Kiln does not publish to; known: {string.Join(", ", All.Select(c => c.Name))}");
}
