using System.Text;
using Kiln.Cli.Output;
using Kiln.Tasks;
using Shouldly;

namespace Kiln.Cli.Tests.Output;

/// <summary>The build progress as a person sees it on a terminal (frames of a fake terminal) and in a log (plain lines).</summary>
public sealed class ConsoleProgressTests
{
    private static readonly PlannedTask Check = new(1, new StandInTask("CheckHostTools", Phase.Validation, "Checking the host tools the build needs"));
    private static readonly PlannedTask Bootstrap = new(19, new StandInTask("BootstrapSystem", Phase.OsInstallation, "Bootstrapping the base system"));
    private static readonly PlannedTask Mount = new(20, new StandInTask("MountSpecialFilesystems", Phase.OsInstallation, "Mounting /proc, /sys and /dev in the root, with a description too long for the line"));

    [Fact]
    public void A_terminal_shows_one_live_line_with_the_elapsed_time_and_the_bootstrap_progress_under_it()
    {
        var screen = new FakeTerminal();
        var time = new ManualTime();
        var progress = new ConsoleProgress(screen, time);
        var frames = new StringBuilder();
        void Frame(string after) => frames.Append("--- ").Append(after).Append('\n').Append(screen.Screen);

        progress.TaskStarted(Check, 46);
        Frame("a task starts");
        time.Advance(TimeSpan.FromMilliseconds(200));
        progress.TaskFinished(Check, TimeSpan.FromMilliseconds(200));
        progress.TaskStarted(Bootstrap, 46);
        Frame("a quick task is overwritten by the next one");
        time.Advance(TimeSpan.FromSeconds(42));
        progress.Refresh();
        Frame("the timer ticks");
        progress.Output("mmdebstrap", "0 upgraded, 59 newly installed, 0 to remove and 0 not upgraded.");
        progress.Output("mmdebstrap", "Get:1 http://mirror.example/debian trixie/main amd64 libc6 amd64 2.41-12 [2850 kB]");
        progress.Output("mmdebstrap", "Unpacking libc6:amd64 (2.41-12) ...");
        progress.Output("mmdebstrap", "Unpacking base-files (13.8) ...");
        progress.Output("mmdebstrap", "Setting up libc6:amd64 (2.41-12) ...");
        Frame("the bootstrapper reports packages");
        progress.Note("note: a line for the user during the build");
        Frame("a note goes above the live lines");
        time.Advance(TimeSpan.FromSeconds(58));
        progress.TaskFinished(Bootstrap, TimeSpan.FromSeconds(100));
        Frame("a long task stays with its time");
        progress.TaskStarted(Mount, 46);
        Frame("a long description is cut to the terminal's width");
        progress.TaskFailed(Mount, new InvalidOperationException("mount failed"));
        progress.RollbackStarted(3);
        progress.RollbackFinished([]);
        progress.Finish();
        Frame("the task fails and the build rolls back");

        Golden.Verify(frames.ToString());
    }

    [Fact]
    public void Without_a_terminal_every_task_is_one_plain_line()
    {
        var screen = new FakeTerminal(interactive: false, width: 4096);
        var progress = new ConsoleProgress(screen, new ManualTime());

        progress.TaskStarted(Check, 46);
        progress.TaskFinished(Check, TimeSpan.FromMilliseconds(200));
        progress.TaskStarted(Bootstrap, 46);
        progress.Output("mmdebstrap", "Unpacking libc6:amd64 (2.41-12) ...");
        progress.Refresh();
        progress.TaskFinished(Bootstrap, TimeSpan.FromSeconds(100));
        progress.Note("note: a note");
        progress.Finish();

        screen.Written.ToString().ShouldBe("[1/46] Checking the host tools the build needs\n[19/46] Bootstrapping the base system\nnote: a note\n");
    }

    [Fact]
    public void The_phase_table_is_aligned_and_ends_with_the_total()
    {
        var table = PhaseTable.Render([(Phase.Validation, TimeSpan.FromSeconds(0.12)), (Phase.OsInstallation, TimeSpan.FromSeconds(100.04)), (Phase.ImageRegistration, TimeSpan.FromSeconds(3601))], TimeSpan.FromSeconds(3702.5));

        Golden.Verify(table);
    }

    [Theory]
    [InlineData(0.4, "0:00")]
    [InlineData(42, "0:42")]
    [InlineData(102, "1:42")]
    [InlineData(3723, "1:02:03")]
    public void Durations_read_as_minutes_and_seconds(double seconds, string expected) =>
        Durations.Clock(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
