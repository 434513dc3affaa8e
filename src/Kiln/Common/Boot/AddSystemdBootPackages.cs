using Kiln.Tasks;

namespace Kiln.Common.Boot;

/// <summary>Adds systemd-boot, its EFI stub and ukify, which builds the unified kernel image.</summary>
public sealed class AddSystemdBootPackages : BuildTask
{
    public static readonly IReadOnlyList<string> Packages = ["systemd-boot", "systemd-boot-efi", "systemd-ukify"];

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding systemd-boot and ukify";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var package in Packages)
        {
            context.Packages.Add(package);
        }

        return Task.CompletedTask;
    }
}
