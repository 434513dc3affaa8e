using System.Reflection;
using System.Runtime.CompilerServices;
using Shouldly;

namespace Kiln.Testing;

/// <summary>
/// Compares generated text with a reviewed <c>*.verified.txt</c> file next to the test class.
/// With <c>KILN_ACCEPT_GOLDEN=1</c> the test writes the file instead (review it before committing).
/// One source file, compiled into each test project (tests/Shared).
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "KILN_ACCEPT_GOLDEN";

    // The test project's folder, named as its assembly (tests/Kiln.Tests, tests/Kiln.Cli.Tests).
    private static readonly string ProjectFolder = Assembly.GetExecutingAssembly().GetName().Name + "/";

    /// <summary>Checks <paramref name="actual"/> against <c>Class.Member.verified.txt</c> beside the calling test file.</summary>
    public static void Verify(string actual, [CallerFilePath] string sourceFile = "", [CallerMemberName] string member = "") =>
        VerifyNamed(actual, member, sourceFile);

    /// <summary>Checks <paramref name="actual"/> against <c>Class.NAME.verified.txt</c> beside the calling test file (one file per theory case).</summary>
    public static void VerifyNamed(string actual, string name, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(name);
        var fileName = $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}.verified.txt";
        var sourceDirectory = Path.GetDirectoryName(sourceFile) ?? string.Empty;
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        if (Directory.Exists(sourceDirectory))
        {
            var path = Path.Combine(sourceDirectory, fileName);
            if (accept)
            {
                File.WriteAllText(path, actual);
                return;
            }

            Compare(actual, path);
            return;
        }

        // The source path was mapped away (deterministic CI build): use the copy in the output directory.
        accept.ShouldBeFalse($"cannot accept golden files: the source directory {sourceDirectory} does not exist here");
        var normalized = sourceFile.Replace('\\', '/');
        var cut = normalized.LastIndexOf(ProjectFolder, StringComparison.Ordinal);
        var relativeDirectory = cut < 0 ? string.Empty : Path.GetDirectoryName(normalized[(cut + ProjectFolder.Length)..]) ?? string.Empty;
        Compare(actual, Path.Combine(AppContext.BaseDirectory, relativeDirectory, fileName));
    }

    private static void Compare(string actual, string path)
    {
        File.Exists(path).ShouldBeTrue($"there is no golden file {path}; review the output and accept it with {AcceptVariable}=1");
        actual.ShouldBe(File.ReadAllText(path), $"the output differs from {path}; if the change is right, accept it with {AcceptVariable}=1");
    }
}
