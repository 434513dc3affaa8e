using System.Globalization;
using Kiln.Host;

namespace Kiln.VirtualMachines;

/// <summary>The QEMU command lines Kiln uses (pure, asserted by tests).</summary>
public static class QemuCommand
{
    /// <summary>QEMU for x86 hosts and guests, which the KVM probe runs.</summary>
    public const string X86Program = "qemu-system-x86_64";

    /// <summary>A VM with its serial console on standard input/output (the test harness reads and types there).</summary>
    public static CommandLine ForSerialConsole(BootRequest request, Accelerator accelerator, string imageFormat, UefiVariables? firmware) =>
        new(ProgramFor(request), [.. Common(request, accelerator, imageFormat, firmware), "-display", "none", "-chardev", "stdio,id=console,signal=off", "-serial", "chardev:console"]);

    /// <summary>A VM on the user's terminal: serial console and QEMU monitor multiplexed (Ctrl-A X quits).</summary>
    public static CommandLine Interactive(BootRequest request, Accelerator accelerator, string imageFormat, UefiVariables? firmware) =>
        new(ProgramFor(request), [.. Common(request, accelerator, imageFormat, firmware), "-display", "none", "-chardev", "stdio,id=console,mux=on,signal=off", "-serial", "chardev:console", "-mon", "chardev=console,mode=readline"]);

    /// <summary>The probe: boot <see cref="ProbeBootSector"/> with KVM and watch the serial port.</summary>
    public static CommandLine KvmProbe(string bootSectorFile) =>
        new(X86Program, "-accel", "kvm", "-nodefaults", "-no-user-config", "-display", "none", "-m", "16", "-serial", "stdio",
            "-drive", $"file={bootSectorFile},format=raw,if=ide", "-no-reboot");

    public static string ProgramFor(BootRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Machine.Architecture.QemuSystem;
    }

    private static List<string> Common(BootRequest request, Accelerator accelerator, string imageFormat, UefiVariables? firmware)
    {
        ArgumentNullException.ThrowIfNull(request);
        var machine = request.Machine;
        var architecture = machine.Architecture;
        var arguments = new List<string> { "-accel", accelerator == Accelerator.Kvm ? "kvm" : "tcg" };
        arguments.AddRange(["-machine", MachineType(machine)]);
        if (accelerator == Accelerator.Tcg && architecture.EmulatedCpu is { } cpu)
        {
            arguments.AddRange(["-cpu", cpu]);
        }
        else if (accelerator == Accelerator.Kvm && !architecture.HasBios)
        {
            arguments.AddRange(["-cpu", "host"]);
        }

        arguments.AddRange(
        [
            "-m", request.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-smp", request.Cpus.ToString(CultureInfo.InvariantCulture),
            "-nodefaults", "-no-user-config", "-no-reboot",
        ]);
        if (firmware is not null)
        {
            if (machine.Firmware == BootFirmware.SecureBoot && architecture.HasBios)
            {
                // OVMF's Secure Boot build keeps its variables in SMM-protected flash.
                arguments.AddRange(["-global", "driver=cfi.pflash01,property=secure,value=on"]);
            }

            arguments.AddRange(["-drive", $"if=pflash,format=raw,unit=0,readonly=on,file={firmware.Code}", "-drive", $"if=pflash,format=raw,unit=1,file={firmware.VariablesCopy}"]);
        }

        arguments.AddRange(Disk(machine.DiskBus, $"file={request.Image},format={imageFormat}{(request.Snapshot ? ",snapshot=on" : string.Empty)}"));
        foreach (var drive in request.ExtraDrives)
        {
            arguments.AddRange(["-drive", $"file={drive},format=raw,if=virtio,readonly=on"]);
        }

        var forward = request.SshPort is { } port ? $",hostfwd=tcp:127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}-:22" : string.Empty;
        // No option ROM: the firmware has no use for network boot, and iPXE only adds time and console noise.
        arguments.AddRange(["-netdev", $"user,id=net0{forward}", "-device", $"{NetworkDevice(machine.Network)},netdev=net0,romfile="]);
        return arguments;
    }

    private static string MachineType(MachineDefinition machine)
    {
        var architecture = machine.Architecture;
        return machine.Firmware switch
        {
            BootFirmware.Bios => architecture.BiosMachine,
            BootFirmware.SecureBoot when architecture.HasBios => architecture.UefiMachine + ",smm=on",
            _ => architecture.UefiMachine,
        };
    }

    /// <summary>The boot disk on the bus the image's cloud or hypervisor presents it on.</summary>
    private static IEnumerable<string> Disk(string bus, string drive) => bus switch
    {
        "nvme" => ["-drive", $"{drive},if=none,id=disk0", "-device", "nvme,drive=disk0,serial=kiln-disk0"],
        "virtio-scsi" => ["-device", "virtio-scsi-pci,id=scsi0", "-drive", $"{drive},if=none,id=disk0", "-device", "scsi-hd,drive=disk0,bus=scsi0.0"],
        "ide" => ["-drive", $"{drive},if=ide"],
        "sata" => ["-device", "ahci,id=ahci0", "-drive", $"{drive},if=none,id=disk0", "-device", "ide-hd,drive=disk0,bus=ahci0.0"],
        _ => ["-drive", $"{drive},if=virtio"],
    };

    private static string NetworkDevice(string network) => network switch
    {
        "e1000" => "e1000",
        "rtl8139" => "rtl8139",
        _ => "virtio-net-pci",
    };
}
