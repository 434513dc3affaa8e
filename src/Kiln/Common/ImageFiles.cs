using Kiln.Tasks;

namespace Kiln.Common;

/// <summary>Writing files into the image's root tree.</summary>
public static class ImageFiles
{
    public const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode Executable = Regular | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes a text file at <paramref name="pathInImage"/> (creating its directories) with the given mode.</summary>
    public static string WriteFile(this BuildContext context, string pathInImage, string content, UnixFileMode mode = Regular)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Paths.InRoot(pathInImage);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    public static bool ExistsInImage(this BuildContext context, string pathInImage)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Paths.InRoot(pathInImage);
        return File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;
    }

    /// <summary>Reads an asset shipped next to the code of <typeparamref name="TAnchor"/> (e.g. <c>Common/Ssh/assets/x</c>).</summary>
    public static string Asset<TAnchor>(string relativePath) => EmbeddedResources.ReadText(typeof(TAnchor).Assembly, relativePath);
}
