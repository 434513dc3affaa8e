using Kiln.Specs;
using Kiln.Tasks;
using Kiln.VirtualMachines;

namespace Kiln.Common.Volume;

/// <summary>Writes the boot record beside the image, so <c>kiln test</c> and <c>kiln boot</c> start the machine it was made for.</summary>
public sealed class WriteBootRecord : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image's boot record";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConvertImage)];

    public static BootRecord For(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hardware = spec.ProviderProfile.Hardware;
        return new BootRecord(spec.Architecture.Debian, spec.Platform.Firmware, spec.Platform.SecureBoot, hardware.DiskBus, hardware.Network, spec.Architecture.SerialConsole);
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Spec.Outputs.BootRecord is not { } output)
        {
            return;
        }

        await File.WriteAllTextAsync(context.Outputs.Begin(context, output, output.Path), For(context.Spec).ToJson(), cancellationToken);
    }
}
