using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>What <c>kiln build --json</c> promises: every published file with its size and SHA-256, timings, the log.</summary>
public static class BuildJson
{
    public static void ShouldDescribe(ImageBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var document = JObject.Parse(build.Build.Output);
        ((string?)document["outcome"]).ShouldBe("succeeded");
        ((int)document["exitCode"]!).ShouldBe(0);
        var artifacts = ((JArray)document["artifacts"]!).Cast<JObject>().ToList();
        artifacts.Select(a => (string)a["path"]!).ShouldContain(build.Image);
        foreach (var artifact in artifacts)
        {
            var path = (string)artifact["path"]!;
            ((long)artifact["size"]!).ShouldBe(new FileInfo(path).Length);
            using var stream = File.OpenRead(path);
            ((string?)artifact["sha256"]).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stream)));
        }

        ((double)document["timings"]!["wallSeconds"]!).ShouldBeGreaterThan(0);
        ((JArray)document["timings"]!["phases"]!).Count.ShouldBeGreaterThan(5);
        ((string?)document["log"]).ShouldNotBeNullOrEmpty();
        document["credentials"]!["randomRootPassword"]!.Value<bool>().ShouldBeFalse();
    }
}
