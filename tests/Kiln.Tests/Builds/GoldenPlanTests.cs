using Kiln.Builds;
using Kiln.Extensions;
using Kiln.Manifests;
using Xunit;

namespace Kiln.Tests.Builds;

/// <summary>
/// The ordered plan (tasks with their phases) of every example manifest, against a reviewed golden file, so a
/// change in ordering shows in review. Re-accept with KILN_ACCEPT_GOLDEN=1 after reading the difference.
/// </summary>
public sealed class GoldenPlanTests
{
    public static TheoryData<string> Examples() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Repository.ManifestsDirectory, "examples"), "*.yml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Path.Combine(Repository.ManifestsDirectory, "examples"), path))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_plan_of_every_example_manifest_is_the_reviewed_one(string example)
    {
        // Some examples use the sample third-party plugin, which the system tests load from samples/plugins/motd.
        var registry = ExtensionRegistry.CreateDefault();
        registry.AddPlugin(new Kiln.Samples.Motd.MotdPlugin(), "samples/plugins/motd");
        var path = Path.Combine(Repository.ManifestsDirectory, "examples", example);
        var spec = new ManifestReader(registry).Read(ManifestLoader.LoadFile(path), TestManifests.BuildTime, TestManifests.Options);

        var plan = BuildPlanning.CreatePlan(spec, registry);

        Golden.VerifyNamed($"# {example}: {spec.Platform}\n{plan.Describe()}", example.Replace('/', '_').Replace(".yml", string.Empty, StringComparison.Ordinal));
    }
}
