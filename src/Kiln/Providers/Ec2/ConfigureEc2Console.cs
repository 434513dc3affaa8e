using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>
/// The console EC2 shows (the instance's serial console and screenshot): ttyS0 at 115200 and the VGA console, as
/// Debian's grub-cloud sets them; hvc0 was Xen's paravirtual console and is gone.
/// </summary>
public sealed class ConfigureEc2Console : BuildTask
{
    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting EC2's kernel console";

    public static IReadOnlyList<string> Parameters(Platforms.ArchitectureProfile architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        return architecture.HasBios
            ? ["console=tty0", "console=ttyS0,115200", "earlyprintk=ttyS0,115200", "consoleblank=0"]
            : ["console=tty0", "console=ttyS0"];
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.AddRange(Parameters(context.Spec.Architecture));
        return Task.CompletedTask;
    }
}
