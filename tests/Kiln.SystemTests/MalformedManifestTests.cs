using System.Text;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// What a user sees for a broken manifest: the real CLI exits with 2 and names the file, line and column.
/// These run without root (validation and --dry-run touch nothing).
/// </summary>
public sealed class MalformedManifestTests : IDisposable
{
    private const string Valid = """
        name: test
        provider:
          name: kvm
        bootstrapper:
          workspace: /var/tmp/kiln
        system:
          release: bookworm
        volume:
          backing: qcow2
          partitions:
            type: msdos
            root:
              filesystem: ext4
              size: 2GiB
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-malformed-").FullName;

    public static TheoryData<string, string, string> YamlCases => new()
    {
        { "unknown key", Valid.Replace("  release: bookworm", "  release: bookworm\n  colour: blue", StringComparison.Ordinal), "m.yml:8:3: unknown key `colour`" },
        { "bad enum", Valid.Replace("type: msdos", "type: dos", StringComparison.Ordinal), "m.yml:11:11: `dos` is not allowed" },
        { "bad size", Valid.Replace("size: 2GiB", "size: 2 GiB", StringComparison.Ordinal), "m.yml:14:13: `2 GiB` is not valid" },
        { "wrong type", Valid.Replace("  release: bookworm", "  release: [bookworm]", StringComparison.Ordinal), "m.yml:7:12: `system.release` must be a string" },
        { "duplicate key", Valid.Replace("  release: bookworm", "  release: bookworm\n  release: trixie", StringComparison.Ordinal), "m.yml:8:3: duplicate key `release`" },
        { "tab indentation", Valid.Replace("  release: bookworm", "\trelease: bookworm", StringComparison.Ordinal), "m.yml:7:1: a tab is used for indentation" },
        { "YAML syntax", Valid.Replace("  name: kvm", "  name: [kvm", StringComparison.Ordinal), "m.yml:3:" },
        { "unknown provider", Valid.Replace("  name: kvm", "  name: vmware", StringComparison.Ordinal), "m.yml:3:9: unknown provider `vmware`\n    available: azure, docker, ec2, gce, kvm, oracle, virtualbox" },
        { "unknown plugin", Valid + "\nplugins:\n  teleport: {}\n", "m.yml:16:3: unknown plugin `teleport`" },
        { "unknown release", Valid.Replace("release: bookworm", "release: jessy", StringComparison.Ordinal), "m.yml:7:12: `jessy` is not a Debian release" },
        { "grub without partitions", Valid.Replace("type: msdos", "type: none", StringComparison.Ordinal), "m.yml:7:3: grub cannot boot an unpartitioned disk" },
        { "template field", Valid.Replace("name: test", "name: test-{system.relase}", StringComparison.Ordinal), "m.yml:1:7: the name template field `{system.relase}`" },
    };

    [Theory]
    [MemberData(nameof(YamlCases))]
    public async Task A_broken_yaml_manifest_gives_exit_code_2_with_its_location(string problem, string manifest, string expected)
    {
        var path = Write("m.yml", manifest);

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, $"{problem}\n{run}");
        run.Error.ShouldContain(Path.Combine(_directory, expected), Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task A_json_syntax_error_gives_exit_code_2_with_its_line()
    {
        var path = Write("m.json", "{\n  // comments are fine\n  \"name\": \"x\",\n  \"provider\": {\"name\": \"kvm\",}\n  \"oops\"\n}\n");

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{path}:5:", Case.Sensitive, run.ToString());
        run.Error.ShouldContain("JSON syntax error", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task A_duplicate_key_in_json_gives_exit_code_2_with_its_line()
    {
        var path = Write("m.json", "{\n  \"name\": \"x\",\n  \"name\": \"y\"\n}\n");

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{path}:3:", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task An_empty_file_gives_exit_code_2()
    {
        var path = Write("m.yml", string.Empty);

        var run = await KilnCli.RunAsync("build", path, "--dry-run");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{path}:1:1: the manifest is empty", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task A_binary_file_gives_exit_code_2()
    {
        var path = Path.Combine(_directory, "m.yml");
        await File.WriteAllBytesAsync(path, [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0xfe]);

        var run = await KilnCli.RunAsync("build", path, "--dry-run");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("this is not a text file", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Every_problem_is_listed_not_just_the_first()
    {
        var path = Write("m.yml", Valid.Replace("type: msdos", "type: dos", StringComparison.Ordinal).Replace("size: 2GiB", "size: big", StringComparison.Ordinal));

        var run = await KilnCli.RunAsync("validate", path);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain($"{path}:11:11:", Case.Sensitive, run.ToString());
        run.Error.ShouldContain($"{path}:14:13:", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task A_bad_argument_gives_exit_code_2_and_never_a_stack_trace()
    {
        var run = await KilnCli.RunAsync("build", "--colour", "never");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.All.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_manifest_file_gives_exit_code_2()
    {
        var run = await KilnCli.RunAsync("build", Path.Combine(_directory, "nothing.yml"), "--dry-run");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("no such manifest file");
    }

    [Fact]
    public async Task The_default_manifest_dry_run_prints_the_plan_without_root_or_changes()
    {
        var run = await KilnCli.RunAsync("build", "--dry-run");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("os_installation:");
        run.Output.ShouldContain("BootstrapSystem");
        run.Output.ShouldContain("nothing was changed");
    }

    public void Dispose() => TestDirectory.Remove(_directory);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
