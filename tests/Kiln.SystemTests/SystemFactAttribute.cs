namespace Kiln.SystemTests;

/// <summary>A test that builds or boots real images: it needs root (chroot, mount, loop devices) and skips with the reason otherwise.</summary>
public sealed class SystemFactAttribute : FactAttribute
{
    public SystemFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "system test: needs root to build images (run the suite as root, as .ci/run does)";
        }
        else if (Environment.GetEnvironmentVariable("KILN_SKIP_SYSTEM_TESTS") == "1")
        {
            Skip = "system test: KILN_SKIP_SYSTEM_TESTS=1";
        }
    }
}
