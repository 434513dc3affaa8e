using Kiln.Plugins.CloudInit;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.CloudInit;

public sealed class CloudConfigTests
{
    [Fact]
    public void The_module_lists_and_the_default_users_groups_are_read()
    {
        var config = CloudConfig.Parse(DebianCloudConfig.Text);

        config.ModuleLists["cloud_init_modules"].Select(m => m.Render()).ShouldBe(["seed_random", "bootcmd", "write-files", "growpart", "resizefs", "users-groups", "ssh"]);
        config.ModuleLists["cloud_config_modules"].Select(m => m.Render()).ShouldBe(["locale", "[runcmd, always]"]);
        config.ModuleLists["cloud_final_modules"].Select(m => m.Render()).ShouldBe(["scripts-user", "final-message"]);
        config.DefaultGroups.ShouldBe(["adm", "audio", "cdrom", "dialout", "dip", "floppy", "plugdev", "sudo", "video"]);
    }

    [Fact]
    public void Groups_written_as_one_comma_separated_string_are_split()
    {
        CloudConfig.Parse("system_info:\n  default_user:\n    groups: adm, sudo\n").DefaultGroups.ShouldBe(["adm", "sudo"]);
    }

    [Fact]
    public void A_config_without_lists_has_empty_ones()
    {
        var config = CloudConfig.Parse("users: [default]\n");

        config.ModuleLists.Keys.ShouldBe(["cloud_init_modules", "cloud_config_modules", "cloud_final_modules"]);
        config.ModuleLists.Values.ShouldAllBe(list => list.Count == 0);
        config.DefaultGroups.ShouldBeEmpty();
    }
}
