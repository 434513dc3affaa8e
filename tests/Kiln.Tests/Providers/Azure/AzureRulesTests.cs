using Shouldly;
using Xunit;

namespace Kiln.Tests.Providers.Azure;

/// <summary>What the azure provider refuses, each with the reason and what to write instead, at the key's line and column.</summary>
public sealed class AzureRulesTests
{
    private static IReadOnlyList<string> Errors(string yaml) => [.. TestManifests.ErrorsOf(yaml, "m.yml").Select(e => e.ToString())];

    [Fact]
    public void The_minimal_manifest_is_accepted()
    {
        Errors(AzureManifests.Minimal).ShouldBeEmpty();
    }

    [Fact]
    public void Bootstrap_vzs_waagent_version_is_refused_because_debian_packages_the_agent()
    {
        Errors(AzureManifests.WithProvider("  waagent:\n    version: 2.0.14")).ShouldHaveSingleItem()
            .ShouldStartWith("m.yml:6:14: waagent.version chose the WALinuxAgent release bootstrap-vz downloaded");
    }

    [Fact]
    public void A_waagent_conf_must_be_a_file_on_the_host_and_is_installed_into_the_image()
    {
        Errors(AzureManifests.WithProvider("  waagent:\n    conf: /nonexistent/waagent.conf")).ShouldHaveSingleItem()
            .ShouldBe("m.yml:6:11: waagent.conf names /nonexistent/waagent.conf, which is no file on this host; give the path of a waagent.conf or remove the key");
        var conf = Path.GetTempFileName();
        try
        {
            var spec = TestManifests.Read(AzureManifests.WithProvider($"  waagent:\n    conf: {conf}"));
            var tasks = new Kiln.Tasks.TaskSet();
            spec.Provider.ResolveTasks(tasks, spec);
            tasks.Contains<Kiln.Providers.Azure.InstallWaagentConfiguration>().ShouldBeTrue();
        }
        finally
        {
            File.Delete(conf);
        }
    }

    [Fact]
    public void The_generation_must_match_the_firmware()
    {
        Errors(AzureManifests.WithProvider("  generation: 1").Replace("  release: trixie", "  release: trixie\n  firmware: uefi", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldBe("m.yml:5:15: generation 1 machines start from a BIOS, but system.firmware is uefi; use generation: 2, or firmware bios or hybrid");
        Errors(AzureManifests.WithProvider("  generation: 2").Replace("  release: trixie", "  release: trixie\n  firmware: bios", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldStartWith("m.yml:5:15: generation 2 machines start from UEFI, but the image boots from a BIOS");
    }

    [Fact]
    public void Arm64_images_are_generation_2_and_i386_is_refused()
    {
        Errors(AzureManifests.WithProvider("  generation: 1").Replace("  release: trixie", "  release: trixie\n  architecture: arm64", StringComparison.Ordinal)).ShouldContain(
            "m.yml:5:15: Azure's arm64 machines are generation 2 (UEFI) only; use generation: 2");
        Errors(AzureManifests.Minimal.Replace("  release: trixie", "  release: trixie\n  architecture: i386", StringComparison.Ordinal)).ShouldContain(
            e => e.Contains("Azure runs amd64 and arm64 images", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_group_needs_a_location_and_the_other_way_round()
    {
        Errors(AzureManifests.WithProvider("  resource_group: kiln-images")).ShouldHaveSingleItem()
            .ShouldStartWith("m.yml:5:19: the image is created in provider.location, which is not set");
        Errors(AzureManifests.WithProvider("  location: westeurope")).ShouldHaveSingleItem()
            .ShouldStartWith("m.yml:5:13: location is the region of the image Kiln creates in provider.resource_group");
    }

    [Fact]
    public void Only_a_vhd_is_written()
    {
        Errors(AzureManifests.Minimal.Replace("backing: vhd", "backing: raw", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("`raw` is not allowed");
    }
}
