namespace Kiln.Specs;

/// <summary>The list of the Debian packages installed in the image (<c>NAME.packages.tsv</c>), one tab-separated line each.</summary>
public sealed record PackageListOutput(string Path) : BuildOutput
{
    public const string Extension = ".packages.tsv";

    public override string Kind => "package list";

    public override string Location => Path;
}
