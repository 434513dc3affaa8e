using System.Globalization;
using Kiln.Publishing;

namespace Kiln.Cli.Output;

/// <summary>Upload progress as plain lines: one every tenth of the way (and at the end), so logs and terminals both read it.</summary>
public sealed class UploadProgressLines(Terminal terminal) : IProgress<TransferProgress>
{
    private readonly Lock _lock = new();
    private int _shownTenth = -1;

    public void Report(TransferProgress value)
    {
        var tenth = (int)Math.Floor(value.Percent / 10);
        lock (_lock)
        {
            if (tenth <= _shownTenth)
            {
                return;
            }

            _shownTenth = tenth;
        }

        terminal.Plain(string.Create(CultureInfo.InvariantCulture, $"uploading {value.What}: {value.Percent:F0}% ({value.Done >> 20} of {value.Total >> 20} MiB)"));
    }
}
