using Kiln.Tasks;

namespace Kiln.Providers.VirtualBox;

/// <summary>
/// Kernel messages on the serial port and on the VM's screen, as bootstrap-vz's virtualbox images had them: the
/// screen's console (tty0) comes last, so it is /dev/console, where a VirtualBox user looks.
/// </summary>
public sealed class ConfigureVirtualBoxConsole : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting the kernel consoles (serial port and screen)";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.Add($"console={context.Spec.Architecture.SerialConsole},115200n8");
        context.KernelParameters.Add("console=tty0");
        return Task.CompletedTask;
    }
}
