using System.CommandLine;
using Kiln.Boot;
using Kiln.Cli.Output;
using Kiln.Host;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln boot IMAGE</c>: boots an image in QEMU on this terminal's serial console (Ctrl-A X quits).</summary>
public static class BootCommand
{
    public static Command Create(Interruption interruption)
    {
        var image = new Argument<string>("image") { Description = "The disk image (qcow2, raw, ...)" };
        var keep = new Option<bool>("--keep-changes") { Description = "Write the guest's changes to the image (by default they go to a temporary overlay)" };
        var memory = new Option<int>("--memory") { Description = "Guest memory in MiB", DefaultValueFactory = _ => 1024 };
        var sshPort = new Option<int?>("--ssh-port") { Description = "Forward this port on 127.0.0.1 to the guest's SSH port" };
        var drives = new Option<string[]>("--drive") { Description = "An extra read-only raw disk for the guest (e.g. a cloud-init seed); repeatable" };
        var command = new Command("boot", "Boot an image in QEMU on this terminal (serial console; Ctrl-A X quits)") { image, keep, memory, sshPort, drives };
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
            var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
            var backend = new QemuBootBackend(runner, runner, message => terminal.Line($"[blue]note:[/] {Markup.Escape(message)}"));
            await backend.InstallAsync(interruption.Token);
            await backend.ConfigureAsync(
                new BootRequest
                {
                    Image = Path.GetFullPath(result.GetValue(image)!),
                    Snapshot = !result.GetValue(keep),
                    MemoryMiB = result.GetValue(memory),
                    SshPort = result.GetValue(sshPort),
                    ExtraDrives = [.. (result.GetValue(drives) ?? []).Select(Path.GetFullPath)],
                },
                interruption.Token);
            terminal.Line("[grey]serial console follows; Ctrl-A X quits QEMU[/]");
            var exit = await backend.RunInteractiveAsync(interruption.Token);
            await backend.CleanupAsync(CancellationToken.None);
            return exit == 0 ? 0 : 1;
        });
        return command;
    }
}
