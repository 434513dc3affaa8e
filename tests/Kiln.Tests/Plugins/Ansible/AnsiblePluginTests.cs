using Kiln.Plugins.Ansible;
using Kiln.Tasks;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Ansible;

public sealed class AnsiblePluginTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();

    public AnsiblePluginTests() => _workspace.Write("site/playbook.yml", "- hosts: all\n  tasks: []\n");

    [Fact]
    public void Bootstrap_vz_settings_are_valid()
    {
        Errors("""
            {playbook: site/playbook.yml, extra_vars: {ansible_ssh_user: admin, ports: [80, 443]},
               tags: [web, db], skip_tags: [slow], opt_flags: [--diff, -vv, '--forks=2'], groups: [webservers, db_servers]}
            """).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_playbook_is_reported_at_its_path()
    {
        Errors("{playbook: site/missing.yml}").ShouldBe([$"{_workspace.ManifestPath}:15:23: the playbook {_workspace.Directory}/site/missing.yml does not exist"]);
    }

    [Fact]
    public void A_directory_is_not_a_playbook()
    {
        Errors("{playbook: site}").ShouldBe([$"{_workspace.ManifestPath}:15:23: the playbook {_workspace.Directory}/site is a directory; name the playbook file in it"]);
    }

    [Fact]
    public void The_playbook_is_required()
    {
        Errors("{tags: [web]}").ShouldBe([$"{_workspace.ManifestPath}:15:12: `plugins.ansible` is missing the required key `playbook`"]);
    }

    [Theory]
    [InlineData("tags: ['a,b']", "15:49: `a,b` is not valid for `plugins.ansible.tags[0]`; expected a tag name, without commas or spaces")]
    [InlineData("opt_flags: [diff]", "15:54: `diff` is not valid for `plugins.ansible.opt_flags[0]`; expected an ansible-playbook option such as --diff or -vv (a value goes in the same item, --forks=2)")]
    [InlineData("groups: [web-servers]", "15:51: `web-servers` is not valid for `plugins.ansible.groups[0]`; expected an inventory group name (letters, digits and underscores)")]
    public void Options_that_would_break_the_command_line_are_refused(string option, string expected)
    {
        Errors($"{{playbook: site/playbook.yml, {option}}}").ShouldBe([$"{_workspace.ManifestPath}:{expected}"]);
    }

    [Fact]
    public void The_plugin_adds_python_and_the_playbook_run()
    {
        var tasks = new TaskSet();

        new AnsiblePlugin().ResolveTasks(tasks, TestManifests.Bind(WithPlugin("{playbook: site/playbook.yml}"), _workspace.ManifestPath));

        tasks.Tasks.Select(t => t.Name).ShouldBe(["AddAnsiblePython", "RunAnsiblePlaybook"]);
    }

    public void Dispose() => _workspace.Dispose();

    private List<string> Errors(string settings) => [.. TestManifests.ErrorsOf(WithPlugin(settings), _workspace.ManifestPath).Select(e => e.ToString())];

    private static string WithPlugin(string settings) => TestManifests.Minimal + $"\nplugins:\n  ansible: {settings}\n";
}
