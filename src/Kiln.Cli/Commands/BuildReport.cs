using System.Security.Cryptography;
using Kiln.Cli.Output;
using Kiln.Tasks;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>The end of a build for people (timings by phase, artifacts, notices, the log) and for programs (<c>--json</c>).</summary>
public static class BuildReport
{
    public static void Print(Terminal terminal, ExecutionResult execution, BuildContext context, string? logFile, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(context);
        if (dryRun)
        {
            terminal.Plain($"dry run: {execution.Timings.Count} tasks walked, nothing was changed");
            return;
        }

        if (execution.Timings.Count > 0)
        {
            terminal.Raw(PhaseTable.Render(execution.PhaseTimings, execution.WallTime));
        }

        switch (execution.Outcome)
        {
            case BuildOutcome.Succeeded:
                foreach (var artifact in context.Artifacts)
                {
                    terminal.Line($"[green]built[/] {Markup.Escape(artifact)} in {Durations.Clock(execution.WallTime)}");
                }

                foreach (var notice in context.Notices)
                {
                    terminal.Line($"[yellow]{Markup.Escape(notice)}[/]");
                }

                break;
            case BuildOutcome.Interrupted:
                Terminal.Error("the build was interrupted; everything it had set up was undone");
                break;
            default:
                Terminal.Error(execution.Error!.Message);
                break;
        }

        if (logFile is not null)
        {
            if (execution.Outcome == BuildOutcome.Succeeded)
            {
                terminal.Plain($"log: {logFile}");
            }
            else
            {
                SafeConsole.WriteError($"kiln: the full log is in {logFile}");
            }
        }
    }

    /// <summary>Every published output with its size and SHA-256, the timings, the log and where the credentials are.</summary>
    public static JObject Json(ExecutionResult execution, BuildContext context, string? logFile, bool dryRun, string? passwordFile)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(context);
        var randomPassword = context.StateOf<Kiln.Plugins.RootPassword.GeneratedRootPassword>().Password is not null;
        return new JObject
        {
            ["outcome"] = execution.Outcome.ToString().ToLowerInvariant(),
            ["exitCode"] = execution.ExitCode,
            ["error"] = execution.Error?.Message,
            ["dryRun"] = dryRun,
            ["name"] = context.Manifest.Name,
            ["artifacts"] = new JArray(context.Artifacts.Select(Artifact)),
            ["timings"] = new JObject
            {
                ["wallSeconds"] = Math.Round(execution.WallTime.TotalSeconds, 3),
                ["phases"] = new JArray(execution.PhaseTimings.Select(p => new JObject { ["phase"] = p.Phase.ToName(), ["seconds"] = Math.Round(p.Elapsed.TotalSeconds, 3) })),
                ["tasks"] = new JArray(execution.Timings.Select(t => new JObject { ["task"] = t.Task, ["phase"] = t.Phase.ToName(), ["seconds"] = Math.Round(t.Elapsed.TotalSeconds, 3) })),
            },
            ["log"] = logFile,
            ["credentials"] = new JObject
            {
                ["randomRootPassword"] = randomPassword,
                ["rootPasswordFile"] = passwordFile,
                ["rootPasswordShownOnce"] = randomPassword ? "in the human output on standard error" : null,
            },
            ["notices"] = new JArray(context.Notices.Where(n => !n.Contains("password", StringComparison.OrdinalIgnoreCase))),
        };
    }

    private static JObject Artifact(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new JObject { ["path"] = path };
        }

        using var stream = info.OpenRead();
        return new JObject
        {
            ["path"] = info.FullName,
            ["size"] = info.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream)),
        };
    }
}
