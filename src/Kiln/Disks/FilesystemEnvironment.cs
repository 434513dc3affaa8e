using System.Globalization;
using Kiln.Host;

namespace Kiln.Disks;

/// <summary>
/// The environment of the programs that write filesystems (mkfs, debugfs, mtools, zerofree), so that what they
/// write depends on the tree alone: their own times are SOURCE_DATE_EPOCH instead of the clock (mke2fs and debugfs
/// read <c>E2FSPROGS_FAKE_TIME</c>, mke2fs 1.47.1 and later and mkfs.fat <c>SOURCE_DATE_EPOCH</c>), mke2fs sorts
/// each directory in the C locale, and FAT's local times are UTC.
/// </summary>
public static class FilesystemEnvironment
{
    public const string E2fsprogsFakeTime = "E2FSPROGS_FAKE_TIME";

    public static IReadOnlyDictionary<string, string> For(long? sourceDateEpoch)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["LC_ALL"] = "C", ["TZ"] = "UTC" };
        if (sourceDateEpoch is { } epoch)
        {
            var text = epoch.ToString(CultureInfo.InvariantCulture);
            environment[Specs.SourceDateEpoch.VariableName] = text;
            environment[E2fsprogsFakeTime] = text;
        }

        return environment;
    }

    /// <summary><paramref name="command"/> with that environment added to its own.</summary>
    public static CommandLine Apply(CommandLine command, long? sourceDateEpoch)
    {
        ArgumentNullException.ThrowIfNull(command);
        return For(sourceDateEpoch).Aggregate(command, (line, variable) => line.WithEnvironment(variable.Key, variable.Value));
    }
}
