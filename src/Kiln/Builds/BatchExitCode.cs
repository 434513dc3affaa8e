namespace Kiln.Builds;

/// <summary>The exit code of a run of several builds from theirs.</summary>
public static class BatchExitCode
{
    /// <summary>0 when every build succeeded; 130 when the run was interrupted; else 2 when some manifest or option was at fault, 1 otherwise.</summary>
    public static int Of(IReadOnlyList<int> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.All(code => code == 0))
        {
            return 0;
        }

        return codes.Contains(130) ? 130 : codes.Contains(2) ? 2 : 1;
    }
}
