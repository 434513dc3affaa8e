using System.Globalization;
using Kiln.Host;

namespace Kiln.Providers.Docker;

/// <summary>
/// The GNU tar command that writes the image's one layer from the root tree: entries sorted by name, owners as
/// numbers, file capabilities kept (ping's), PAX headers without atime, ctime or process ids, and with
/// SOURCE_DATE_EPOCH every time after it clamped to it, so the same tree gives the same bytes.
/// </summary>
public static class LayerTarCommand
{
    public static CommandLine For(string root, string layer, long? sourceDateEpoch)
    {
        var arguments = new List<string>
        {
            "--create", "--file", layer, "--directory", root, "--sort=name", "--numeric-owner", "--format=pax",
            "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
            "--xattrs", "--xattrs-include=security.capability", "--one-file-system",
        };
        if (sourceDateEpoch is { } epoch)
        {
            arguments.AddRange([$"--mtime=@{epoch.ToString(CultureInfo.InvariantCulture)}", "--clamp-mtime"]);
        }

        arguments.Add(".");
        return new CommandLine("tar", arguments);
    }
}
