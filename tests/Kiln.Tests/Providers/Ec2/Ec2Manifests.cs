namespace Kiln.Tests.Providers.Ec2;

/// <summary>The smallest ec2 manifest the schemas and the provider's rules accept, and variations of it.</summary>
public static class Ec2Manifests
{
    public const string Minimal = """
        name: ami-{system.release}
        provider:
          name: ec2
          bucket: kiln-images
          region: eu-west-1
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: ebs
          partitions:
            type: gpt
            root:
              filesystem: ext4
              size: 1920MiB
        """;

    /// <summary>The minimal manifest with more provider keys (indented by the caller's two spaces).</summary>
    public static string WithProvider(string keys) => Minimal.Replace("  region: eu-west-1", "  region: eu-west-1\n" + keys, StringComparison.Ordinal);
}
