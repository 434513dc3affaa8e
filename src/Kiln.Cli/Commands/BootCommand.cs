using System.CommandLine;
using Kiln.Cli.Output;
using Kiln.Host;
using Microsoft.Extensions.Logging;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln boot IMAGE</c>: boots an image in QEMU on this terminal's serial console (Ctrl-A X quits).</summary>
public static class BootCommand
{
    public static Command Create(Interruption interruption)
    {
        var vm = new VirtualMachineOptions();
        var keep = new Option<bool>("--keep-changes") { Description = "Write the guest's changes to the image (by default they go to a temporary overlay)" };
        var command = new Command("boot", "Boot an image in QEMU on this terminal (serial console; Ctrl-A X quits)") { keep };
        vm.AddTo(command);
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
            using var guard = ChildGuard.Start(new CommandRunner(logging.Factory.CreateLogger<CommandRunner>()), logging.Factory.CreateLogger("Kiln.Guard"));
            var backend = VirtualMachineOptions.Backend(new CommandRunner(logging.Factory.CreateLogger<CommandRunner>()), terminal);
            await backend.InstallAsync(interruption.Token);
            await backend.ConfigureAsync(vm.Request(result, snapshot: !result.GetValue(keep)), interruption.Token);
            terminal.Line("[grey]serial console follows; Ctrl-A X quits QEMU[/]");
            var exit = await backend.RunInteractiveAsync(interruption.Token);
            await backend.CleanupAsync(CancellationToken.None);
            return exit == 0 ? 0 : 1;
        });
        return command;
    }
}
