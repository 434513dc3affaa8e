using Kiln.Host;

namespace Kiln.VirtualMachines;

/// <summary>
/// Finds out whether KVM runs guests here by booting a one-sector guest with it: /dev/kvm can exist while
/// guests hang, so its presence proves nothing. Without a sign of life in time, QEMU uses TCG.
/// </summary>
public static class KvmProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(4);

    public static async Task<Accelerator> DetectAsync(IProcessLauncher launcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        if (!File.Exists("/dev/kvm") || HostToolCheck.Locate(QemuCommand.X86Program) is null)
        {
            return Accelerator.Tcg;
        }

        var sector = Path.Combine(Path.GetTempPath(), $"kiln-kvm-probe-{Environment.ProcessId}.img");
        await File.WriteAllBytesAsync(sector, ProbeBootSector.Create(), cancellationToken);
        try
        {
            using var process = launcher.Start(QemuCommand.KvmProbe(sector));
            var console = new SerialConsole(process);
            var sign = await console.WaitForAsync(new System.Text.RegularExpressions.Regex(ProbeBootSector.Marker), Patience, cancellationToken);
            return sign is null ? Accelerator.Tcg : Accelerator.Kvm;
        }
        finally
        {
            File.Delete(sector);
        }
    }
}
