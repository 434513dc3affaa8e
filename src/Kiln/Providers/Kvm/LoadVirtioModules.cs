using Kiln.Common;
using Kiln.Tasks;

namespace Kiln.Providers.Kvm;

/// <summary>
/// Puts the manifest's virtio modules into the initramfs. The hook is in place before the kernel package is
/// installed, so the initramfs is built once, with them, instead of being rebuilt afterwards.
/// </summary>
public sealed class LoadVirtioModules : BuildTask
{
    public const string HookPath = "/etc/initramfs-tools/hooks/kiln-virtio-modules";

    public override Phase Phase => Phase.Preparation;

    public override string Description => "Adding virtio modules to the initramfs";

    public override Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modules = context.Spec.SettingsOf<KvmSettings>().Virtio;
        var hook = ImageFiles.Asset<LoadVirtioModules>("Providers/Kvm/assets/kiln-virtio-modules")
            .Replace("@MODULES@", string.Join(' ', modules), StringComparison.Ordinal);
        context.EarlyFiles[HookPath] = EarlyFile.Text(hook, ImageFiles.Executable);
        return Task.CompletedTask;
    }
}
