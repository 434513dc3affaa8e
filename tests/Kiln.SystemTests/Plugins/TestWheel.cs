using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.SystemTests.Plugins;

/// <summary>
/// Makes a pure-Python wheel (PyPI is out of reach): a zip file with the package's module and a .dist-info
/// directory holding METADATA, WHEEL, RECORD and, for a command, entry_points.txt.
/// </summary>
public static class TestWheel
{
    /// <summary>Writes <c>{distribution}-{version}-py3-none-any.whl</c> into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, string distribution, string version, string moduleCode, string? command = null)
    {
        var module = distribution.Replace('-', '_');
        var info = $"{module}-{version}.dist-info";
        var files = new List<(string Name, string Text)>
        {
            ($"{module}/__init__.py", moduleCode),
            ($"{info}/METADATA", $"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\nSummary: made by Kiln's system tests\n"),
            ($"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: kiln-system-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        };
        if (command is not null)
        {
            files.Add(($"{info}/entry_points.txt", $"[console_scripts]\n{command} = {module}:main\n"));
        }

        var record = new StringBuilder();
        foreach (var (name, text) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var digest = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{name},sha256={digest},{bytes.Length}\n");
        }

        record.Append($"{info}/RECORD,,\n");
        files.Add(($"{info}/RECORD", record.ToString()));
        var path = Path.Combine(directory, $"{module}-{version}-py3-none-any.whl");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in files)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        return path;
    }
}
