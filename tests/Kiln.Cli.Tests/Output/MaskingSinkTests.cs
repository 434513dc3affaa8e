using Kiln.Cli.Output;
using Kiln.Host;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using Shouldly;

namespace Kiln.Cli.Tests.Output;

public sealed class MaskingSinkTests
{
    [Fact]
    public void Text_values_are_written_without_quotes_and_secrets_are_masked()
    {
        var secrets = new SecretStore();
        secrets.Add("hunter2");
        var captured = new CapturingSink();
        var template = new MessageTemplateParser().Parse("[{Tool}] {Line} ({Count} lines)");
        var properties = new[]
        {
            new LogEventProperty("Tool", new ScalarValue("mmdebstrap")),
            new LogEventProperty("Line", new ScalarValue("Get:1 http://mirror/debian trixie InRelease, password hunter2")),
            new LogEventProperty("Count", new ScalarValue(3)),
        };

        new MaskingSink(secrets, captured).Emit(new LogEvent(DateTimeOffset.UnixEpoch, LogEventLevel.Debug, null, template, properties));

        captured.Messages.ShouldBe(["[mmdebstrap] Get:1 http://mirror/debian trixie InRelease, password ******** (3 lines)"]);
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public List<string> Messages { get; } = [];

        public void Emit(LogEvent logEvent) => Messages.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
