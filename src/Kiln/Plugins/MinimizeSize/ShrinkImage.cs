using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Plugins.MinimizeSize;

/// <summary>
/// <c>shrink</c>: qemu-img rewrites the finished image, compressing qcow2 clusters unless told not to (bootstrap-vz's
/// ShrinkVolumeWithQemuImg). Without compression the rewrite only drops zero-filled blocks: Kiln's images are
/// already written sparse, so it gains next to nothing (see docs/plugins/minimize_size.md).
/// </summary>
public sealed class ShrinkImage : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Shrinking the image with qemu-img";

    public override IReadOnlyList<Type> Predecessors => [typeof(ConvertImage)];

    // The SBOM records the image's checksum, so it is written after the image's last rewrite.
    public override IReadOnlyList<Type> Successors => [typeof(Common.Sbom.WriteSbom)];

    public override IEnumerable<HostTool> Tools => [new HostTool("qemu-img", "qemu-utils")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Spec.Outputs.RequireDiskImage();
        var image = context.Outputs.PathOf(output.Path);
        var format = output.Format;
        var shrunk = image + ".shrinking";
        var removeShrunk = context.Undo.Push($"remove the unfinished {shrunk}", _ =>
        {
            File.Delete(shrunk);
            return Task.CompletedTask;
        });
        var before = new FileInfo(image).Length;
        await context.Runner.RunCheckedAsync(Command(image, shrunk, format, context.Spec.SettingsOf<MinimizeSizeSettings>().Shrink), cancellationToken);
        File.Move(shrunk, image, overwrite: true);
        removeShrunk.Dismiss();
        context.Announce($"shrink: {before >> 20} MiB -> {new FileInfo(image).Length >> 20} MiB ({Path.GetFileName(image)})");
    }

    public static CommandLine Command(string image, string output, DiskImageFormat format, ShrinkMode mode)
    {
        ArgumentNullException.ThrowIfNull(format);
        var arguments = new List<string> { "convert", "-f", format.QemuFormat, "-O", format.QemuFormat };
        if (mode == ShrinkMode.Compressed && SupportsCompression(format))
        {
            arguments.Add("-c");
        }

        if (format.QemuOptions.Count > 0)
        {
            arguments.AddRange(["-o", string.Join(',', format.QemuOptions)]);
        }

        arguments.AddRange([image, output]);
        return new CommandLine("qemu-img", arguments);
    }

    /// <summary>qemu-img compresses qcow2 (and streamOptimized vmdk, which Kiln does not write); other formats are rewritten sparse.</summary>
    public static bool SupportsCompression(DiskImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.QemuFormat == "qcow2";
    }
}
