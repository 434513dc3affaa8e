using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiln.Cli.Output;

/// <summary>
/// Reads the progress of mmdebstrap, debootstrap and apt from their output lines: packages to install,
/// downloaded, unpacked and set up. Pure; the console shows <see cref="Text"/> under the running task.
/// </summary>
public sealed partial class BootstrapProgress
{
    private int _total;
    private int _downloaded;
    private int _unpacked;
    private int _configured;

    /// <summary>One line of a program's output; true when the progress text changed.</summary>
    public bool Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var before = Text;
        if (NewlyInstalled().Match(line) is { Success: true } planned)
        {
            _total += int.Parse(planned.Groups["count"].Value, CultureInfo.InvariantCulture);
        }
        else if (line.StartsWith("Get:", StringComparison.Ordinal) || line.StartsWith("I: Retrieving ", StringComparison.Ordinal))
        {
            _downloaded++;
        }
        else if (line.StartsWith("Unpacking ", StringComparison.Ordinal) || line.StartsWith("I: Unpacking ", StringComparison.Ordinal) || line.StartsWith("I: Extracting ", StringComparison.Ordinal))
        {
            _unpacked++;
        }
        else if (line.StartsWith("Setting up ", StringComparison.Ordinal) || line.StartsWith("I: Configuring ", StringComparison.Ordinal))
        {
            _configured++;
        }

        return Text != before;
    }

    /// <summary>What has happened so far, or null before the first sign of progress.</summary>
    public string? Text
    {
        get
        {
            if (_unpacked > 0 || _configured > 0)
            {
                var of = _total > 0 ? $"/{_total}" : string.Empty;
                return $"{_unpacked}{of} packages unpacked, {_configured} set up";
            }

            if (_downloaded > 0)
            {
                return _total > 0 ? $"{_downloaded} downloads, {_total} packages to install" : $"{_downloaded} downloads";
            }

            return _total > 0 ? $"{_total} packages to install" : null;
        }
    }

    [GeneratedRegex(@"^\d+ upgraded, (?<count>\d+) newly installed")]
    private static partial Regex NewlyInstalled();
}
