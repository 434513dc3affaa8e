using System.Globalization;
using Kiln.Builds;
using Kiln.Cli.Commands;
using Kiln.Tasks;
using Spectre.Console;

namespace Kiln.Cli.Output;

/// <summary>The end of a run of several images: per image its result, files and time; and the run's exit code.</summary>
public static class BatchSummary
{
    public static void Write(Terminal terminal, IReadOnlyList<ImageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(reports);
        var width = reports.Max(r => r.Name.Length);
        terminal.Plain(string.Empty);
        foreach (var report in reports)
        {
            var time = report.WallTime == TimeSpan.Zero ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in {report.WallTime.TotalSeconds:F1} s");
            terminal.Line($"{Markup.Escape(report.Name.PadRight(width))}  {Result(report)}{time}");
            foreach (var artifact in report.Artifacts)
            {
                terminal.Plain($"{new string(' ', width)}  {artifact}");
            }

            foreach (var notice in report.Notices)
            {
                terminal.Line($"{new string(' ', width)}  [yellow]{Markup.Escape(notice)}[/]");
            }

            if (report.Outcome is not BuildOutcome.Succeeded && report.Error is { } error)
            {
                terminal.Plain($"{new string(' ', width)}  {error}");
            }

            if (report.Outcome is BuildOutcome.Failed && report.LogFile is { } log)
            {
                terminal.Plain($"{new string(' ', width)}  the full log is in {log}");
            }
        }

        var built = reports.Count(r => r.Outcome == BuildOutcome.Succeeded);
        terminal.Plain(string.Create(CultureInfo.InvariantCulture, $"{built} of {reports.Count} images built"));
    }

    public static int ExitCode(IReadOnlyList<ImageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return BatchExitCode.Of([.. reports.Select(r => r.ExitCode)]);
    }

    private static string Result(ImageReport report) => report.Outcome switch
    {
        BuildOutcome.Succeeded => "[green]built[/]",
        BuildOutcome.Interrupted => "[yellow]interrupted, rolled back[/]",
        BuildOutcome.Failed => "[red]failed, rolled back[/]",
        _ => "[yellow]not started[/]",
    };
}
