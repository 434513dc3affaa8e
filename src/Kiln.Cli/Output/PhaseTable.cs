using Kiln.Tasks;

namespace Kiln.Cli.Output;

/// <summary>The time each phase took, as an aligned table ending with the total (what the user waited).</summary>
public static class PhaseTable
{
    public static string Render(IReadOnlyList<(Phase Phase, TimeSpan Elapsed)> phases, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var rows = phases.Select(p => (Name: p.Phase.ToName(), Time: Durations.Precise(p.Elapsed))).Append((Name: "total", Time: Durations.Precise(wallTime))).ToList();
        var nameWidth = Math.Max("phase".Length, rows.Max(r => r.Name.Length));
        var timeWidth = Math.Max("time".Length, rows.Max(r => r.Time.Length));
        var lines = new List<string> { $"{"phase".PadRight(nameWidth)}  {"time".PadLeft(timeWidth)}" };
        lines.AddRange(rows.Select(r => $"{r.Name.PadRight(nameWidth)}  {r.Time.PadLeft(timeWidth)}"));
        lines.Insert(lines.Count - 1, new string('-', nameWidth + 2 + timeWidth));
        return string.Join('\n', lines) + "\n";
    }
}
