using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Kiln.Manifests;

/// <summary>Turns schema validation errors into messages that say what is wrong, what was probably meant and what is allowed.</summary>
public static partial class ValidationMessages
{
    public static ManifestError Describe(ManifestDocument document, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(error);
        var tokenPath = TokenPath(error);
        var token = TokenAt(document, tokenPath);
        var location = error.HasLineInfo
            ? new SourceLocation(document.Path, error.LineNumber, error.LinePosition)
            : document.LocationOf(token);
        var where = Readable(tokenPath);
        var (message, hint) = Message(error, where, token);
        return new ManifestError(location, message) { Path = where, Hint = hint };
    }

    /// <summary>The Json.NET path an error is about (<c>system.release</c>), empty for the root.</summary>
    public static string TokenPath(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Path is { Length: > 2 } path && path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : string.Empty;
    }

    /// <summary>The token at a Json.NET path, or null when the manifest has none there.</summary>
    public static JToken? TokenAt(ManifestDocument document, string tokenPath)
    {
        ArgumentNullException.ThrowIfNull(document);
        return tokenPath.Length == 0 ? document.Root : document.Root.SelectToken(tokenPath, errorWhenNoMatch: false);
    }

    /// <summary>A JSON path as users write manifest keys: <c>volume.partitions.var/tmp.size</c>.</summary>
    public static string Readable(string tokenPath) => BracketedKey().Replace(tokenPath, ".$1").TrimStart('.');

    /// <summary>The dotted parent of a readable path (<c>system</c> of <c>system.release</c>).</summary>
    public static string ParentOf(string where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var cut = where.LastIndexOf('.');
        return cut < 0 ? string.Empty : where[..cut];
    }

    /// <summary>"unknown key" with the closest allowed key, and the allowed keys as the hint.</summary>
    public static (string Message, string? Hint) UnknownKey(string key, string where, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var parent = ParentOf(where);
        var owner = parent.Length == 0 ? "at the top level" : $"in `{parent}`";
        return ($"unknown key `{key}` {owner}{ClosestName.Suggestion(key, allowed)}", allowed.Count > 0 ? $"allowed: {string.Join(", ", allowed)}" : null);
    }

    public static string Show(object? value) => value switch
    {
        JValue { Value: null } or null => "null",
        JValue { Value: string text } => $"`{ValueText.Cut(text)}`",
        JValue { Value: bool flag } => flag ? "`true`" : "`false`",
        JValue other => $"`{ValueText.Cut(other.ToString(System.Globalization.CultureInfo.InvariantCulture))}`",
        string text => text,
        JToken token => $"`{ValueText.Cut(token.ToString(Newtonsoft.Json.Formatting.None))}`",
        _ => value.ToString() ?? string.Empty,
    };

    private static (string Message, string? Hint) Message(ValidationError error, string where, JToken? token)
    {
        var schema = error.Schema;
        var hint = schema?.Description is { Length: > 0 } description ? $" ({description})" : string.Empty;
        var subject = where.Length == 0 ? "the manifest" : $"`{where}`";
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownKey(error.Property ?? string.Empty, where, [.. schema?.Properties.Keys ?? []]),
            ValidationErrorKind.PropertyRequired => ($"{(ParentOf(where) is { Length: > 0 } parent ? $"`{parent}`" : "the manifest")} is missing the required key `{error.Property}`", null),
            ValidationErrorKind.NotInEnumeration => NotAllowed(token, where, subject, schema),
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.StringTooShort => ($"{Show(token)} is not valid for {subject}; expected {schema?.Description ?? $"text matching {schema?.Pattern}"}", null),
            ValidationErrorKind.TooFewItems => ($"{subject} must list at least {schema?.MinItems} item(s)", null),
            ValidationErrorKind.TooFewProperties => ($"{subject} must have at least {schema?.MinProperties} key(s)", null),
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => ($"{Show(token)} does not match any allowed form of {subject}{hint}", null),
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                ($"{subject} must be {Article(ExpectedType(error.Kind))}, not {Describe(token)}{hint}", null),
            _ => ($"{subject}: {Words(error.Kind.ToString())}{hint}", null),
        };
    }

    private static (string Message, string? Hint) NotAllowed(JToken? token, string where, string subject, JsonSchema? schema)
    {
        var values = schema?.Enumeration.ToList() ?? [];
        var described = schema?.Description is { Length: > 0 } description ? $" ({description})" : string.Empty;
        var list = $"allowed: {string.Join(", ", values.Select(Show))}{described}";
        if (token is JValue { Value: string text })
        {
            if (UnsupportedInput.WhyNot(where, text) is { } reason)
            {
                return ($"{Show(token)} is not offered for {subject}: {reason}", list);
            }

            var names = values.Select(value => value?.ToString() ?? string.Empty).ToList();
            return ($"{Show(token)} is not allowed for {subject}{ClosestName.Suggestion(text, names)}", list);
        }

        return ($"{Show(token)} is not allowed for {subject}", list);
    }

    private static string ExpectedType(ValidationErrorKind kind) =>
        Words(kind.ToString().Replace("Expected", string.Empty, StringComparison.Ordinal)).Replace("boolean", "boolean (true or false)", StringComparison.Ordinal);

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.String => $"the text {Show(token)}",
        JTokenType.Integer or JTokenType.Float => $"the number {Show(token)}",
        JTokenType.Boolean => $"the boolean {Show(token)}",
        JTokenType.Null or null => "empty",
        JTokenType.Array => "a list",
        JTokenType.Object => "a mapping",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Words(string pascal) => PascalBoundary().Replace(pascal, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedKey();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex PascalBoundary();
}
