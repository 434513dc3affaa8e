using Kiln.Host;
using Kiln.Specs;
using Kiln.Tasks;
using Kiln.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Tests;

/// <summary>Build contexts over paths that do not exist and a runner that runs nothing.</summary>
public static class TestBuildContexts
{
    public static readonly BuildPaths Paths = new("/nonexistent/workspace", "kiln-test", "/nonexistent/output");

    public static BuildContext Create(BuildSpec? spec = null, ICommandRunner? runner = null) =>
        new(spec ?? TestManifests.Bind(TestManifests.Minimal), Paths, runner ?? new FakeCommandRunner(), NullLoggerFactory.Instance);
}
