using Kiln.Caching;
using Kiln.Tests.Plugins;
using Shouldly;
using Xunit;

namespace Kiln.Tests.Caching;

public sealed class ToolVersionMemoTests : IDisposable
{
    private readonly TemporaryWorkspace _workspace = new();
    private int _asked;

    [Fact]
    public async Task The_version_is_asked_once_and_then_remembered_while_the_program_is_unchanged()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");

        (await ReadAsync(program, "mmdebstrap 1.3.5\n")).ShouldBe("mmdebstrap 1.3.5\n");
        (await ReadAsync(program, "not asked\n")).ShouldBe("mmdebstrap 1.3.5\n");

        _asked.ShouldBe(1);
        File.ReadAllText(Path.Combine(_workspace.Directory, ToolVersionMemo.FileName)).ShouldStartWith(Path.GetFullPath(program) + " ");
    }

    [Fact]
    public async Task An_upgraded_program_is_asked_again()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");
        await ReadAsync(program, "mmdebstrap 1.3.5\n");
        var replacement = _workspace.Write("bin/mmdebstrap.new", "#!/usr/bin/perl\n# 1.5.7\n");
        File.Move(replacement, program, overwrite: true); // as dpkg installs a new version

        (await ReadAsync(program, "mmdebstrap 1.5.7\n")).ShouldBe("mmdebstrap 1.5.7\n");

        _asked.ShouldBe(2);
    }

    [Fact]
    public async Task A_program_reached_through_a_link_is_remembered_by_the_file_it_links_to()
    {
        var program = _workspace.Write("usr/bin/debootstrap", "#!/bin/sh\n");
        var link = Path.Combine(_workspace.Directory, "bin-debootstrap");
        File.CreateSymbolicLink(link, program);

        await ReadAsync(link, "debootstrap 1.0.128\n");
        (await ReadAsync(program, "not asked\n")).ShouldBe("debootstrap 1.0.128\n");

        _asked.ShouldBe(1);
    }

    [Fact]
    public async Task A_program_not_found_is_asked_every_time_and_nothing_is_written()
    {
        await ReadAsync(null, "mmdebstrap 1.3.5\n");
        await ReadAsync(null, "mmdebstrap 1.3.5\n");

        _asked.ShouldBe(2);
        File.Exists(Path.Combine(_workspace.Directory, ToolVersionMemo.FileName)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_damaged_memo_line_is_ignored_and_the_program_asked()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");
        File.WriteAllText(Path.Combine(_workspace.Directory, ToolVersionMemo.FileName), ToolVersionMemo.IdentityOf(program) + "\tnot base64 at all!\n");

        (await ReadAsync(program, "mmdebstrap 1.3.5\n")).ShouldBe("mmdebstrap 1.3.5\n");

        _asked.ShouldBe(1);
    }

    [Fact]
    public async Task Builds_of_one_run_that_ask_at_once_all_get_the_version()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");
        // Every build has its answer at the same moment, and all write the memo at once.
        const int Builds = 32;
        var started = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = Enumerable.Range(0, Builds).Select(_ => Task.Run(() => ToolVersionMemo.ReadAsync(_workspace.Directory, program, async token =>
        {
            if (Interlocked.Increment(ref started) == Builds)
            {
                gate.SetResult();
            }

            await gate.Task.WaitAsync(token);
            return "mmdebstrap 1.5.7\n";
        }, CancellationToken.None))).ToList();

        (await Task.WhenAll(asking)).ShouldAllBe(v => v == "mmdebstrap 1.5.7\n");

        Directory.GetFiles(_workspace.Directory).Select(Path.GetFileName).ShouldBe([ToolVersionMemo.FileName], "no temporary file is left");
        (await ReadAsync(program, "not asked\n")).ShouldBe("mmdebstrap 1.5.7\n");
    }

    [Fact]
    public async Task A_memo_that_cannot_be_written_does_not_stop_the_build()
    {
        var program = _workspace.Write("bin/mmdebstrap", "#!/usr/bin/perl\n");
        Directory.CreateDirectory(Path.Combine(_workspace.Directory, ToolVersionMemo.FileName, "in-the-way"));

        (await ReadAsync(program, "mmdebstrap 1.5.7\n")).ShouldBe("mmdebstrap 1.5.7\n");
        (await ReadAsync(program, "mmdebstrap 1.5.7\n")).ShouldBe("mmdebstrap 1.5.7\n");

        _asked.ShouldBe(2);
    }

    public void Dispose() => _workspace.Dispose();

    private Task<string> ReadAsync(string? program, string answer) =>
        ToolVersionMemo.ReadAsync(_workspace.Directory, program, _ =>
        {
            _asked++;
            return Task.FromResult(answer);
        }, CancellationToken.None);
}
