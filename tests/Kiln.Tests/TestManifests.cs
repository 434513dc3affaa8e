using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;
using Shouldly;

namespace Kiln.Tests;

/// <summary>Manifests for tests: YAML text turned into documents and typed manifests, at a fixed build time.</summary>
public static class TestManifests
{
    /// <summary>Where test manifests pretend to live; relative paths in them resolve against /srv/manifests.</summary>
    public const string FilePath = "/srv/manifests/test.yml";

    /// <summary>The smallest manifest the core and kvm schemas accept.</summary>
    public const string Minimal = """
        name: test-{system.release}
        provider:
          name: kvm
        bootstrapper: {}
        system:
          release: bookworm
        volume:
          backing: raw
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        """;

    public static readonly DateTimeOffset BuildTime = new(2024, 3, 5, 14, 7, 9, TimeSpan.Zero);

    private static readonly Lazy<ExtensionRegistry> DefaultRegistry = new(ExtensionRegistry.CreateDefault);

    /// <summary>The built-in providers and plugins (created once: loading their schemas takes a moment).</summary>
    public static ExtensionRegistry Registry => DefaultRegistry.Value;

    public static ManifestDocument Document(string yaml, string path = FilePath) => ManifestLoader.LoadText(yaml, path);

    /// <summary>Binds without schema validation, asserting that binding itself reports nothing.</summary>
    public static Manifest Bind(string yaml, string path = FilePath)
    {
        var errors = new List<ManifestError>();
        var manifest = ManifestBinder.Bind(Document(yaml, path), BuildTime, errors);
        errors.ShouldBeEmpty();
        return manifest;
    }

    /// <summary>Reads the way <c>kiln build</c> does: every schema part and every semantic check.</summary>
    public static Manifest Read(string yaml, string path = FilePath) => new ManifestReader(Registry).Read(Document(yaml, path), BuildTime);

    /// <summary>The errors reading reports, or none.</summary>
    public static IReadOnlyList<ManifestError> ErrorsOf(string yaml, string path = FilePath)
    {
        try
        {
            Read(yaml, path);
            return [];
        }
        catch (ManifestException exception)
        {
            return exception.Errors;
        }
    }
}
