namespace Kiln.Tests.Providers.Azure;

/// <summary>The smallest azure manifest the schemas and the provider's rules accept, and variations of it.</summary>
public static class AzureManifests
{
    public const string Minimal = """
        name: azure-{system.release}
        provider:
          name: azure
          container: vhds
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: vhd
          partitions:
            type: gpt
            root:
              filesystem: ext4
              size: 1920MiB
        """;

    /// <summary>The minimal manifest with more provider keys (indented by the caller's two spaces).</summary>
    public static string WithProvider(string keys) => Minimal.Replace("  container: vhds", "  container: vhds\n" + keys, StringComparison.Ordinal);
}
