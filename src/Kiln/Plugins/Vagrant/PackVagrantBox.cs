using Kiln.Common.Volume;
using Kiln.Host;
using Kiln.Tasks;

namespace Kiln.Plugins.Vagrant;

/// <summary>
/// Packs the Vagrant box beside the disk image: the box's disk converted from the finished raw disk (before the
/// image's own conversion, which may move the raw file away), its descriptor, Vagrantfile and metadata, in a tar.
/// </summary>
public sealed class PackVagrantBox : BuildTask
{
    public override Phase Phase => Phase.ImageRegistration;

    public override string Description => "Packing the Vagrant box";

    public override IReadOnlyList<Type> Successors => [typeof(ConvertImage)];

    public override IEnumerable<HostTool> Tools => [new HostTool("qemu-img", "qemu-utils"), new HostTool("tar", "tar")];

    public override async Task RunAsync(BuildContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Spec.Outputs.All.OfType<VagrantBoxOutput>().Single();
        var box = new VagrantBox(output.BoxProvider);
        var staging = Path.Combine(context.Paths.BuildDirectory, "vagrant-box");
        Directory.CreateDirectory(staging);
        var layout = context.RequireLayout();
        await context.Runner.RunCheckedAsync(box.ConvertDisk(context.Paths.RawDisk, Path.Combine(staging, box.DiskFile)), cancellationToken);
        if (box.IsVirtualBox)
        {
            var machine = new OvfMachine(context.Manifest.Name, box.DiskFile, layout.TotalSize.Bytes, context.Spec.Architecture.Debian == "amd64");
            var descriptor = OvfDescriptor.Write(machine);
            if (OvfBoxChecks.Problems(System.Xml.Linq.XDocument.Parse(descriptor), box.DiskFile, layout.TotalSize.Bytes) is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"the box's OVF descriptor is wrong: {string.Join("; ", problems)}");
            }

            await File.WriteAllTextAsync(Path.Combine(staging, VagrantBox.OvfFile), descriptor, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(staging, VagrantBox.MetadataFile), box.Metadata(layout.TotalSize), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(staging, VagrantBox.VagrantfileName), box.Vagrantfile(context.Manifest.Name), cancellationToken);
        await context.Runner.RunCheckedAsync(box.Pack(staging, context.Outputs.Begin(context, output, output.Path)), cancellationToken);
        Directory.Delete(staging, recursive: true);
    }
}
