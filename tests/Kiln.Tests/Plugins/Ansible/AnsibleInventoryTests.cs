using Kiln.Plugins.Ansible;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ansible;

public sealed class AnsibleInventoryTests
{
    [Fact]
    public void Without_groups_the_image_is_the_one_ungrouped_host()
    {
        AnsibleInventory.Render("web1", "/var/tmp/kiln/kiln-1/root", []).ShouldBe("""
            # Written by Kiln: the image's root tree, reached through Ansible's chroot connection.
            web1 ansible_connection=community.general.chroot ansible_host="/var/tmp/kiln/kiln-1/root" ansible_python_interpreter=/usr/bin/python3

            """);
    }

    [Fact]
    public void The_image_is_a_member_of_every_group()
    {
        AnsibleInventory.Render("web1", "/w/root", ["webservers", "eu"]).ShouldBe("""
            # Written by Kiln: the image's root tree, reached through Ansible's chroot connection.
            [webservers]
            web1 ansible_connection=community.general.chroot ansible_host="/w/root" ansible_python_interpreter=/usr/bin/python3
            [eu]
            web1 ansible_connection=community.general.chroot ansible_host="/w/root" ansible_python_interpreter=/usr/bin/python3

            """);
    }
}
