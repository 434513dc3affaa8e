using Kiln.Disks;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Tasks;

namespace Kiln.Common.Volume;

/// <summary>Writes the finished disk to the output directory in the manifest's format (qemu-img convert; raw is moved).</summary>
public sealed class ConvertImage : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Writing the image in its final format";

    public override IEnumerable<HostTool> RequiredTools(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Volume.Backing == "raw" ? [] : [new HostTool("qemu-img", "qemu-utils")];
    }

    public static string OutputPath(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = DiskImageFormat.Find(context.Manifest.Volume.Backing)!;
        return Path.Combine(context.Paths.OutputDirectory, $"{context.Manifest.Name}.{format.Extension}");
    }

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = DiskImageFormat.Find(context.Manifest.Volume.Backing)!;
        var output = OutputPath(context);
        if (File.Exists(output))
        {
            context.Announce($"replacing {output}");
            File.Delete(output);
        }

        var removePartial = context.Undo.Push($"remove the unfinished {output}", _ =>
        {
            File.Delete(output);
            return Task.CompletedTask;
        });
        if (format.IsRaw)
        {
            await context.Runner.RunCheckedAsync(new CommandLine("mv", context.Paths.RawDisk, output), cancellationToken);
        }
        else
        {
            await context.Runner.RunCheckedAsync(ConvertCommand(context.Paths.RawDisk, output, format), cancellationToken);
        }

        removePartial.Dismiss();
        context.Artifacts.Add(output);
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
