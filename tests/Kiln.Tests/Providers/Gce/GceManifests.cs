namespace Kiln.Tests.Providers.Gce;

/// <summary>The smallest gce manifest the schemas and the provider's rules accept, and variations of it.</summary>
public static class GceManifests
{
    public const string Minimal = """
        name: debian-{system.release}
        provider:
          name: gce
          gcs_destination: gs://kiln-images/imports/
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: raw
          partitions:
            type: gpt
            root:
              filesystem: ext4
              size: 1920MiB
        """;

    /// <summary>The minimal manifest with more provider keys (indented by the caller's two spaces).</summary>
    public static string WithProvider(string keys) => Minimal.Replace("  gcs_destination: gs://kiln-images/imports/", "  gcs_destination: gs://kiln-images/imports/\n" + keys, StringComparison.Ordinal);
}
