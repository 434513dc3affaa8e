using System.Globalization;
using Kiln.Host;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Kiln.Cli.Output;

/// <summary>
/// Masks the run's secrets (passwords, cloud keys) in every log event before it reaches a sink: the rendered
/// message and the exception text, whichever part of Kiln or an SDK logged them. Text values are written as they are,
/// without the quotes Serilog's default rendering puts around them, so a logged command line reads as one.
/// </summary>
public sealed class MaskingSink(SecretStore secrets, ILogEventSink inner) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var masker = secrets.MaskerWith([]);
        var message = masker.Mask(Render(logEvent));
        var exception = logEvent.Exception is { } error ? new MaskedException(masker.Mask(error.ToString())) : null;
        var template = new MessageTemplate(message, [new TextToken(message)]);
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, template, []));
    }

    /// <summary>The event's message with every text value written as it is (the others as Serilog writes them).</summary>
    public static string Render(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value) && value is ScalarValue { Value: string text })
            {
                writer.Write(text);
            }
            else
            {
                token.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
            }
        }

        return writer.ToString();
    }

    /// <summary>An exception's text with its secrets masked, as the log's <c>{Exception}</c> shows it.</summary>
    private sealed class MaskedException(string text) : Exception(text)
    {
        public override string ToString() => Message;
    }
}
