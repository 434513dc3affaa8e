using System.CommandLine;
using Kiln.Boot;
using Kiln.Cli.Output;
using Kiln.Host;
using Kiln.Tasks;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln doctor</c>: what this host can do for Kiln: tools, root, loop devices, partition scanning, KVM, mirror.</summary>
public static class DoctorCommand
{
    /// <summary>Every host program some build or boot may run, with its Debian package.</summary>
    public static readonly IReadOnlyList<HostTool> AllTools =
    [
        new("mmdebstrap", "mmdebstrap"), new("debootstrap", "debootstrap"), new("chroot", "coreutils"), new("sfdisk", "fdisk"),
        new("losetup", "mount"), new("mount", "mount"), new("mkfs.ext4", "e2fsprogs"), new("debugfs", "e2fsprogs"),
        new("mkfs.xfs", "xfsprogs"), new("mkfs.btrfs", "btrfs-progs"), new("mkswap", "util-linux"), new("extlinux", "extlinux"),
        new("qemu-img", "qemu-utils"), new(QemuCommand.Program, "qemu-system-x86"),
    ];

    public static Command Create(Interruption interruption)
    {
        var command = new Command("doctor", "Check what this host offers Kiln: tools, root, loop devices, KVM, the Debian mirror");
        command.SetAction(async (result, _) =>
        {
            var terminal = new Terminal(result.GetValue(CommonOptions.Color));
            using var logging = new LogSetup(null, result.GetValue(CommonOptions.Debug));
            var runner = new CommandRunner(logging.Factory.CreateLogger<CommandRunner>());
            var problems = 0;
            foreach (var tool in AllTools)
            {
                var path = HostToolCheck.Locate(tool.Command);
                problems += path is null ? 1 : 0;
                Row(terminal, path is not null, tool.Command, path ?? $"missing: apt-get install {tool.Package}");
            }

            var root = Environment.UserName == "root";
            Row(terminal, root, "root", root ? "yes" : "no: builds need root (chroot, mount, losetup); --dry-run does not");
            var loop = File.Exists("/dev/loop-control");
            Row(terminal, loop, "loop devices", loop ? "/dev/loop-control present" : "no /dev/loop-control: XFS partitions and extlinux need loop devices");
            var vfat = File.Exists("/proc/filesystems") && File.ReadAllText("/proc/filesystems").Contains("vfat", StringComparison.Ordinal);
            Info(terminal, "vfat", vfat ? "the kernel mounts FAT" : "the kernel cannot mount FAT (Kiln never needs to)");
            Info(terminal, "partition scanning", "not needed: Kiln writes filesystems at their offsets and uses one loop device per partition");
            var accelerator = HostToolCheck.Locate(QemuCommand.Program) is null ? Accelerator.Tcg : await KvmProbe.DetectAsync(runner, interruption.Token);
            Info(terminal, "KVM", accelerator == Accelerator.Kvm ? "usable: guests run with KVM" : "not usable: guests run with TCG software emulation (slower)");
            var mirrors = HostAptConfiguration.ReadMirrors();
            Row(terminal, mirrors.Archive is not null, "Debian mirror", mirrors.Archive ?? "none in the host's apt sources: manifests must set bootstrapper.mirror");
            terminal.Plain(problems == 0 ? "all host tools are present" : $"{problems} host tool(s) missing; `kiln build` installs them with apt when run as root on Debian");
            return 0;
        });
        return command;
    }

    private static void Row(Terminal terminal, bool good, string what, string detail) =>
        terminal.Line($"{(good ? "[green]ok[/]     " : "[red]missing[/]")} {Markup.Escape(what),-20} {Markup.Escape(detail)}");

    private static void Info(Terminal terminal, string what, string detail) =>
        terminal.Line($"[blue]info[/]    {Markup.Escape(what),-20} {Markup.Escape(detail)}");
}
