namespace Kiln.Cli.Commands;

/// <summary>The file <c>--password-file</c> writes: NAME.root-password beside the image, mode 0600 from its creation on.</summary>
public static class RootPasswordFile
{
    public static string Write(string directory, string imageName, string password)
    {
        var path = Path.Combine(directory, $"{imageName}.root-password");

        // Created anew, so that a file left by an earlier build cannot lend its permissions.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using var writer = new StreamWriter(path, System.Text.Encoding.UTF8, options);
        writer.Write(password + "\n");
        return path;
    }
}
