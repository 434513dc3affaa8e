using Kiln.Platforms;
using Kiln.VirtualMachines;
using Shouldly;
using Xunit;

namespace Kiln.Tests.VirtualMachines;

/// <summary>The QEMU command line for each kind of machine an image can be made for.</summary>
public sealed class QemuCommandTests
{
    private static readonly UefiVariables Ovmf = new("/usr/share/OVMF/OVMF_CODE_4M.fd", "/tmp/vars.fd");

    [Fact]
    public void A_bios_machine_is_a_pc_with_a_virtio_disk_and_the_serial_console_on_stdio()
    {
        var command = QemuCommand.ForSerialConsole(Request(MachineDefinition.Default), Accelerator.Tcg, "qcow2", firmware: null);

        command.Argv.ShouldBe(
        [
            "qemu-system-x86_64", "-accel", "tcg", "-machine", "pc", "-m", "1024", "-smp", "1", "-nodefaults", "-no-user-config", "-no-reboot",
            "-drive", "file=/i/d.qcow2,format=qcow2,snapshot=on,if=virtio",
            "-netdev", "user,id=net0", "-device", "virtio-net-pci,netdev=net0,romfile=",
            "-display", "none", "-chardev", "stdio,id=console,signal=off", "-serial", "chardev:console",
        ]);
    }

    [Fact]
    public void A_uefi_machine_is_a_q35_with_the_firmware_code_read_only_and_its_own_variables()
    {
        var machine = new MachineDefinition(Architectures.Amd64, BootFirmware.Uefi, "virtio-blk", "virtio-net");

        var argv = QemuCommand.ForSerialConsole(Request(machine), Accelerator.Tcg, "raw", Ovmf).Argv;

        argv.ShouldContain("q35");
        Window(argv, "-drive", 2).ShouldContain("if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd");
        argv.ShouldContain("if=pflash,format=raw,unit=1,file=/tmp/vars.fd");
        argv.ShouldNotContain("driver=cfi.pflash01,property=secure,value=on");
    }

    [Fact]
    public void A_secure_boot_machine_has_smm_and_secure_flash()
    {
        var machine = new MachineDefinition(Architectures.Amd64, BootFirmware.SecureBoot, "virtio-blk", "virtio-net");

        var argv = QemuCommand.ForSerialConsole(Request(machine), Accelerator.Tcg, "raw", Ovmf).Argv;

        argv.ShouldContain("q35,smm=on");
        argv.ShouldContain("driver=cfi.pflash01,property=secure,value=on");
    }

    [Fact]
    public void An_arm64_machine_is_aarch64_virt_with_a_cpu_without_pointer_authentication()
    {
        var machine = new MachineDefinition(Architectures.Arm64, BootFirmware.Uefi, "virtio-blk", "virtio-net");

        var argv = QemuCommand.ForSerialConsole(Request(machine), Accelerator.Tcg, "raw", new UefiVariables("/usr/share/AAVMF/AAVMF_CODE.fd", "/tmp/v.fd")).Argv;

        argv[0].ShouldBe("qemu-system-aarch64");
        Window(argv, "-machine", 1).ShouldBe(["virt"]);
        Window(argv, "-cpu", 1).ShouldBe(["max,pauth=off"]);
    }

    [Theory]
    [InlineData("nvme", "nvme,drive=disk0,serial=kiln-disk0")]
    [InlineData("virtio-scsi", "scsi-hd,drive=disk0,bus=scsi0.0")]
    [InlineData("sata", "ide-hd,drive=disk0,bus=ahci0.0")]
    public void The_disk_is_presented_on_the_bus_the_cloud_uses(string bus, string device)
    {
        var machine = MachineDefinition.Default with { DiskBus = bus };

        var argv = QemuCommand.ForSerialConsole(Request(machine), Accelerator.Tcg, "raw", firmware: null).Argv;

        argv.ShouldContain(device);
        argv.ShouldContain("file=/i/d.qcow2,format=raw,snapshot=on,if=none,id=disk0");
    }

    [Fact]
    public void The_interactive_vm_multiplexes_the_serial_console_and_the_monitor_on_the_terminal()
    {
        var argv = QemuCommand.Interactive(Request(MachineDefinition.Default) with { Snapshot = false }, Accelerator.Tcg, "qcow2", firmware: null).Argv;

        argv.ShouldContain("stdio,id=console,mux=on,signal=off");
        Window(argv, "-serial", 1).ShouldBe(["chardev:console"]);
        Window(argv, "-mon", 1).ShouldBe(["chardev=console,mode=readline"]);
    }

    private static BootRequest Request(MachineDefinition machine) => new() { Image = "/i/d.qcow2", Machine = machine };

    private static List<string> Window(IReadOnlyList<string> argv, string option, int count)
    {
        var index = argv.ToList().IndexOf(option);
        return index < 0 ? [] : [.. argv.Skip(index + 1).Take(count)];
    }
}
