using System.Text;
using Shouldly;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// Bad options of chef, salt, opennebula, tmpfs_workspace and prebootstrapped through the real CLI: exit code 2
/// and the file, line and column (the other cases are unit tests). No root needed.
/// </summary>
public sealed class AgentsAndSpeedValidationTests : IDisposable
{
    private const string Valid = """
        name: test
        provider:
          name: kvm
        system:
          release: trixie
        bootstrapper: {}
        volume:
          backing: qcow2
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        plugins:

        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-agents-validate-").FullName;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "salt from git", "  salt:\n    install_source: git\n    version: develop\n", "m.yml:16:21: install_source `git` ran the salt-bootstrap script" },
        { "chef as bootstrap-vz had it", "  chef:\n    assets: /srv/chef-assets-that-do-not-exist\n", "m.yml:15:3: Chef Infra Client (the chef package) is not in Debian: name the vendor's apt repository in plugins.chef.repository" },
        { "opennebula signed-by", "  opennebula:\n    repository:\n      source: deb [signed-by=/etc/apt/keyrings/one.asc] http://127.0.0.1/one stable opennebula\n      key: one.asc\n", "m.yml:17:15: leave out signed-by" },
        { "tmpfs size", "  tmpfs_workspace:\n    size: 4 GB\n", "m.yml:16:11: `4 GB` is not valid for `plugins.tmpfs_workspace.size`" },
        { "prebootstrapped image", "  prebootstrapped:\n    image: /var/tmp/volume.raw.backup\n", "m.yml:16:12: `image` named a copy of bootstrap-vz's loopback volume" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_plugin_option_gives_exit_code_2_with_its_location(string problem, string plugins, string expected)
    {
        File.WriteAllText(Path.Combine(_directory, "one.asc"), File.ReadAllText(Repository.Example("kvm/plugins-agents-speed/vendor-key.asc")));
        var path = Path.Combine(_directory, "m.yml");
        File.WriteAllText(path, Valid + plugins, new UTF8Encoding(false));

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, $"{problem}\n{run}");
        run.Error.ShouldContain(Path.Combine(_directory, expected), Case.Sensitive, run.ToString());
        run.All.ShouldNotContain("   at ");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
