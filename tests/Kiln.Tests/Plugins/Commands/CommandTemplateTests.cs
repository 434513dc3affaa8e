using Kiln.Plugins.Commands;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Plugins.Commands;

public sealed class CommandTemplateTests
{
    private readonly CommandTemplate _template = new(TestManifests.Bind(TestManifests.Minimal).Values, TestManifests.BuildTime, "/var/tmp/kiln/b1/root", "http://mirror.test/debian", "http://mirror.test/debian-security");

    [Theory]
    [InlineData("{root}/etc/motd", "/var/tmp/kiln/b1/root/etc/motd")]
    [InlineData("release {system.release} on {system.architecture}", "release bookworm on amd64")]
    [InlineData("{apt_mirror} {apt_security}", "http://mirror.test/debian http://mirror.test/debian-security")]
    [InlineData("built {%Y}-{%m}-{%d}", "built 2024-03-05")]
    [InlineData("echo ${{HOME}} {{root}}", "echo ${HOME} {root}")]
    public void Fields_are_filled_in_as_bootstrap_vz_filled_them(string part, string expected)
    {
        var problems = new List<string>();

        _template.Render(part, problems).ShouldBe(expected);
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("echo ${HOME}", "`{HOME}` is not a single value Kiln can fill in; use {root}, {apt_mirror}, {apt_security}, a manifest value such as {system.release}, or a date field such as {%Y}; write {{ and }} for literal braces")]
    [InlineData("{system}", "`{system}` is not a single value Kiln can fill in; use {root}, {apt_mirror}, {apt_security}, a manifest value such as {system.release}, or a date field such as {%Y}; write {{ and }} for literal braces")]
    [InlineData("awk '{print $1}'", "`{print $1}` is not a single value Kiln can fill in; use {root}, {apt_mirror}, {apt_security}, a manifest value such as {system.release}, or a date field such as {%Y}; write {{ and }} for literal braces")]
    [InlineData("echo }", "a single `}` has no `{`; write `}}` for a literal brace (e.g. `${{HOME}}` for the shell's ${HOME})")]
    [InlineData("echo {root", "a `{` has no closing `}`; write `{{` for a literal brace")]
    public void A_brace_that_fills_nothing_in_is_a_problem(string part, string problem)
    {
        var problems = new List<string>();

        _template.Render(part, problems);

        problems.ShouldBe([problem]);
    }
}
