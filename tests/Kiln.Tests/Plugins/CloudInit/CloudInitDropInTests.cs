using Kiln.Plugins.CloudInit;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.CloudInit;

public sealed class CloudInitDropInTests
{
    [Fact]
    public void Every_setting_goes_into_one_file_with_the_changed_lists_complete()
    {
        var settings = new CloudInitSettings("admin", ["docker", "sudo"], ["NoCloud", "None"], ["growpart"], [new ModuleInsertion("cloud_init_modules", "ansible", 2)]);
        var config = CloudConfig.Parse(DebianCloudConfig.Text);
        var (changed, _) = ModuleListChanges.Apply(config.ModuleLists, settings.DisableModules, settings.EnableModules);

        Golden.Verify(CloudInitDropIn.Render(settings, config, changed));
    }

    [Fact]
    public void Only_the_username_leaves_the_groups_data_sources_and_lists_to_the_package()
    {
        var settings = new CloudInitSettings("admin", [], [], [], []);

        CloudInitDropIn.Render(settings, CloudConfig.Parse(DebianCloudConfig.Text), new Dictionary<string, IReadOnlyList<ModuleEntry>>()).ShouldBe("""
            # Written by Kiln (cloud_init plugin). cloud-init reads /etc/cloud/cloud.cfg, then the files in this
            # directory in name order; a later file's settings win, and a module list here replaces the one there.
            manage_etc_hosts: true
            system_info:
              default_user:
                name: admin
                sudo: ["ALL=(ALL) NOPASSWD:ALL"]
                shell: /bin/bash

            """);
    }
}
