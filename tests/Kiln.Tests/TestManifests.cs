using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;
using Kiln.Specs;
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

    /// <summary>The UUIDs test layouts get: …0001, …0002, in the order the layout asks for them.</summary>
    public static ResolveOptions Options => new() { NewUuid = new Fakes.SequentialGuids().Next, HostMachine = "x86_64", OutputDirectory = TestBuildContexts.Paths.OutputDirectory };

    /// <summary>Binds the core sections only, without schema validation, asserting that binding itself reports nothing.</summary>
    public static Manifest BindCore(string yaml, string path = FilePath)
    {
        var errors = new List<ManifestError>();
        var manifest = ManifestBinder.Bind(Document(yaml, path), BuildTime, errors);
        errors.ShouldBeEmpty();
        return manifest;
    }

    /// <summary>Resolves the whole spec without schema validation and semantic checks, asserting that resolving reports nothing.</summary>
    public static BuildSpec Bind(string yaml, string path = FilePath, ResolveOptions? options = null)
    {
        var errors = new List<ManifestError>();
        var spec = SpecResolver.Resolve(Document(yaml, path), Registry, BuildTime, options ?? Options, errors);
        errors.ShouldBeEmpty();
        return spec;
    }

    /// <summary>Reads the way <c>kiln build</c> does: every schema part, the resolve step and every semantic check.</summary>
    public static BuildSpec Read(string yaml, string path = FilePath) => new ManifestReader(Registry).Read(Document(yaml, path), BuildTime, Options);

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
