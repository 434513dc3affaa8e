using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kiln.Manifests;

/// <summary>
/// Parses YAML into a Json.NET tree whose every token knows its YAML line and column.
/// Merge keys and aliases are expanded; duplicate keys, tabs in indentation and multiple documents are errors.
/// </summary>
public sealed class YamlManifestParser
{
    private readonly string _file;
    private readonly List<ReplayedToken> _tokens = [];
    private readonly Dictionary<string, List<ReplayedToken>> _anchors = new(StringComparer.Ordinal);
    private readonly List<ManifestError> _errors = [];

    // Keys come in document order; a key at or before the furthest one seen is a copy made by a merge key (<<).
    private long _furthestKeyIndex = -1;

    private YamlManifestParser(string file) => _file = file;

    public static JToken Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new YamlManifestParser(file);
        return parser.Run(text);
    }

    private JToken Run(string text)
    {
        try
        {
            var events = new MergingParser(new Parser(new StringReader(text)));
            events.Consume<StreamStart>();
            if (events.Accept<StreamEnd>(out _))
            {
                throw new ManifestException(new ManifestError(new SourceLocation(_file, 1, 1), "the file holds no YAML document"));
            }

            events.Consume<DocumentStart>();
            ReadNode(events);
            events.Consume<DocumentEnd>();
            if (events.Accept<DocumentStart>(out var second))
            {
                _errors.Add(Error(second.Start, "a manifest is one YAML document; remove the second `---` document"));
            }
        }
        catch (YamlException exception)
        {
            // Tabs are only wrong as indentation; inside a block scalar they are content, so they are
            // looked for only when the parser has failed, at or before the place it failed.
            var aboutTabs = exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase);
            _errors.Add(TabIndentationUpTo(text, aboutTabs ? int.MaxValue : (int)exception.Start.Line + 1)
                ?? Misindented(text, (int)exception.Start.Line)
                ?? Error(exception.Start, $"YAML syntax error: {Simplify(exception.Message)}"));
        }
        catch (InvalidOperationException exception) when (exception.Source == "YamlDotNet")
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections, without a position.
            _errors.Add(Error(LastReadablePosition(text), "YAML syntax error: the text after this point cannot be read; check for an unclosed [ or {"));
        }

        if (_errors.Count > 0)
        {
            throw new ManifestException(_errors);
        }

        using var reader = new ReplayingJsonReader(_tokens);
        return JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
    }

    private void ReadNode(IParser events)
    {
        var start = _tokens.Count;
        string? anchor = null;
        if (events.TryConsume<AnchorAlias>(out var alias))
        {
            if (_anchors.TryGetValue(alias.Value.Value, out var replay))
            {
                _tokens.AddRange(replay);
            }
            else
            {
                _errors.Add(Error(alias.Start, $"unknown alias `*{alias.Value}`"));
                _tokens.Add(new ReplayedToken(JsonToken.Null, null, (int)alias.Start.Line, (int)alias.Start.Column));
            }

            return;
        }

        if (events.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            _tokens.Add(ScalarToken(scalar));
        }
        else if (events.TryConsume<SequenceStart>(out var sequence))
        {
            anchor = sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value;
            _tokens.Add(new ReplayedToken(JsonToken.StartArray, null, (int)sequence.Start.Line, (int)sequence.Start.Column));
            while (!events.TryConsume<SequenceEnd>(out _))
            {
                ReadNode(events);
            }

            _tokens.Add(new ReplayedToken(JsonToken.EndArray, null, (int)sequence.Start.Line, (int)sequence.Start.Column));
        }
        else
        {
            var mapping = events.Consume<MappingStart>();
            anchor = mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value;
            ReadMapping(events, mapping);
        }

        if (anchor is not null)
        {
            _anchors[anchor] = _tokens.GetRange(start, _tokens.Count - start);
        }
    }

    private void ReadMapping(IParser events, MappingStart mapping)
    {
        _tokens.Add(new ReplayedToken(JsonToken.StartObject, null, (int)mapping.Start.Line, (int)mapping.Start.Column));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (!events.TryConsume<MappingEnd>(out _))
        {
            if (!events.TryConsume<Scalar>(out var key))
            {
                var current = events.Current!;
                _errors.Add(Error(current.Start, "a key must be a plain text value, not a list or mapping"));
                ReadNode(events);
                ReadNode(events);
                continue;
            }

            var merged = key.Start.Index <= _furthestKeyIndex;
            _furthestKeyIndex = Math.Max(_furthestKeyIndex, key.Start.Index);
            if (merged && keys.Contains(key.Value))
            {
                // As YAML's merge key says, the mapping's own keys win over merged ones.
                var skipFrom = _tokens.Count;
                ReadNode(events);
                _tokens.RemoveRange(skipFrom, _tokens.Count - skipFrom);
                continue;
            }

            if (!merged && !keys.Add(key.Value))
            {
                _errors.Add(Error(key.Start, $"duplicate key `{key.Value}`; each key may appear once in a mapping"));
            }

            // Json.NET keeps the last of equal keys: an own key replaces a merged one, and of merged keys the last
            // wins, which is the first mapping of `<<: [*a, *b]` because YamlDotNet inserts them in reverse.
            _tokens.Add(new ReplayedToken(JsonToken.PropertyName, key.Value, (int)key.Start.Line, (int)key.Start.Column));
            ReadNode(events);
        }

        _tokens.Add(new ReplayedToken(JsonToken.EndObject, null, (int)mapping.Start.Line, (int)mapping.Start.Column));
    }

    private static ReplayedToken ScalarToken(Scalar scalar)
    {
        var quotedOrTagged = scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value is "tag:yaml.org,2002:str");
        var value = quotedOrTagged ? scalar.Value : YamlScalar.Resolve(scalar.Value);
        var kind = value switch
        {
            null => JsonToken.Null,
            bool => JsonToken.Boolean,
            long => JsonToken.Integer,
            double => JsonToken.Float,
            _ => JsonToken.String,
        };
        return new ReplayedToken(kind, value, (int)scalar.Start.Line, (int)scalar.Start.Column);
    }

    private ManifestError? TabIndentationUpTo(string text, int lastLine)
    {
        var lines = text.Split('\n');
        for (var index = 0; index < Math.Min(lastLine, lines.Length); index++)
        {
            var line = lines[index];
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0 && line.Trim().Length > 0)
            {
                return new ManifestError(new SourceLocation(_file, index + 1, tab + 1), "a tab is used for indentation; YAML indents with spaces only");
            }
        }

        return null;
    }

    /// <summary>An indentation mistake explained at the offending key, instead of the parser's words at the value before it.</summary>
    private ManifestError? Misindented(string text, int errorLine) =>
        IndentationDiagnosis.Find(text, errorLine) is { } found
            ? new ManifestError(new SourceLocation(_file, found.Line, found.Column), found.Message)
            : null;

    /// <summary>Where the last YAML event that could still be read ends.</summary>
    private static Mark LastReadablePosition(string text)
    {
        var parser = new Parser(new StringReader(text));
        var last = new Mark(0, 1, 1);
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.End;
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException)
        {
            // The position of the last readable event is what we were after.
        }

        return last;
    }

    private ManifestError Error(Mark mark, string message) => new(new SourceLocation(_file, (int)mark.Line, (int)mark.Column), message);

    private static string Simplify(string message)
    {
        // YamlDotNet prefixes its messages with the position, which we print ourselves.
        var text = message;
        var close = text.IndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            text = text[(close + 3)..];
        }

        return text.TrimEnd('.');
    }
}
