using Shouldly;

namespace Kiln.SystemTests;

/// <summary>The same kind of image made with debootstrap (bootstrapper.tool), on a btrfs root.</summary>
[Trait("Category", "System")]
public sealed class DebootstrapTests
{
    [SystemFact]
    public async Task An_image_bootstrapped_with_debootstrap_boots_and_has_the_packages_installed_afterwards()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("kvm/debootstrap.yml"));
        build.Log.ShouldContain("$ debootstrap ");
        build.Log.ShouldNotContain("$ mmdebstrap ");
        var script = GuestFacts.Script(
        [
            .. GuestFacts.Common,
            ("less", "dpkg-query -W -f '${Status}' less"),
            ("sources", "grep -c '^deb ' /etc/apt/sources.list"),
            ("ssh", "systemctl is-active ssh.service"),
        ]);
        var facts = GuestFacts.Parse(await build.BootAndRunAsync("root:kiln-test", script));

        facts["codename"].ShouldBe("trixie");
        facts["root_fs"].ShouldBe("btrfs");
        facts["less"].ShouldBe("install ok installed");
        facts["sources"].ShouldBe("3");
        facts["ssh"].ShouldBe("active");
        facts["failed_units"].ShouldBe("0");
        facts["bootstrap_settings"].ShouldBe("0");
        facts["networkd"].ShouldBe("active");
    }
}
