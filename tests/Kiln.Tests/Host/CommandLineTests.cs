using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class CommandLineTests
{
    [Fact]
    public void The_argument_vector_starts_with_the_program()
    {
        new CommandLine("losetup", "--find", "--show", "disk.raw").Argv.ShouldBe(["losetup", "--find", "--show", "disk.raw"]);
    }

    [Fact]
    public void ToString_is_what_you_would_type_into_a_shell()
    {
        new CommandLine("mmdebstrap", "--include=a,b", "--customize-hook=echo \"$1\"", "deb http://x bookworm main").ToString()
            .ShouldBe("mmdebstrap --include=a,b '--customize-hook=echo \"$1\"' 'deb http://x bookworm main'");
    }

    [Fact]
    public void With_environment_adds_a_variable_to_a_copy()
    {
        var plain = new CommandLine("apt-get", "update");

        var noninteractive = plain.WithEnvironment("DEBIAN_FRONTEND", "noninteractive");

        noninteractive.Environment["DEBIAN_FRONTEND"].ShouldBe("noninteractive");
        noninteractive.Argv.ShouldBe(["apt-get", "update"]);
        plain.Environment.ShouldBeEmpty();
    }

    [Fact]
    public void The_arguments_are_copied_when_the_command_is_made()
    {
        var arguments = new List<string> { "a" };

        var command = new CommandLine("echo", arguments);
        arguments.Add("b");

        command.Arguments.ShouldBe(["a"]);
    }
}
