using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Kiln.Manifests;

/// <summary>Parses a JSON manifest, allowing <c>//</c> and <c>/* */</c> comments as bootstrap-vz did.</summary>
public static class JsonManifestParser
{
    public static JToken Parse(string text, string file)
    {
        using var reader = new JsonTextReader(new StringReader(text));
        try
        {
            var settings = new JsonLoadSettings
            {
                CommentHandling = CommentHandling.Ignore,
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            };
            var token = JToken.ReadFrom(reader, settings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new ManifestException(new ManifestError(new SourceLocation(file, reader.LineNumber, reader.LinePosition), "unexpected text after the end of the JSON document"));
                }
            }

            return token;
        }
        catch (JsonReaderException exception)
        {
            var message = exception.Message;
            var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
            if (cut < 0)
            {
                cut = message.IndexOf(", line ", StringComparison.Ordinal);
            }

            message = (cut > 0 ? message[..cut] : message).TrimEnd('.', ',');
            var line = Math.Max(exception.LineNumber, 1);
            throw new ManifestException(new ManifestError(new SourceLocation(file, line, Math.Max(exception.LinePosition, 1)), $"JSON syntax error: {message}"));
        }
    }
}
