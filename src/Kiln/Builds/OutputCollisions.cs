using Kiln.Specs;

namespace Kiln.Builds;

/// <summary>
/// Before a run of several manifests starts: no two of them write the same file (their names would collide in
/// one output directory, and one build would refuse midway on the other's output lock).
/// </summary>
public static class OutputCollisions
{
    public static void Check(IReadOnlyList<(BuildSpec Spec, string Source)> builds)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var clash = builds
            .SelectMany(build => build.Spec.Outputs.All.Select(output => (output.Location, build.Source)))
            .GroupBy(pair => pair.Location, StringComparer.Ordinal)
            .FirstOrDefault(group => group.Select(pair => pair.Source).Distinct(StringComparer.Ordinal).Count() > 1);
        if (clash is not null)
        {
            var sources = clash.Select(pair => pair.Source).Distinct(StringComparer.Ordinal).ToList();
            throw new UserInputException($"{string.Join(" and ", sources)} would all write {clash.Key}; give the manifests different names (name:) or different output directories");
        }
    }
}
