using System.Text;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// What a user sees for a bad plugin option through the real CLI: `kiln validate` exits with 2 and names the
/// file, line and column, never a stack trace (the other cases are unit tests). No root needed.
/// </summary>
public sealed class PluginOptionValidationTests : IDisposable
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

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-plugin-options-").FullName;

    public static TheoryData<string, string> Cases => new()
    {
        { "  docker_daemon:\n    pull_images: [debian:stable]\n", "m.yml:17:18: `pull_images` cannot be honoured: pulling images needs a running Docker daemon and a registry during the build" },
        { "  docker_daemon:\n    version: 1.12.6\n", "m.yml:17:14: `version` cannot be honoured: Kiln installs Debian's docker.io" },
        { "  minimize_size:\n    shrink: vmware-vdiskmanager\n", "m.yml:17:13: vmware-vdiskmanager is VMware's own tool, not in Debian" },
        { "  apt_proxy:\n    address: 127.0.0.1\n    port: 3142\n    username: builder\n", "m.yml:19:15: apt_proxy takes username and password together" },
        { "  puppet:\n    manifest: site.pp\n", "m.yml:17:15: the puppet manifest " },
        { "  pip3_install:\n    packages: [kiln-probe]\n    index_url: http://127.0.0.1:8080/simple\n    wheel_directory: .\n", "m.yml:18:16: index_url and wheel_directory exclude each other" },
        { "  salt:\n    install_source: git\n    version: develop\n", "m.yml:17:21: install_source `git` ran the salt-bootstrap script" },
        { "  chef:\n    assets: /srv/chef-assets-that-do-not-exist\n", "m.yml:16:3: Chef Infra Client (the chef package) is not in Debian: name the vendor's apt repository in plugins.chef.repository" },
        { "  opennebula:\n    repository:\n      source: deb [signed-by=/etc/apt/keyrings/one.asc] http://127.0.0.1/one stable opennebula\n      key: one.asc\n", "m.yml:18:15: leave out signed-by" },
        { "  tmpfs_workspace:\n    size: 4 GB\n", "m.yml:17:11: `4 GB` is not valid for `plugins.tmpfs_workspace.size`" },
        { "  prebootstrapped:\n    image: /var/tmp/volume.raw.backup\n", "m.yml:17:12: `image` named a copy of bootstrap-vz's loopback volume" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_option_gives_exit_code_2_with_its_location(string plugins, string expected)
    {
        File.WriteAllText(Path.Combine(_directory, "one.asc"), File.ReadAllText(Repository.Example("kvm/plugins-agents-speed/vendor-key.asc")));
        var path = Path.Combine(_directory, "m.yml");
        await File.WriteAllTextAsync(path, Valid + plugins, new UTF8Encoding(false));

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain(Path.Combine(_directory, expected), Case.Sensitive, run.ToString());
        run.All.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_hook_script_that_is_not_executable_is_reported_at_its_directory()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "hooks"));
        File.WriteAllText(Path.Combine(_directory, "hooks", "10-plain"), "#!/bin/sh\n");
        var manifest = Path.Combine(_directory, "hooks.yml");
        File.WriteAllText(manifest, Valid + "  hooks:\n    directories: [hooks]\n");

        var run = await KilnCli.RunAsync("validate", manifest);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{manifest}:17:19: the hook {_directory}/hooks/10-plain is not executable; chmod +x it", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Every_bad_option_of_a_manifest_is_listed_at_its_line_and_column()
    {
        var manifest = Path.Combine(_directory, "bad.yml");
        File.WriteAllText(manifest, Valid + """
              admin_user:
                username: admin
                pubkey: missing.pub
              expand_root:
                filesystem_type: xfs
              debconf: |
                tzdata tzdata/Areas select Europe
                tzdata tzdata/Zones/Europe choice Berlin
              file_copy:
                files:
                  - {src: nothing-here, dst: /etc/x}
              commands:
                commands:
                  - ['echo ${HOME}']

            """);

        var run = await KilnCli.RunAsync("validate", manifest);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.All.Split('\n').Where(line => line.StartsWith(manifest, StringComparison.Ordinal)).ShouldBe(
        [
            $"{manifest}:18:13: the public key file {_directory}/missing.pub does not exist",
            $"{manifest}:20:22: the root filesystem is ext4 (volume.partitions.root.filesystem), not xfs; set filesystem_type: ext4 or leave it out",
            $"{manifest}:23:32: `choice` is not a debconf type; use one of boolean, error, multiselect, note, password, select, string, text, title, seen",
            $"{manifest}:26:15: the source nothing-here does not exist (looked for {_directory}/nothing-here)",
            $"{manifest}:29:10: `{{HOME}}` is not a single value Kiln can fill in; use {{root}}, {{apt_mirror}}, {{apt_security}}, a manifest value such as {{system.release}}, or a date field such as {{%Y}}; write {{{{ and }}}} for literal braces",
        ]);
    }

    public void Dispose() => TestDirectory.Remove(_directory);
}
