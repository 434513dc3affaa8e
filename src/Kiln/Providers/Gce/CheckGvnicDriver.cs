using Kiln.Tasks;

namespace Kiln.Providers.Gce;

/// <summary>
/// <c>guest_os_features: [GVNIC]</c> lets GCE give the instance Google's virtual NIC, which only the gve driver
/// drives: without it the instance has no network. Debian's kernels carry gve; a kernel the manifest chose is
/// checked here, before the image is written.
/// </summary>
public sealed class CheckGvnicDriver : BuildTask
{
    public override Phase Phase => Phase.SystemModification;

    public override string Description => "Checking the kernel has the gVNIC driver (gve)";

    public static bool HasDriver(string modulesDirectory)
    {
        ArgumentNullException.ThrowIfNull(modulesDirectory);
        return Directory.Exists(modulesDirectory)
            && Directory.EnumerateFiles(modulesDirectory, "gve.ko*", SearchOption.AllDirectories).Any(file => Path.GetFileName(file) is "gve.ko" || Path.GetFileName(file).StartsWith("gve.ko.", StringComparison.Ordinal));
    }

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HasDriver(context.Paths.InRoot("/usr/lib/modules")))
        {
            var kernel = context.Spec.SettingsOf<GceSettings>().Kernel ?? context.Spec.Architecture.DefaultKernelPackage;
            throw new UserInputException($"the kernel {kernel} has no gve driver, which guest_os_features GVNIC needs (an instance with gVNIC has no other network card); use Debian's cloud kernel, or remove GVNIC");
        }

        return Task.CompletedTask;
    }
}
