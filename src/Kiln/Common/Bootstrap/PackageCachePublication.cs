namespace Kiln.Common.Bootstrap;

/// <summary>What one bootstrap did to the package cache: files it found there, files it added, older versions it removed.</summary>
public sealed record PackageCachePublication(int Reused, int Added, int Removed)
{
    public override string ToString() =>
        $"package cache: {Reused} of {Reused + Added} package(s) were cached, {Added} added" + (Removed > 0 ? $", {Removed} older version(s) removed" : string.Empty);
}
