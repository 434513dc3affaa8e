using System.Globalization;
using System.Text;
using Kiln.Manifests;

namespace Kiln.Plugins.ExpandRoot;

/// <summary>bootstrap-vz's three expand_root options; Kiln finds each one that is left out itself.</summary>
public sealed record ExpandRootSettings(string? FilesystemType, string? RootDevice, long? RootPartition)
{
    public static ExpandRootSettings From(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var settings = manifest.PluginSettings(ExpandRootPlugin.PluginName);
        return new ExpandRootSettings((string?)settings["filesystem_type"], (string?)settings["root_device"], (long?)settings["root_partition"]);
    }

    /// <summary>The options for kiln-expand-root (with a leading space), or empty when it finds everything at boot.</summary>
    public string ScriptArguments()
    {
        var arguments = new StringBuilder();
        if (RootDevice is not null)
        {
            arguments.Append(" --device ").Append(RootDevice);
        }

        if (RootPartition is { } partition)
        {
            arguments.Append(" --partition ").Append(partition.ToString(CultureInfo.InvariantCulture));
        }

        if (FilesystemType is not null)
        {
            arguments.Append(" --filesystem ").Append(FilesystemType);
        }

        return arguments.ToString();
    }
}
