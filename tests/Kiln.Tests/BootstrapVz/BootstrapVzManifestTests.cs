using Kiln.Builds;
using Kiln.Manifests;
using Shouldly;
using Xunit;

namespace Kiln.Tests.BootstrapVz;

/// <summary>
/// bootstrap-vz's own manifests for the providers of issue 9, unchanged: each validates and plans (what a dry run
/// walks), or is refused with one reason per problem that says what changed since bootstrap-vz. official/oracle/jessie.yml
/// is refused for three reasons at once: Providers/Oracle/OracleManifestsTests asserts each.
/// </summary>
public sealed class BootstrapVzManifestTests
{
    /// <summary>Every vendored manifest and what Kiln says of it: null when it validates and plans.</summary>
    public static TheoryData<string, string?> Manifests() => new()
    {
        { "examples/docker/jessie-minimized.yml", null },
        { "examples/docker/stretch-minimized.yml", null },
        { "examples/docker/stretch.yml", null },
        { "examples/virtualbox/jessie-vagrant.yml", "Kiln does not install VirtualBox Guest Additions from an ISO" },
        { "examples/virtualbox/stretch-vagrant.yml", "Kiln does not install VirtualBox Guest Additions from an ISO" },
        { "examples/virtualbox/wheezy-vagrant.yml", "Kiln does not install VirtualBox Guest Additions from an ISO" },
        { "examples/virtualbox/wheezy.yml", "Kiln does not install VirtualBox Guest Additions from an ISO" },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void A_bootstrap_vz_manifest_validates_and_plans_or_is_refused_saying_what_changed(string manifest, string? refusal)
    {
        var path = Path.Combine(Repository.Root, "tests", "Kiln.Tests", "BootstrapVz", "manifests", manifest);
        try
        {
            var spec = new ManifestReader(TestManifests.Registry).Read(ManifestLoader.LoadFile(path), TestManifests.BuildTime, TestManifests.Options);
            var plan = BuildPlanning.CreatePlan(spec, TestManifests.Registry);
            refusal.ShouldBeNull($"{manifest} was accepted");
            plan.Describe().ShouldNotBeEmpty();
        }
        catch (ManifestException exception)
        {
            refusal.ShouldNotBeNull(string.Join("\n", exception.Errors));
            var error = exception.Errors.ShouldHaveSingleItem(string.Join("\n", exception.Errors));
            error.Message.ShouldContain(refusal);
            error.Location.File.ShouldBe(path);
            error.Location.Line.ShouldBeGreaterThan(0);
        }
    }
}
