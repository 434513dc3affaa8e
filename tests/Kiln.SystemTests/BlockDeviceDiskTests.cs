using System.Globalization;
using Kiln.Builds;
using Kiln.Common.Boot;
using Kiln.Common.Volume;
using Kiln.Disks;
using Kiln.Disks.Lvm;
using Kiln.Extensions;
using Kiln.Host;
using Kiln.Manifests;
using Kiln.Specs;
using Kiln.SystemTests.Plugins;
using Kiln.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// <c>backing: lvm</c> writes the disk onto a block device instead of a file. This host has no device-mapper,
/// so no logical volume can be made here: a loop device over a file stands in for it, and the disk tasks run
/// on it exactly as they do on /dev/VG/LV (zeroed, partitioned, the image's own volume group written, every
/// kind of filesystem and swap written at its offset, GRUB's boot code written). The file is then read back.
/// The creation of the host's volume is exercised as far as the host allows: its refusal.
/// </summary>
[Trait("Category", "System")]
public sealed class BlockDeviceDiskTests
{
    private const string Manifest = """
        name: block-device
        provider:
          name: kvm
        bootstrapper: {}
        system:
          release: trixie
        volume:
          backing: raw
          partitions:
            type: gpt
            boot: {filesystem: ext2, size: 64MiB}
            lvm:
              volumegroup: vg0
              logicalvolumes:
                swap: {size: 16MiB}
                root: {filesystem: ext4, size: 256MiB}
                var: {filesystem: xfs, size: 320MiB, mode: '0750'}
            srv: {filesystem: btrfs, size: 140MiB}
        """;

    private const string HostVolumeManifest = """
        name: host-volume
        provider:
          name: kvm
          ssh: false
        bootstrapper:
          variant: minbase
        system:
          release: trixie
        volume:
          backing: lvm
          volumegroup: kiln-test-no-such-group
          logicalvolume: lvtest
          partitions:
            type: msdos
            root: {filesystem: ext4, size: 1GiB}
        """;

    /// <summary>bootstrap-vz's jessie-lvm.yml, keys unchanged, walks its plan: the volume is created first and named last.</summary>
    [SystemFact]
    public async Task Bootstrap_vzs_jessie_lvm_example_dry_runs_with_the_volume_created_first_and_named_last()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-system-test-").FullName;
        try
        {
            var run = await KilnCli.RunAsync("build", Repository.Example("kvm/jessie-lvm.yml"), "--dry-run", "--output", Path.Combine(directory, "out"), "--log", Path.Combine(directory, "logs"), "--workspace", Path.Combine(directory, "ws"));

            run.ExitCode.ShouldBe(0, run.ToString());
            run.Output.ShouldContain("nothing was changed");
            var tasks = run.Output.Split('\n').Where(l => l.Contains(". ", StringComparison.Ordinal)).ToList();
            tasks.FindIndex(l => l.Contains("CreateLogicalVolume", StringComparison.Ordinal)).ShouldBeLessThan(tasks.FindIndex(l => l.Contains("PartitionDiskImage", StringComparison.Ordinal)));
            tasks.FindIndex(l => l.Contains("PublishLogicalVolume", StringComparison.Ordinal)).ShouldBeGreaterThan(tasks.FindIndex(l => l.Contains("InstallGrubBootCode", StringComparison.Ordinal)));
            tasks.ShouldNotContain(l => l.Contains("CreateDiskImage", StringComparison.Ordinal));
        }
        finally
        {
            TestDirectory.Remove(directory);
        }
    }

    /// <summary>
    /// Without device-mapper (this host) the build refuses for that; with it (an ordinary CI host) it gets as far
    /// as the host's volume groups and refuses for the missing group. Either way: one sentence, exit code 2,
    /// before anything is bootstrapped, and nothing left in the workspace, the output directory or the loop devices.
    /// </summary>
    [SystemFact]
    public async Task Backing_lvm_on_a_host_that_cannot_give_the_volume_is_refused_in_one_sentence_and_leaves_nothing_behind()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-system-test-").FullName;
        var workspace = Path.Combine("/var/tmp", Path.GetFileName(directory));
        try
        {
            var manifest = Path.Combine(directory, "host-volume.yml");
            await File.WriteAllTextAsync(manifest, HostVolumeManifest);
            var output = Path.Combine(directory, "out");

            var run = await KilnCli.RunAsync("build", manifest, "--output", output, "--log", Path.Combine(directory, "logs"), "--workspace", workspace);

            run.ExitCode.ShouldBe(2, run.ToString());
            var expected = DeviceMapper.IsAvailable()
                ? "the volume group kiln-test-no-such-group does not exist on this host (vgs does not know it); create it, or name one that exists in volume.volumegroup"
                : DeviceMapper.Missing;
            run.Error.ShouldContain($"kiln: error: {expected}\n");
            run.All.ShouldNotContain("   at ");
            run.Output.ShouldNotContain("Bootstrapping");
            HostState.Below(workspace).IsEmpty.ShouldBeTrue();
            (Directory.Exists(workspace) ? Directory.GetFileSystemEntries(workspace) : []).ShouldBeEmpty("the build directory and its journal are gone");
            (Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []).ShouldBeEmpty("nothing was published");
        }
        finally
        {
            TestDirectory.Remove(directory);
            if (Directory.Exists(workspace))
            {
                TestDirectory.Remove(workspace);
            }
        }
    }

    [SystemFact]
    public async Task A_disk_with_a_volume_group_and_every_kind_of_filesystem_is_written_onto_a_block_device()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-system-test-").FullName;
        var workspace = Path.Combine("/var/tmp", Path.GetFileName(directory));
        var backing = Path.Combine(directory, "device.img");
        string? device = null;
        try
        {
            var spec = Resolve(workspace, directory);
            var layout = spec.RequireLayout();
            await using (var file = new FileStream(backing, FileMode.CreateNew))
            {
                file.SetLength(layout.TotalSize.Bytes);
            }

            device = (await HostProgram.CheckedAsync("losetup", "--find", "--show", backing)).Trim();
            var runner = new CommandRunner(NullLogger<CommandRunner>.Instance);
            var context = new BuildContext(spec, new BuildPaths(workspace, "kiln-block-device", directory), runner, NullLoggerFactory.Instance);
            PrepareTree(context);

            await BlockDeviceDisk.UseAsync(context, device, CancellationToken.None);
            await new PartitionDiskImage().RunAsync(context, CancellationToken.None);
            await new WriteVolumeGroup().RunAsync(context, CancellationToken.None);
            await new WriteFilesystems().RunAsync(context, CancellationToken.None);
            await new InstallGrubBootCode().RunAsync(context, CancellationToken.None);

            context.DiskPath.ShouldBe(device);
            context.Undo.Count.ShouldBe(0, "every loop device and mount of the writers is given back");
            await HostProgram.CheckedAsync("losetup", "--detach", device);
            device = null;
            HostState.Below(workspace).IsEmpty.ShouldBeTrue();
            HostState.Below(directory).LoopDevices.ShouldBeEmpty();

            await CheckWrittenAsync(backing, layout, context.Paths);
        }
        finally
        {
            if (device is not null)
            {
                await HostProgram.RunAsync("losetup", ["--detach", device]);
            }

            TestDirectory.Remove(directory);
            if (Directory.Exists(workspace))
            {
                TestDirectory.Remove(workspace);
            }
        }
    }

    private static BuildSpec Resolve(string workspace, string output)
    {
        var document = ManifestLoader.LoadText(Manifest, Path.Combine(output, "block-device.yml"));
        return new ManifestReader(ExtensionRegistry.CreateDefault()).Read(document, DateTimeOffset.UtcNow, new ResolveOptions { Workspace = workspace, OutputDirectory = output });
    }

    /// <summary>A small root tree with a file in every filesystem, and stand-ins for GRUB's boot.img and core.img.</summary>
    private static void PrepareTree(BuildContext context)
    {
        var paths = context.Paths;
        foreach (var place in new[] { "/", "/boot", "/var", "/srv" })
        {
            Directory.CreateDirectory(paths.InRoot(place));
            File.WriteAllText(paths.InRoot(Path.Combine(place, "where")), place + "\n");
        }

        Directory.CreateDirectory(paths.Scratch);
        Directory.CreateDirectory(paths.MountDirectory);
        var grub = paths.InRoot($"/usr/lib/grub/{context.Spec.Architecture.GrubBiosPlatform}");
        Directory.CreateDirectory(grub);
        File.WriteAllBytes(Path.Combine(grub, "boot.img"), Enumerable.Repeat((byte)0xB0, 512).ToArray());
        File.WriteAllBytes(Path.Combine(paths.Scratch, BuildGrubCoreImage.CoreImageName), Enumerable.Repeat((byte)0xC0, 4096).ToArray());
    }

    private static async Task CheckWrittenAsync(string disk, DiskLayout layout, BuildPaths paths)
    {
        var table = await HostProgram.CheckedAsync("sfdisk", "--dump", disk);
        table.ShouldContain("label: gpt");
        table.ShouldContain($"type={SfdiskScript.LinuxLvmGuid}");

        var group = layout.VolumeGroup.ShouldNotBeNull();
        (await Probe(disk, group.PhysicalVolume)).ShouldBe($"LVM2_member {group.PhysicalVolume.Uuid}");
        foreach (var volume in layout.Volumes.Where(v => v.Role is PartitionRole.Filesystem or PartitionRole.Swap))
        {
            var type = volume.Spec?.Filesystem.ToString().ToLowerInvariant() ?? "swap";
            (await Probe(disk, volume)).ShouldBe($"{type} {volume.Uuid}", $"{volume.Label} at {volume.Start.Bytes}");
        }

        (await HostProgram.CheckedAsync("debugfs", "-R", "cat /where", $"{disk}?offset={layout.Root.Start.Bytes.ToString(CultureInfo.InvariantCulture)}")).ShouldContain("/\n");
        var boot = layout.ForMountPoint("/boot");
        (await HostProgram.CheckedAsync("debugfs", "-R", "cat /where", $"{disk}?offset={boot.Start.Bytes.ToString(CultureInfo.InvariantCulture)}")).ShouldContain("/boot\n");
        var xfs = await ReadXfsAsync(disk, layout.ForMountPoint("/var"));
        xfs.ShouldContain("where");
        xfs.ShouldContain("core.mode = 040750", customMessage: "the volume's mode is its top directory's");

        // The volume group, read back from the file with LVM's own tools, as the booted image will see it.
        var report = await ReportVolumesAsync(disk, group, paths);
        report.OrderBy(s => s.Name, StringComparer.Ordinal).ShouldBe(
            group.LogicalVolumes.Select(v => (v.LogicalVolume!.Name, $"{v.LogicalVolume.FirstExtent}-{v.LogicalVolume.LastExtent}")).OrderBy(s => s.Item1, StringComparer.Ordinal));

        // GRUB's boot code went onto the device: boot.img's code in the MBR, core.img into the BIOS boot partition.
        var bytes = new byte[512];
        await using var stream = File.OpenRead(disk);
        await stream.ReadExactlyAsync(bytes);
        bytes[0].ShouldBe((byte)0xB0);
        stream.Position = layout.BiosBoot.ShouldNotBeNull().Start.Bytes;
        await stream.ReadExactlyAsync(bytes);
        bytes[0].ShouldBe((byte)0xC0);
    }

    private static async Task<string> Probe(string disk, DiskPartition place)
    {
        var output = await HostProgram.CheckedAsync("blkid", "-p", "-O", place.Start.Bytes.ToString(CultureInfo.InvariantCulture), "-S", place.Size.Bytes.ToString(CultureInfo.InvariantCulture), "-o", "export", disk);
        var values = output.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return $"{values.GetValueOrDefault("TYPE")} {values.GetValueOrDefault("UUID")}";
    }

    /// <summary>Lists XFS's top directory and prints its mode through a read-only loop device, without mounting it.</summary>
    private static async Task<string> ReadXfsAsync(string disk, DiskPartition place)
    {
        var loop = (await HostProgram.CheckedAsync("losetup", "--find", "--show", "--read-only", "--offset", place.Start.Bytes.ToString(CultureInfo.InvariantCulture),
            "--sizelimit", place.Size.Bytes.ToString(CultureInfo.InvariantCulture), disk)).Trim();
        try
        {
            return await HostProgram.CheckedAsync("xfs_db", "-r", "-c", "ls /", "-c", "path /", "-c", "print core.mode", loop);
        }
        finally
        {
            await HostProgram.CheckedAsync("losetup", "--detach", loop);
        }
    }

    private static async Task<IReadOnlyList<(string Name, string Extents)>> ReportVolumesAsync(string disk, VolumeGroupLayout group, BuildPaths paths)
    {
        var system = Path.Combine(paths.Scratch, "lvm-readback");
        Directory.CreateDirectory(system);
        await File.WriteAllTextAsync(Path.Combine(system, "lvm.conf"), LvmConfiguration.ForBuild(system));
        var physicalVolume = group.PhysicalVolume;
        var loop = (await HostProgram.CheckedAsync("losetup", "--find", "--show", "--read-only", "--offset", physicalVolume.Start.Bytes.ToString(CultureInfo.InvariantCulture),
            "--sizelimit", physicalVolume.Size.Bytes.ToString(CultureInfo.InvariantCulture), disk)).Trim();
        try
        {
            var runner = new CommandRunner(NullLogger<CommandRunner>.Instance);
            var result = await runner.RunCheckedAsync(new LvmCommands(loop, system).ReportLogicalVolumes(group.Name), CancellationToken.None);
            return LvmReport.Segments(result.StandardOutput);
        }
        finally
        {
            await HostProgram.CheckedAsync("losetup", "--detach", loop);
        }
    }
}
