using Kiln.Tasks;

namespace Kiln.Providers.Oracle;

/// <summary>
/// The consoles OCI connects to: the serial console (OCI's console connection) on ttyS0 at 115200, and the VGA
/// console its screenshot shows.
/// </summary>
public sealed class ConfigureOracleConsole : BuildTask
{
    public static IReadOnlyList<string> Parameters { get; } = ["console=tty0", "console=ttyS0,115200", "consoleblank=0"];

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Setting OCI's kernel console";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.KernelParameters.AddRange(Parameters);
        return Task.CompletedTask;
    }
}
