using Kiln.Host;
using Newtonsoft.Json.Linq;

namespace Kiln.Plugins.FileCopy;

/// <summary>The permissions, owner and group a file or directory entry asks for, as chmod, chown and chgrp run in the image.</summary>
public sealed record PathAttributes(string? Permissions, string? Owner, string? Group)
{
    public static PathAttributes From(JObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PathAttributes((string?)entry["permissions"], (string?)entry["owner"], (string?)entry["group"]);
    }

    /// <summary>The commands (run in the chroot, so that user and group names are the image's) in bootstrap-vz's order.</summary>
    public IEnumerable<CommandLine> Commands(string pathInImage)
    {
        if (Permissions is not null)
        {
            yield return new CommandLine("chmod", Permissions, pathInImage);
        }

        if (Owner is not null)
        {
            yield return new CommandLine("chown", Owner, pathInImage);
        }

        if (Group is not null)
        {
            yield return new CommandLine("chgrp", Group, pathInImage);
        }
    }
}
