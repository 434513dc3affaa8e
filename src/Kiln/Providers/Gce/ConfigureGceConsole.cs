using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>
/// The console GCE shows (the serial port 1 output and the interactive serial console): ttyS0 at 115200 and the
/// VGA console, as Debian's grub-cloud sets them, and <c>intel_iommu=off</c>, which Debian's GCE images add.
/// bootstrap-vz's <c>console=ttyS0,38400n8 elevator=noop scsi_mod.use_blk_mq=Y</c> are gone from current images.
/// </summary>
public sealed class ConfigureGceConsole : BuildTask
{
    public static readonly IReadOnlyList<string> Parameters =
        ["console=tty0", "console=ttyS0,115200", "earlyprintk=ttyS0,115200", "consoleblank=0", "intel_iommu=off"];

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting GCE's kernel console";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.AddRange(Parameters);
        return Task.CompletedTask;
    }
}
