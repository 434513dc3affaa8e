using Kiln.Manifests;
using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class DebootstrapCommandTests
{
    [Fact]
    public void A_full_request_becomes_a_debootstrap_call_with_the_first_sources_mirror()
    {
        var request = new BootstrapRequest
        {
            Suite = "bullseye",
            Target = "/b/root",
            Architecture = "i386",
            Sources = [new("deb", "http://mirror.example/debian", "bullseye", ["main"]), new("deb", "http://security.example/debian-security", "bullseye-security", ["main"])],
            Components = ["main", "non-free"],
            Variant = "minbase",
            Exclude = ["nano"],
            Keyring = "/srv/archive.gpg",
            NoCheckGpg = true,
            PackageCache = "/var/tmp/kiln/cache/bullseye-i386",
        };

        DebootstrapCommand.Build(request, ["curl", "grub-pc"]).Argv.ShouldBe(
        [
            "debootstrap",
            "--variant=minbase",
            "--arch=i386",
            "--components=main,non-free",
            "--include=curl,grub-pc",
            "--exclude=nano",
            "--keyring=/srv/archive.gpg",
            "--no-check-gpg",
            "--cache-dir=/var/tmp/kiln/cache/bullseye-i386",
            "bullseye",
            "/b/root",
            "http://mirror.example/debian",
        ]);
    }

    [Fact]
    public void A_minimal_request_needs_only_arch_components_suite_target_and_mirror()
    {
        var request = new BootstrapRequest { Suite = "bookworm", Target = "/b/root", Architecture = "amd64", Sources = [new("deb", "http://m/debian", "bookworm", ["main"])] };

        DebootstrapCommand.Build(request, []).Argv.ShouldBe(["debootstrap", "--arch=amd64", "--components=main", "bookworm", "/b/root", "http://m/debian"]);
    }

    [Theory]
    [InlineData("curl", null, null, true)]
    [InlineData("systemd", "bookworm-backports", null, false)]
    [InlineData("tool.deb", null, "/srv/tool.deb", false)]
    [InlineData("?priority(standard)", null, null, false)]
    public void Debootstrap_includes_only_plain_names_of_the_release(string name, string? release, string? path, bool includable)
    {
        DebootstrapCommand.CanInclude(new PackageRequest(name, release, path)).ShouldBe(includable);
    }
}
