using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>Kernel console on the serial port; with <c>console: virtual</c> also on the VGA console, which then becomes /dev/console.</summary>
public sealed class ConfigureConsole : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting the kernel console";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.Add($"console={context.Spec.Architecture.SerialConsole},115200n8");
        if (context.Spec.SettingsOf<KvmSettings>().Console == "virtual")
        {
            context.KernelParameters.Add("console=tty0");
        }

        return Task.CompletedTask;
    }
}
