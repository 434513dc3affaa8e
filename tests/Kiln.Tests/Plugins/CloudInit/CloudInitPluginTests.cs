using Kiln.Plugins.CloudInit;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.CloudInit;

public sealed class CloudInitPluginTests
{
    [Fact]
    public void Bootstrap_vzs_options_are_valid()
    {
        TestManifests.ErrorsOf(WithPlugin("""
            {username: admin, groups: [docker], metadata_sources: 'Ec2, None', disable_modules: [landscape, byobu],
                  enable_modules: {cloud_init_modules: [{module: growpart, position: 4}]}}
            """)).ShouldBeEmpty();
    }

    [Fact]
    public void A_data_source_cloud_init_does_not_know_is_reported_with_its_spelling()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: admin, metadata_sources: 'nocloud, Nowhere'}"), "m.yml").Select(e => e.ToString()).ShouldBe(
        [
            "m.yml:15:51: cloud-init spells the data source `nocloud` as `NoCloud`",
            "m.yml:15:51: `Nowhere` is not a cloud-init data source; known: Akamai, AliYun, AltCloud, Azure, Bigstep, CloudCIX, CloudSigma, CloudStack, ConfigDrive, DigitalOcean, Ec2, Exoscale, GCE, Hetzner, IBMCloud, LXD, MAAS, NWCS, NoCloud, None, OVF, OpenNebula, OpenStack, Oracle, RbxCloud, Scaleway, SmartOS, UpCloud, VMware, Vultr, WSL",
        ]);
    }

    [Fact]
    public void A_module_both_enabled_and_disabled_is_reported_at_the_enabled_one()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: admin, disable_modules: [write-files], enable_modules: {cloud_final_modules: [{module: write_files, position: 2}]}}"), "m.yml")
            .Select(e => e.ToString())
            .ShouldBe(["m.yml:15:113: the module `write_files` is in disable_modules too; keep it in one of the two"]);
    }

    [Fact]
    public void A_position_below_1_is_rejected_with_how_positions_count()
    {
        TestManifests.ErrorsOf(WithPlugin("{username: admin, enable_modules: {cloud_init_modules: [{module: ansible, position: 0}]}}"), "m.yml").Select(e => e.ToString())
            .ShouldBe(["m.yml:15:99: `plugins.cloud_init.enable_modules.cloud_init_modules[0].position`: number too small (where the module goes, counted from the list's heading as in bootstrap-vz (2 is the first entry))"]);
    }

    [Fact]
    public void The_plugin_adds_the_packages_and_the_configuration()
    {
        var tasks = new TaskSet();

        new CloudInitPlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{username: admin}")));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddCloudInitPackages", "ConfigureCloudInit"]);
    }

    public static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  cloud_init: {settings}\n";
}
