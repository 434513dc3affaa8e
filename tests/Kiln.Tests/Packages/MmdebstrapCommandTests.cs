using Kiln.Manifests;
using Kiln.Packages;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Packages;

public sealed class MmdebstrapCommandTests
{
    private static readonly AptSourceLine[] Sources =
    [
        new("deb", "http://mirror.example/debian", "bookworm", ["main", "contrib"]),
        new("deb", "http://mirror.example/debian", "bookworm-updates", ["main", "contrib"]),
        new("deb", "http://mirror.example/debian-security", "bookworm-security", ["main", "contrib"]),
    ];

    [Fact]
    public void A_full_request_becomes_one_mmdebstrap_call()
    {
        var request = new BootstrapRequest
        {
            Suite = "bookworm",
            Target = "/b/root",
            Architecture = "amd64",
            Sources = Sources,
            Components = ["main", "contrib"],
            Variant = "minbase",
            Include =
            [
                new PackageRequest("linux-image-cloud-amd64"),
                new PackageRequest("/srv/debs/tool_1.0_amd64.deb".Split('/')[^1], null, "/srv/debs/tool_1.0_amd64.deb"),
                new PackageRequest("systemd", "bookworm-backports"),
                new PackageRequest("/srv/my debs/b.deb".Split('/')[^1], null, "/srv/my debs/b.deb"),
            ],
            Exclude = ["nano", "vim-tiny"],
            Keyring = "/srv/keys/archive.gpg",
            NoCheckGpg = true,
            EarlyFilesDirectory = "/b/scratch/early",
            DebconfSelectionsFile = "/b/scratch/debconf-selections",
            PackageCache = "/var/tmp/kiln/cache/bookworm-amd64",
            DownloadedPackages = "/b/scratch/downloaded-packages",
        };

        MmdebstrapCommand.Build(request).Argv.ShouldBe(
        [
            "mmdebstrap",
            "--verbose",
            "--variant=minbase",
            "--architectures=amd64",
            "--components=main,contrib",
            "--include=linux-image-cloud-amd64,systemd/bookworm-backports",
            "--include=/srv/debs/tool_1.0_amd64.deb",
            "--include=/srv/my debs/b.deb",
            "--include=nano-,vim-tiny-",
            "--keyring=/srv/keys/archive.gpg",
            "--aptopt=Acquire::AllowInsecureRepositories \"true\"",
            "--aptopt=APT::Get::AllowUnauthenticated \"true\"",
            "--dpkgopt=force-unsafe-io",
            "--setup-hook=cp -a /b/scratch/early/. \"$1\"/",
            "--setup-hook=mkdir -p \"$1\"/var/cache/apt/archives && { find /var/tmp/kiln/cache/bookworm-amd64 -maxdepth 1 -name '*.deb' -exec cp -l -t \"$1\"/var/cache/apt/archives/ {} + 2>/dev/null"
                + " || find /var/tmp/kiln/cache/bookworm-amd64 -maxdepth 1 -name '*.deb' -exec cp -n -t \"$1\"/var/cache/apt/archives/ {} +; }",
            "--skip=download/empty",
            "--skip=essential/unlink",
            "--customize-hook=mkdir -p /b/scratch/downloaded-packages && { find \"$1\"/var/cache/apt/archives -maxdepth 1 -name '*.deb' -exec cp -l -t /b/scratch/downloaded-packages {} + 2>/dev/null"
                + " || find \"$1\"/var/cache/apt/archives -maxdepth 1 -name '*.deb' -exec cp -n -t /b/scratch/downloaded-packages {} +; }",
            "--essential-hook=chroot \"$1\" debconf-set-selections < /b/scratch/debconf-selections",
            $"--essential-hook={DeferredInitramfs.EssentialHook}",
            $"--customize-hook={DeferredInitramfs.CustomizeHook}",
            "--skip=cleanup/apt/lists",
            "bookworm",
            "/b/root",
            "deb http://mirror.example/debian bookworm main contrib\ndeb http://mirror.example/debian bookworm-updates main contrib\ndeb http://mirror.example/debian-security bookworm-security main contrib",
        ]);
    }

    [Fact]
    public void A_minimal_request_leaves_out_every_optional_flag()
    {
        var request = new BootstrapRequest { Suite = "sid", Target = "/b/root", Architecture = "arm64", Sources = [new("deb", "http://m/debian", "sid", ["main"])] };

        MmdebstrapCommand.Build(request).Argv.ShouldBe(
        [
            "mmdebstrap", "--verbose", "--architectures=arm64", "--components=main", "--dpkgopt=force-unsafe-io",
            $"--essential-hook={DeferredInitramfs.EssentialHook}", $"--customize-hook={DeferredInitramfs.CustomizeHook}",
            "--skip=cleanup/apt/lists", "sid", "/b/root", "deb http://m/debian sid main",
        ]);
    }

    [Fact]
    public void The_initramfs_is_built_once_after_every_package_is_installed()
    {
        DeferredInitramfs.EssentialHook.ShouldStartWith("chroot \"$1\" dpkg-divert --quiet --local --rename --divert /usr/sbin/update-initramfs.kiln --add /usr/sbin/update-initramfs");
        DeferredInitramfs.CustomizeHook.ShouldEndWith("then chroot \"$1\" update-initramfs -c -k all; fi");
    }

    [Fact]
    public void Hook_paths_with_spaces_are_quoted_for_the_shell()
    {
        var request = new BootstrapRequest
        {
            Suite = "sid",
            Target = "/b/root",
            Architecture = "amd64",
            Sources = [new("deb", "http://m/debian", "sid", ["main"])],
            EarlyFilesDirectory = "/tmp/my build/early",
        };

        MmdebstrapCommand.Build(request).Arguments.ShouldContain("--setup-hook=cp -a '/tmp/my build/early'/. \"$1\"/");
    }
}
