using Kiln.Host;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Host;

public sealed class CommandFailedExceptionTests
{
    [Fact]
    public void The_message_shows_the_masked_command_and_the_last_lines_of_standard_error()
    {
        var command = new CommandLine("sh", "-c", "echo s3cret") { Secrets = ["s3cret"] };
        var error = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\nsaw s3cret\n";

        var exception = new CommandFailedException(new CommandResult(command, 2, "ignored output", error, TimeSpan.Zero));

        exception.Message.ShouldBe("`sh -c 'echo ********'` failed with exit code 2:\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nsaw ********");
    }

    [Fact]
    public void Without_standard_error_the_standard_output_is_shown()
    {
        var exception = new CommandFailedException(new CommandResult(new CommandLine("false"), 1, "only output\n", string.Empty, TimeSpan.Zero));

        exception.Message.ShouldBe("`false` failed with exit code 1:\nonly output");
    }

    [Fact]
    public void Without_output_the_message_is_one_line()
    {
        new CommandFailedException(new CommandResult(new CommandLine("false"), 1, string.Empty, string.Empty, TimeSpan.Zero)).Message.ShouldBe("`false` failed with exit code 1");
    }
}
