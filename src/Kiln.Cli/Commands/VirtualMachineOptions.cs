using System.CommandLine;
using Kiln.VirtualMachines;
using Kiln.Cli.Output;
using Kiln.Host;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>What <c>kiln boot</c> and <c>kiln test</c> share: the image argument, the VM's options and the QEMU backend.</summary>
public sealed class VirtualMachineOptions
{
    public Argument<string> Image { get; } = new("image") { Description = "The disk image (qcow2, raw, ...)" };

    public Option<int> Memory { get; } = new("--memory") { Description = "Guest memory in MiB", DefaultValueFactory = _ => 1024, HelpName = "MIB" };

    public Option<int?> SshPort { get; } = new("--ssh-port") { Description = "Forward this port on 127.0.0.1 to the guest's SSH port", HelpName = "PORT" };

    public Option<string[]> Drives { get; } = new("--drive") { Description = "An extra read-only raw disk for the guest (e.g. a cloud-init seed); repeatable", HelpName = "FILE" };

    public Option<string?> Firmware { get; } = new("--firmware")
    {
        Description = "Boot with this firmware instead of the one the image's boot record names: bios, uefi or secure-boot (UEFI that enforces Secure Boot with Microsoft's keys)",
        HelpName = "bios|uefi|secure-boot",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(Image);
        command.Options.Add(Memory);
        command.Options.Add(SshPort);
        command.Options.Add(Drives);
        Firmware.AcceptOnlyFromAmong("bios", "uefi", "secure-boot");
        command.Options.Add(Firmware);
    }

    public BootRequest Request(ParseResult result, bool snapshot)
    {
        ArgumentNullException.ThrowIfNull(result);
        var image = Path.GetFullPath(result.GetValue(Image)!);
        var firmware = result.GetValue(Firmware) switch
        {
            "bios" => BootFirmware.Bios,
            "uefi" => BootFirmware.Uefi,
            "secure-boot" => BootFirmware.SecureBoot,
            _ => (BootFirmware?)null,
        };
        return new BootRequest
        {
            Image = image,
            Machine = MachineDefinition.From(BootRecord.ReadBeside(image) ?? BootRecord.Default, firmware),
            Snapshot = snapshot,
            MemoryMiB = result.GetValue(Memory),
            SshPort = result.GetValue(SshPort),
            ExtraDrives = [.. (result.GetValue(Drives) ?? []).Select(Path.GetFullPath)],
        };
    }

    public static QemuBootBackend Backend(CommandRunner runner, Terminal terminal) =>
        new(runner, runner, message => terminal.Line($"[blue]note:[/] {Markup.Escape(message)}"));
}
