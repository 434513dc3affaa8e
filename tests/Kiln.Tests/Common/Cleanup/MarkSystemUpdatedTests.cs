using Kiln.Common.Cleanup;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Common.Cleanup;

public sealed class MarkSystemUpdatedTests
{
    [Fact]
    public async Task Etc_and_var_are_marked_with_the_time_of_usr_as_systemd_update_done_marks_them()
    {
        using var workspace = new TemporaryWorkspace();
        var context = workspace.Context(TestManifests.Bind(TestManifests.Minimal));
        foreach (var directory in new[] { "usr", "etc", "var" })
        {
            Directory.CreateDirectory(Path.Combine(context.Paths.Root, directory));
        }

        var usrTime = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Directory.SetLastWriteTimeUtc(Path.Combine(context.Paths.Root, "usr"), usrTime);

        await new MarkSystemUpdated().RunAsync(context, CancellationToken.None);

        foreach (var directory in new[] { "etc", "var" })
        {
            var stamp = Path.Combine(context.Paths.Root, directory, ".updated");
            File.ReadAllText(stamp).ShouldEndWith("\nTIMESTAMP_NSEC=1796040000123456700\n");
            File.GetLastWriteTimeUtc(stamp).ShouldBe(usrTime, "ConditionNeedsUpdate= compares the mtime of /usr with it");
        }
    }
}
