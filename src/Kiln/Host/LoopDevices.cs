using Kiln.Tasks;

namespace Kiln.Host;

/// <summary>
/// Loop devices over a region of an image file (<c>losetup --offset --sizelimit</c>): this needs no
/// partition scanning, so it works on kernels without it. Each device is registered for detaching at once.
/// </summary>
public sealed class LoopDevices(ICommandRunner runner, UndoStack undo, BuildJournal? journal = null)
{
    public async Task<(string Device, UndoEntry Detach)> AttachAsync(string file, long offset, long size, CancellationToken cancellationToken)
    {
        // Recorded by backing file: the device's name is known only once it exists. The kernel names the backing
        // file by its real path (a logical volume's /dev/VG/LV is a link to /dev/dm-N), so the journal does too.
        var backing = File.Exists(file) && new FileInfo(file).LinkTarget is not null ? File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file : file;
        journal?.Record(new Acquisition(Acquisition.Loop, backing));
        var command = new CommandLine("losetup", "--find", "--show", "--offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--sizelimit", size.ToString(System.Globalization.CultureInfo.InvariantCulture), file);
        var result = await runner.RunCheckedAsync(command, cancellationToken);
        var device = result.StandardOutput.Trim();
        if (!device.StartsWith("/dev/", StringComparison.Ordinal))
        {
            throw new KilnException($"losetup gave no device for {file}: {result.StandardOutput}");
        }

        var detach = undo.Push($"detach {device}", ct => runner.RunCheckedAsync(new CommandLine("losetup", "--detach", device), ct));
        return (device, detach);
    }
}
