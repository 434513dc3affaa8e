using Shouldly;

namespace Kiln.SystemTests;

/// <summary>What every failed build must show: exit code 1, a rollback, and nothing left of it on the host or in the output.</summary>
public static class RolledBackBuild
{
    /// <summary>
    /// Asserts that <paramref name="run"/> failed and rolled back: no mount or loop device below
    /// <paramref name="workspace"/>, no build directory in it, and no image in <paramref name="output"/>.
    /// </summary>
    public static void ShouldHaveLeftNothing(KilnRun run, string workspace, string? output = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Output.ShouldContain("rolling back");
        var leftovers = HostState.Below(workspace);
        leftovers.IsEmpty.ShouldBeTrue(leftovers.ToString());
        Directory.GetDirectories(workspace, "kiln-*").ShouldBeEmpty();
        if (output is not null && Directory.Exists(output))
        {
            Directory.GetFiles(output).Where(file => file.EndsWith(".raw", StringComparison.Ordinal) || file.EndsWith(".qcow2", StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }
}
