using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// docker/bookworm.yml, built without a Docker daemon: Debian's podman loads the docker-archive and the OCI
/// archive as one image, runs a command in it, and shows the manifest's labels, CMD, ENV, EXPOSE and WORKDIR.
/// podman keeps its store in the test's directory (vfs driver), so the host's containers are untouched. The SBOM
/// beside the archives validates and lists what dpkg-query lists in the running container.
/// </summary>
[Trait("Category", "System")]
public sealed partial class DockerImageTests
{
    [SystemFact]
    public async Task Podman_loads_both_archives_as_one_image_runs_a_command_in_it_and_shows_the_manifests_settings()
    {
        using var build = await ImageBuild.RunAsync(Repository.Example("docker/bookworm.yml"));
        var dockerArchive = build.OutputWith(".docker.tar");
        var ociArchive = build.OutputWith(".oci.tar");
        dockerArchive.ShouldEndWith("/kiln-debian-bookworm_latest.docker.tar");
        Directory.GetFiles(build.OutputDirectory).ShouldNotContain(f => f.EndsWith(".raw", StringComparison.Ordinal) || f.EndsWith(".boot.json", StringComparison.Ordinal));

        // The SBOM describes the OCI archive, with the docker-archive and the package list beside it.
        var stem = Path.Combine(build.OutputDirectory, "kiln-debian-bookworm_latest");
        var sbom = ImageSbom.Read(ociArchive, stem);
        sbom.ShouldDescribeTheFilesBesideIt(Path.GetFileName(dockerArchive), Path.GetFileName(stem + Kiln.Specs.PackageListOutput.Extension));

        var store = Path.Combine(build.OutputDirectory, "podman");
        string[] podman = ["--root", Path.Combine(store, "root"), "--runroot", Path.Combine(store, "run"), "--storage-driver", "vfs"];
        try
        {
            var loaded = LoadedImage().Match(await HostCommand.RunAsync("podman", [.. podman, "load", "--input", dockerArchive])).Groups["image"].Value;
            loaded.ShouldEndWith("kiln-debian-bookworm:latest");
            var loadedOci = LoadedImage().Match(await HostCommand.RunAsync("podman", [.. podman, "load", "--input", ociArchive])).Groups["image"].Value;
            loadedOci.ShouldNotBeEmpty();
            var id = (await HostCommand.RunAsync("podman", [.. podman, "image", "inspect", "--format", "{{.Id}}", loaded])).Trim();
            (await HostCommand.RunAsync("podman", [.. podman, "image", "inspect", "--format", "{{.Id}}", loadedOci])).Trim().ShouldBe(id);

            var output = await HostCommand.RunAsync("podman",
            [
                .. podman, "run", "--rm", "--network", "none", "--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", loaded,
                "/bin/sh", "-c", ". /etc/os-release; echo $VERSION_CODENAME; pwd; echo $KILN_IMAGE; ip -V | cut -d, -f1; find /usr/share/doc -type f ! -name copyright | wc -l; test -x /usr/sbin/policy-rc.d && echo policy; ls /boot | wc -l",
            ]);
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["bookworm", "/srv", "debian bookworm", "ip utility", "0", "policy", "0"]);
            var packages = await HostCommand.RunAsync("podman",
            [
                .. podman, "run", "--rm", "--network", "none", "--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", loaded,
                "/bin/sh", "-c", ImageSbom.GuestFacts.Single(fact => fact.Key == "packages_sha256").Shell,
            ]);
            packages.Trim().ShouldBe(sbom.PackageLinesSha256, "the SBOM lists what dpkg-query -W lists in the container");

            // Dates stay text: the labels are compared as podman shows them.
            var inspected = JsonConvert.DeserializeObject<JArray>(await HostCommand.RunAsync("podman", [.. podman, "image", "inspect", loaded]), new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
            var image = (JObject)inspected[0];
            var config = (JObject)image["Config"]!;
            config["Cmd"]!.ToObject<string[]>()!.ShouldBe(["/bin/bash"]);
            config["WorkingDir"]!.ToString().ShouldBe("/srv");
            config["Env"]!.ToObject<string[]>()!.ShouldContain("KILN_IMAGE=debian bookworm");
            ((JObject)config["ExposedPorts"]!).Properties().Select(p => p.Name).ShouldBe(["53/udp", "8080/tcp"], ignoreOrder: true);
            var labels = (JObject)config["Labels"]!;
            labels["name"]!.ToString().ShouldBe("kiln-debian-bookworm:latest");
            labels["architecture"]!.ToString().ShouldBe("amd64");
            labels["summary"]!.ToString().ShouldBe("Debian bookworm amd64");
            labels["distribution-scope"]!.ToString().ShouldBe("public");
            labels["org.opencontainers.image.vendor"]!.ToString().ShouldBe("Kiln");
            labels["build-date"]!.ToString().ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        }
        finally
        {
            await HostCommand.RunAsync("podman", [.. podman, "rmi", "--all", "--force"]);
            await HostCommand.RunAsync("rm", ["-rf", "--one-file-system", store]);
        }
    }

    [GeneratedRegex(@"Loaded image(\(s\))?: (?<image>\S+)")]
    private static partial Regex LoadedImage();
}
