namespace Kiln.Plugins.CloudInit;

/// <summary>One <c>enable_modules</c> entry: a module to put into a module list at bootstrap-vz's position.</summary>
public sealed record ModuleInsertion(string Section, string Module, long Position)
{
    /// <summary>The entry's place in its section's list in the manifest.</summary>
    public int Index { get; init; }

    /// <summary>
    /// The list index the module goes to. bootstrap-vz counted the lines of cloud.cfg from the list's heading
    /// (line 1), so position 2 is the first entry; 1, which it wrote above the heading, is the first entry too.
    /// </summary>
    public int IndexIn(int count) => (int)Math.Clamp(Position - 2, 0, count);
}
