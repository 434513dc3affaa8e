using Kiln.Host;

namespace Kiln.Common;

/// <summary>
/// The copy of a user's assets directory (chef's, puppet's) into a directory of the image: its content goes over
/// what is there, recursively, keeping modes, times and symbolic links, but not the owners of the user's files
/// (they belong to root in the image, and a key kept private stays private).
/// </summary>
public static class AssetsCopy
{
    public static CommandLine Command(string assets, string target)
    {
        ArgumentNullException.ThrowIfNull(assets);
        return new("cp", "-R", "--preserve=mode,timestamps", "--no-dereference", "--", $"{assets.TrimEnd('/')}/.", target + "/");
    }
}
