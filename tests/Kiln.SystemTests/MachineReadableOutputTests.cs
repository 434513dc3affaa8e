using Newtonsoft.Json.Linq;
using Shouldly;

namespace Kiln.SystemTests;

/// <summary>
/// What programs read from the real CLI: <c>--json</c> of validate, plan, summary, doctor and a dry-run build parse
/// and carry what they promise; <c>kiln schema</c>, the completions and the man page come out whole; Graphviz draws
/// <c>kiln plan --graph</c>. No root needed.
/// </summary>
public sealed class MachineReadableOutputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kiln-json-").FullName;

    [Fact]
    public async Task Validate_json_lists_every_error_with_file_line_column_path_and_message()
    {
        var broken = Path.Combine(_directory, "m.yml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Repository.Example("kvm/reference.yml")))
            .Replace("  release: ", "  release: bookwrom\n  relase_note: x\n  #", StringComparison.Ordinal));

        var run = await KilnCli.RunAsync("validate", "--offline", "--json", broken, Repository.Example("kvm/reference.yml"));

        run.ExitCode.ShouldBe(2, run.ToString());
        var document = JObject.Parse(run.Output);
        document["valid"]!.Value<bool>().ShouldBeFalse();
        var manifests = (JArray)document["manifests"]!;
        manifests.Count.ShouldBe(2);
        manifests[1]["valid"]!.Value<bool>().ShouldBeTrue();
        var errors = ((JArray)manifests[0]["errors"]!).Cast<JObject>().ToList();
        errors.Count.ShouldBe(2, run.ToString());
        errors.ShouldAllBe(e => (string)e["file"]! == broken && (int)e["line"]! > 0 && (int)e["column"]! > 0 && (string)e["severity"]! == "error");
        errors.Select(e => (string)e["path"]!).ShouldBe(["system.release", "system.relase_note"], ignoreOrder: true);
        errors.Single(e => (string)e["path"]! == "system.release")["message"]!.ToString().ShouldContain("did you mean `bookworm`?");
        run.Error.ShouldContain("unknown key `relase_note`");
    }

    [Fact]
    public async Task Plan_and_summary_json_carry_the_tasks_and_the_build_s_inputs()
    {
        var plan = await KilnCli.RunAsync("plan", "--json", Repository.Example("kvm/reference.yml"));
        var summary = await KilnCli.RunAsync("summary", "--offline", "--json", Repository.Example("kvm/reference.yml"));

        plan.ExitCode.ShouldBe(0, plan.ToString());
        var tasks = (JArray)JObject.Parse(plan.Output)["tasks"]!;
        tasks.Count.ShouldBeGreaterThan(20);
        ((string?)tasks[0]["phase"]).ShouldBe("validation");
        summary.ExitCode.ShouldBe(0, summary.ToString());
        var document = JObject.Parse(summary.Output);
        ((JArray)document["outputs"]!).Count.ShouldBeGreaterThan(0);
        ((JArray)document["packages"]!).Select(p => (string)p!).ShouldContain("grub-pc");
        ((string?)document["resolvedRelease"]).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_dry_run_build_prints_the_summary_and_json_says_nothing_was_built()
    {
        var text = await KilnCli.RunAsync("build", "--dry-run", "--offline", Repository.Example("kvm/reference.yml"));
        var json = await KilnCli.RunAsync("build", "--dry-run", "--offline", "--json", Repository.Example("kvm/reference.yml"));

        text.ExitCode.ShouldBe(0, text.ToString());
        text.Output.ShouldContain("host packages");
        text.Output.ShouldContain("BootstrapSystem");
        json.ExitCode.ShouldBe(0, json.ToString());
        var document = JObject.Parse(json.Output);
        document["dryRun"]!.Value<bool>().ShouldBeTrue();
        ((JArray)document["artifacts"]!).ShouldBeEmpty();
        ((string?)document["summary"]!["name"]).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Doctor_json_lists_its_checks_and_its_exit_code()
    {
        var run = await KilnCli.RunAsync("doctor", "--json");

        var document = JObject.Parse(run.Output);
        ((int)document["exitCode"]!).ShouldBe(run.ExitCode);
        ((JArray)document["checks"]!).Select(c => (string)c["name"]!).ShouldContain("mmdebstrap");
        ((JArray)document["checks"]!).Select(c => (string)c["name"]!).ShouldContain("package cache");
        ((JArray)document["checks"]!).Select(c => (string)c["status"]!).ShouldAllBe(s => s == "ok" || s == "missing" || s == "warning" || s == "info");
    }

    [Fact]
    public async Task Schema_completion_and_man_page_come_out_whole()
    {
        var schema = await KilnCli.RunAsync("schema");
        var bash = await KilnCli.RunAsync("completion", "bash");
        var man = await KilnCli.RunAsync("manpage");

        schema.ExitCode.ShouldBe(0, schema.ToString());
        ((JArray)JObject.Parse(schema.Output)["allOf"]!).Count.ShouldBeGreaterThan(10);
        bash.Output.ShouldContain("complete -o filenames");
        man.Output.ShouldStartWith(".TH KILN 1");
    }

    [Fact]
    public async Task The_task_graph_is_dot_that_graphviz_draws_with_a_cluster_per_phase()
    {
        var dot = await KilnCli.RunAsync("plan", "--graph", Repository.Example("kvm/reference.yml"));
        var svg = await KilnCli.RunAsync("plan", "--svg", Repository.Example("kvm/reference.yml"));

        dot.ExitCode.ShouldBe(0, dot.ToString());
        dot.Output.ShouldStartWith("digraph kiln {");
        svg.ExitCode.ShouldBe(0, svg.ToString());
        svg.Output.ShouldContain("<svg");
        svg.Output.ShouldContain("<title>cluster_05_os_installation</title>");
        svg.Output.ShouldContain("BootstrapSystem");
    }

    public void Dispose() => TestDirectory.Remove(_directory);
}
