using Kiln.Disks;
using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>
/// Writes the finished disk to the output directory in the manifest's format (qemu-img convert; raw is moved; a
/// fixed VHD is the raw disk moved and its footer appended, with the build's time and an id derived from the
/// manifest), under its temporary name until the build publishes its outputs.
/// </summary>
public sealed class ConvertImage : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image in its final format";

    public override IEnumerable<HostTool> Tools => [new HostTool("qemu-img", "qemu-utils")];

    public override IEnumerable<HostTool> RequiredTools(BuildSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var format = spec.Outputs.RequireDiskImage().Format;
        return format.IsRaw || format.IsFixedVhd ? [] : Tools;
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var image = context.Spec.Outputs.RequireDiskImage();
        var format = image.Format;
        var output = context.Outputs.Begin(context, image, image.Path);
        if (format.IsRaw)
        {
            await context.Runner.RunCheckedAsync(new CommandLine("mv", context.Paths.RawDisk, output), cancellationToken);
        }
        else if (format.IsFixedVhd)
        {
            await context.Runner.RunCheckedAsync(new CommandLine("mv", context.Paths.RawDisk, output), cancellationToken);
            await AppendVhdFooterAsync(output, FooterFor(context.Spec, context.SourceDateEpoch?.Time ?? context.Manifest.BuildTime), cancellationToken);
        }
        else
        {
            await context.Runner.RunCheckedAsync(ConvertCommand(context.Paths.RawDisk, output, format), cancellationToken);
        }
    }

    /// <summary>The footer of the build's fixed VHD: the disk's size, the build's time, an id derived from the disk's (so from the manifest).</summary>
    public static VhdFooter FooterFor(BuildSpec spec, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = spec.RequireLayout();
        return new VhdFooter
        {
            DiskBytes = layout.TotalSize.Bytes,
            Time = time,
            UniqueId = DiskIdentifiers.NameBased(layout.DiskId ?? spec.Manifest.Name, "vhd"),
        };
    }

    private static async Task AppendVhdFooterAsync(string image, VhdFooter footer, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(image, FileMode.Append, FileAccess.Write);
        await file.WriteAsync(footer.ToBytes(), cancellationToken);
    }

    public static CommandLine ConvertCommand(string raw, string output, DiskImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var arguments = new List<string> { "convert", "-f", "raw", "-O", format.QemuFormat };
        if (format.QemuOptions.Count > 0)
        {
            arguments.AddRange(["-o", string.Join(',', format.QemuOptions)]);
        }

        arguments.AddRange([raw, output]);
        return new CommandLine("qemu-img", arguments);
    }
}
