using Kiln.Tasks;

namespace Kiln.Providers.Ec2;

/// <summary>
/// <c>enhanced_networking: simple</c>: the AMI is registered with ENA and SR-IOV support, so the image's kernel must
/// have both drivers (ena for ENA, ixgbevf for Intel 82599 virtual functions). Debian's kernels carry them; a
/// kernel the manifest chose is checked here, before the image is written.
/// </summary>
public sealed class CheckEnhancedNetworkingDrivers : BuildTask
{
    public static readonly IReadOnlyList<string> Drivers = ["ena", "ixgbevf"];

    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Checking the kernel has the ENA and ixgbevf drivers";

    /// <summary>The drivers of <see cref="Drivers"/> that no kernel in the module tree has.</summary>
    public static IReadOnlyList<string> Missing(string modulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(modulesDirectory);
        var files = Directory.Exists(modulesDirectory)
            ? Directory.EnumerateFiles(modulesDirectory, "*.ko*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. Drivers.Where(driver => !files.Any(file => file == $"{driver}.ko" || file!.StartsWith($"{driver}.ko.", StringComparison.Ordinal)))];
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var missing = Missing(context.Paths.InRoot("/usr/lib/modules"));
        if (missing.Count > 0)
        {
            var kernel = context.Spec.SettingsOf<Ec2Settings>().Kernel ?? context.Spec.Architecture.DefaultKernelPackage;
            throw new UserInputException($"the kernel {kernel} has no {string.Join(" or ", missing)} driver, which enhanced_networking: simple registers the AMI for; use Debian's cloud kernel, or set enhanced_networking: none");
        }

        return Task.CompletedTask;
    }
}
