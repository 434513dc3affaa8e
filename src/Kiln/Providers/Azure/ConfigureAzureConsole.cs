using Kiln.Platforms;
using Kiln.Tasks;

namespace Kiln.Providers.Azure;

/// <summary>
/// The kernel command line of Debian's Azure images: the serial console Azure's boot diagnostics and serial console
/// read (ttyS0 at 115200 on amd64, the PL011 UART on arm64), and the NVMe timeouts Azure asks for (its NVMe disks
/// can pause for minutes during host maintenance). bootstrap-vz's rootdelay=300 is gone: the kernel waits for the
/// root by its id.
/// </summary>
public sealed class ConfigureAzureConsole : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting Azure's kernel console and NVMe timeouts";

    public static IReadOnlyList<string> Parameters(ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        IReadOnlyList<string> console = architecture.HasBios
            ? ["console=tty0", "console=ttyS0,115200", "earlyprintk=ttyS0,115200", "consoleblank=0"]
            : ["console=tty0", "console=ttyAMA0", "earlycon=pl011,0xeffec000", "initcall_blacklist=arm_pmu_acpi_init", "transparent_hugepage=madvise"];
        return [.. console, "nvme_core.io_timeout=240", "nvme_core.admin_timeout=240"];
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.AddRange(Parameters(context.Spec.Architecture));
        return Task.CompletedTask;
    }
}
