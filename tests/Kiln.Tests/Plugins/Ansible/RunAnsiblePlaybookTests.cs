using Kiln.Host;
using Kiln.Plugins.Ansible;
using Kiln.Tests.Fakes;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ansible;

public sealed class RunAnsiblePlaybookTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public RunAnsiblePlaybookTests() => _workspace.Write("site/playbook.yml", "- hosts: all\n  tasks: []\n");

    [Fact]
    public void The_command_is_bootstrap_vzs_with_ansibles_files_kept_in_the_build_directory()
    {
        var settings = Manifest("""
            {playbook: site/playbook.yml, extra_vars: {greeting: hello, ports: [80]}, tags: [web, db], skip_tags: [slow], opt_flags: [--diff, -vv]}
            """).SettingsOf<AnsibleSettings>();

        var command = RunAnsiblePlaybook.Command(settings, "/w/scratch/ansible/inventory", "/w/scratch/ansible");

        command.Argv.ShouldBe([
            "ansible-playbook", "-i", "/w/scratch/ansible/inventory", $"{_workspace.Directory}/site/playbook.yml",
            "--extra-vars", "{\"greeting\":\"hello\",\"ports\":[80]}", "--tags", "web,db", "--skip-tags", "slow", "--diff", "-vv",
        ]);
        command.WorkingDirectory.ShouldBe($"{_workspace.Directory}/site");
        command.Environment.ShouldBe(new Dictionary<string, string>
        {
            ["ANSIBLE_HOME"] = "/w/scratch/ansible",
            ["ANSIBLE_LOCAL_TEMP"] = "/w/scratch/ansible/tmp",
            ["ANSIBLE_REMOTE_TMP"] = "/tmp/.kiln-ansible",
            ["ANSIBLE_RETRY_FILES_ENABLED"] = "false",
            ["ANSIBLE_NOCOLOR"] = "1",
            ["LC_ALL"] = "C.UTF-8",
            ["PYTHONUNBUFFERED"] = "1",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Only_the_playbook_is_needed()
    {
        var command = RunAnsiblePlaybook.Command(Manifest("{playbook: site/playbook.yml}").SettingsOf<AnsibleSettings>(), "/i", "/s");

        command.Argv.ShouldBe(["ansible-playbook", "-i", "/i", $"{_workspace.Directory}/site/playbook.yml"]);
    }

    [Fact]
    public async Task The_run_writes_the_inventory_and_takes_away_the_ansible_directory_it_left_in_the_image()
    {
        var runner = new CallbackRunner(command => Directory.CreateDirectory(Path.Combine(_workspace.Paths.Root, "root/.ansible/tmp")));
        var manifest = Manifest("{playbook: site/playbook.yml, groups: [web]}", hostname: "web1");
        var context = _workspace.Context(manifest, runner);
        Directory.CreateDirectory(context.Paths.Root);

        await new RunAnsiblePlaybook().RunAsync(context, CancellationToken.None);

        runner.Commands.ShouldHaveSingleItem().Program.ShouldBe("ansible-playbook");
        File.ReadAllText(Path.Combine(context.Paths.Scratch, "ansible", "inventory")).ShouldBe(
            AnsibleInventory.Render("web1", context.Paths.Root, ["web"]));
        Directory.Exists(Path.Combine(context.Paths.Root, "root/.ansible")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_ansible_directory_the_image_already_had_stays()
    {
        var context = _workspace.Context(Manifest("{playbook: site/playbook.yml}"));
        Directory.CreateDirectory(Path.Combine(context.Paths.Root, "root/.ansible/collections"));

        await new RunAnsiblePlaybook().RunAsync(context, CancellationToken.None);

        Directory.Exists(Path.Combine(context.Paths.Root, "root/.ansible/collections")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failing_playbook_fails_the_task_with_ansibles_output()
    {
        var runner = new FakeCommandRunner().Returns("ansible-playbook", 2, "fatal: [debian]: FAILED! => {\"msg\": \"boom\"}");
        var context = _workspace.Context(Manifest("{playbook: site/playbook.yml}"), runner);
        Directory.CreateDirectory(context.Paths.Root);

        var error = await Should.ThrowAsync<CommandFailedException>(() => new RunAnsiblePlaybook().RunAsync(context, CancellationToken.None));

        error.Message.ShouldEndWith("failed with exit code 2:\nfatal: [debian]: FAILED! => {\"msg\": \"boom\"}");
    }

    public void Dispose() => _workspace.Dispose();

    private Kiln.Specs.BuildSpec Manifest(string settings, string? hostname = null)
    {
        var yaml = TestManifests.Minimal + $"\nplugins:\n  ansible: {settings}\n";
        if (hostname is not null)
        {
            yaml = yaml.Replace("  release: bookworm", $"  release: bookworm\n  hostname: {hostname}", StringComparison.Ordinal);
        }

        return TestManifests.Bind(yaml, _workspace.ManifestPath);
    }

    /// <summary>Runs nothing, like the fake runner, but lets a test act as the program would.</summary>
    private sealed class CallbackRunner(Action<CommandLine> effect) : ICommandRunner
    {
        public List<CommandLine> Commands { get; } = [];

        public Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
        {
            Commands.Add(command);
            effect(command);
            return Task.FromResult(new CommandResult(command, 0, string.Empty, string.Empty, TimeSpan.Zero));
        }
    }
}
