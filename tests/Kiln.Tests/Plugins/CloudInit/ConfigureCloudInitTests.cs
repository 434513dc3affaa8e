using Kiln.Plugins.CloudInit;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.CloudInit;

public sealed class ConfigureCloudInitTests
{
    [Fact]
    public async Task The_drop_in_is_written_from_the_installed_cloud_cfg()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(CloudInitPluginTests.WithPlugin(
            "{username: admin, metadata_sources: NoCloud, disable_modules: [growpart, byobu], enable_modules: {cloud_init_modules: [{module: ansible, position: 2}]}}")));
        image.Write(ConfigureCloudInit.PackageConfigPath, DebianCloudConfig.Text);
        image.Write("/usr/lib/python3/dist-packages/cloudinit/config/cc_ansible.py", string.Empty);
        image.Write("/usr/lib/python3/dist-packages/cloudinit/sources/DataSourceNoCloud.py", string.Empty);
        var announced = new List<string>();
        image.Context.Announce = announced.Add;

        await new ConfigureCloudInit().RunAsync(image.Context, CancellationToken.None);

        var dropIn = image.Read("/etc/cloud/cloud.cfg.d/90_kiln.cfg");
        dropIn.ShouldContain("datasource_list: [NoCloud]\ncloud_init_modules:\n - ansible\n - seed_random\n - bootcmd\n - write-files\n - resizefs\n");
        announced.ShouldBe(["cloud_init: the module `byobu` in disable_modules is not in this cloud-init's module lists, so it does not run anyway"]);
    }

    [Fact]
    public async Task A_module_this_cloud_init_does_not_have_stops_the_build_with_the_file_it_looked_for()
    {
        using var image = new TemporaryImageRoot(TestManifests.Bind(CloudInitPluginTests.WithPlugin("{username: admin, enable_modules: {cloud_final_modules: [{module: wireguard, position: 2}]}}")));
        image.Write(ConfigureCloudInit.PackageConfigPath, DebianCloudConfig.Text);

        var error = await Should.ThrowAsync<UserInputException>(() => new ConfigureCloudInit().RunAsync(image.Context, CancellationToken.None));

        error.Message.ShouldBe("cloud_init.enable_modules: cloud-init in bookworm has no module `wireguard` (/usr/lib/python3/dist-packages/cloudinit/config/cc_wireguard.py is missing)");
    }
}
