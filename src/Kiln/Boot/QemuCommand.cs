using System.Globalization;
using Kiln.Host;

namespace Kiln.Boot;

/// <summary>The QEMU command lines Kiln uses (pure, asserted by tests).</summary>
public static class QemuCommand
{
    public const string Program = "qemu-system-x86_64";

    /// <summary>A VM with its serial console on standard input/output (the test harness reads and types there).</summary>
    public static CommandLine ForSerialConsole(BootRequest request, Accelerator accelerator, string imageFormat) =>
        new(Program, [.. Common(request, accelerator, imageFormat), "-display", "none", "-chardev", "stdio,id=console,signal=off", "-serial", "chardev:console"]);

    /// <summary>A VM on the user's terminal: serial console and QEMU monitor multiplexed (Ctrl-A X quits).</summary>
    public static CommandLine Interactive(BootRequest request, Accelerator accelerator, string imageFormat) =>
        new(Program, [.. Common(request, accelerator, imageFormat), "-nographic"]);

    /// <summary>The probe: boot <see cref="ProbeBootSector"/> with KVM and watch the serial port.</summary>
    public static CommandLine KvmProbe(string bootSectorFile) =>
        new(Program, "-accel", "kvm", "-nodefaults", "-no-user-config", "-display", "none", "-m", "16", "-serial", "stdio",
            "-drive", $"file={bootSectorFile},format=raw,if=ide", "-no-reboot");

    private static List<string> Common(BootRequest request, Accelerator accelerator, string imageFormat)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = new List<string>
        {
            "-accel", accelerator == Accelerator.Kvm ? "kvm" : "tcg",
            "-m", request.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-smp", request.Cpus.ToString(CultureInfo.InvariantCulture),
            "-nodefaults", "-no-user-config", "-no-reboot",
            "-drive", $"file={request.Image},format={imageFormat},if=virtio{(request.Snapshot ? ",snapshot=on" : string.Empty)}",
        };
        foreach (var drive in request.ExtraDrives)
        {
            arguments.AddRange(["-drive", $"file={drive},format=raw,if=virtio,readonly=on"]);
        }

        var forward = request.SshPort is { } port ? $",hostfwd=tcp:127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}-:22" : string.Empty;
        arguments.AddRange(["-netdev", $"user,id=net0{forward}", "-device", "virtio-net-pci,netdev=net0"]);
        return arguments;
    }
}
