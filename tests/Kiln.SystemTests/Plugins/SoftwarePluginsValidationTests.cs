using System.Text;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>What a user sees for a bad software plugin option: `kiln validate` exits with 2 and names file, line and column (no root needed).</summary>
public sealed class SoftwarePluginsValidationTests : IDisposable
{
    private const string Valid = """
        name: test
        provider:
          name: kvm
        bootstrapper:
          workspace: /var/tmp/kiln
        system:
          release: trixie
        volume:
          backing: qcow2
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        plugins:

        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-software-validate-").FullName;

    public static TheoryData<string, string> Cases => new()
    {
        { "  docker_daemon:\n    pull_images: [debian:stable]\n", "m.yml:17:18: `pull_images` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build" },
        { "  docker_daemon:\n    version: 1.12.6\n", "m.yml:17:14: `version` cannot be honoured: Kiln installs Debian's docker.io" },
        { "  minimize_size:\n    shrink: vmware-vdiskmanager\n", "m.yml:17:13: vmware-vdiskmanager is VMware's own tool, not in Debian" },
        { "  apt_proxy:\n    address: 127.0.0.1\n    port: 3142\n    username: builder\n", "m.yml:19:15: apt_proxy takes username and password together" },
        { "  puppet:\n    manifest: site.pp\n", "m.yml:17:15: the puppet manifest " },
        { "  pip3_install:\n    packages: [kiln-probe]\n    index_url: http://127.0.0.1:8080/simple\n    wheel_directory: .\n", "m.yml:18:16: index_url and wheel_directory exclude each other" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_option_gives_exit_code_2_with_its_location(string plugin, string expected)
    {
        var path = Path.Combine(_directory, "m.yml");
        await File.WriteAllTextAsync(path, Valid + plugin, new UTF8Encoding(false));

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(Path.Combine(_directory, expected), Case.Sensitive, run.ToString());
        run.All.ShouldNotContain("   at ");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
