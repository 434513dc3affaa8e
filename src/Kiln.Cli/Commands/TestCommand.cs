using System.CommandLine;
using Kiln.VirtualMachines;
using Kiln.Cli.Output;
using Kiln.Host;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln test IMAGE</c>: boots the image in QEMU, waits for the login prompt, optionally logs in on the
/// serial console and runs a command; exit 0 only if all of that worked.
/// </summary>
public static class TestCommand
{
    public static Command Create(Interruption interruption)
    {
        var vm = new VirtualMachineOptions();
        var login = new Option<string?>("--login") { Description = "USER:PASSWORD to log in with on the serial console", HelpName = "USER:PASSWORD" };
        var run = new Option<string?>("--command", "-c") { Description = "A shell command to run after logging in; its exit code decides the test", HelpName = "COMMAND" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the login prompt (and for the command)", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var transcript = new Option<string?>("--transcript") { Description = "Write the serial console transcript to this file", HelpName = "FILE" };
        var command = new Command("test", "Boot an image in QEMU, log in on its serial console and run a command") { login, run, timeout, transcript };
        vm.AddTo(command);
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            var (user, password) = SplitLogin(result.GetValue(login));
            if (result.GetValue(run) is not null && user is null)
            {
                throw new UserInputException("--command needs --login USER:PASSWORD");
            }

            using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
            using var guard = ChildGuard.Start(new CommandRunner(logging.Factory.CreateLogger<CommandRunner>()), logging.Factory.CreateLogger("Kiln.Guard"));
            var tester = new BootTester(VirtualMachineOptions.Backend(new CommandRunner(logging.Factory.CreateLogger<CommandRunner>()), terminal));
            var request = vm.Request(result, snapshot: true);
            var options = new BootTestOptions { User = user, Password = password, Command = result.GetValue(run), Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)) };
            var outcome = await tester.RunAsync(request, options, interruption.Token);
            if (result.GetValue(transcript) is { } file)
            {
                await File.WriteAllTextAsync(file, tester.Transcript, CancellationToken.None);
            }

            return Report(terminal, outcome, tester.Transcript);
        });
        return command;
    }

    private static (string? User, string? Password) SplitLogin(string? login)
    {
        if (login is null)
        {
            return (null, null);
        }

        var colon = login.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? throw new UserInputException("--login takes USER:PASSWORD") : (login[..colon], login[(colon + 1)..]);
    }

    private static int Report(Terminal terminal, BootTestResult outcome, string transcript)
    {
        if (outcome.CommandOutput is { } output)
        {
            Console.Out.Write(output);
        }

        if (outcome.SecondsToLoginPrompt is { } seconds)
        {
            terminal.Plain($"login prompt after {seconds:F1} s");
        }

        if (outcome.SecondsToShell is { } shell)
        {
            terminal.Plain($"logged in after {shell:F1} s");
        }

        if (outcome.Succeeded)
        {
            terminal.Line("[green]test passed[/]");
            return 0;
        }

        Terminal.Error($"test failed: {outcome.Failure}");
        Console.Error.WriteLine(SerialConsoleTail.Render(transcript, toTerminal: !Console.IsErrorRedirected));
        return 1;
    }
}
