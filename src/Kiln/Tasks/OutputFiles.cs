using Kiln.Specs;

namespace Kiln.Tasks;

/// <summary>
/// The build's output files while they are being made: each is written under a temporary name in the output
/// directory (<c>.NAME.EXT.kiln-BUILDID</c>), recorded in the journal and on the undo stack, and renamed into
/// place only when the whole build has succeeded. An interrupted or failed build leaves no file under a final name.
/// </summary>
public sealed class OutputFiles
{
    private readonly Dictionary<string, (string Temporary, UndoEntry Removal)> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The temporary name of <paramref name="finalPath"/> in this build.</summary>
    public static string TemporaryPathFor(string finalPath, string buildId)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        return Path.Combine(Path.GetDirectoryName(finalPath) ?? ".", $".{Path.GetFileName(finalPath)}.{buildId}");
    }

    /// <summary>Starts an output: returns the temporary path to write it to (the same one when asked again).</summary>
    public string Begin(BuildContext context, BuildOutput output, string finalPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        lock (_lock)
        {
            if (_pending.TryGetValue(finalPath, out var pending))
            {
                return pending.Temporary;
            }

            var temporary = TemporaryPathFor(finalPath, context.Paths.BuildId);
            context.Journal.Record(new Acquisition(Acquisition.File, temporary));
            var removal = context.Undo.Push($"remove the unfinished {output.Kind} {temporary}", _ =>
            {
                File.Delete(temporary);
                return Task.CompletedTask;
            });
            _pending[finalPath] = (temporary, removal);
            return temporary;
        }
    }

    /// <summary>The temporary path of an output that was begun.</summary>
    public string PathOf(string finalPath)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(finalPath, out var pending) ? pending.Temporary : throw new InvalidOperationException($"{finalPath} was not begun");
        }
    }

    /// <summary>Renames every finished output into place; returns the final paths in the order they were begun.</summary>
    public IReadOnlyList<string> Publish()
    {
        lock (_lock)
        {
            var published = new List<string>();
            foreach (var (finalPath, (temporary, removal)) in _pending)
            {
                if (!File.Exists(temporary))
                {
                    continue;
                }

                File.Move(temporary, finalPath, overwrite: true);
                removal.Dismiss();
                published.Add(finalPath);
            }

            _pending.Clear();
            return published;
        }
    }
}
