using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Kiln.Manifests;

/// <summary>Turns schema validation errors into messages that say what is wrong and what is allowed.</summary>
public static partial class ValidationMessages
{
    public static ManifestError Describe(ManifestDocument document, ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(error);
        var tokenPath = error.Path is { Length: > 2 } path && path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : string.Empty;
        var token = tokenPath.Length == 0 ? document.Root : document.Root.SelectToken(tokenPath, errorWhenNoMatch: false);
        var location = error.HasLineInfo
            ? new SourceLocation(document.Path, error.LineNumber, error.LinePosition)
            : document.LocationOf(token);
        return new ManifestError(location, Message(error, Readable(tokenPath), token));
    }

    /// <summary>A JSON path as users write manifest keys: <c>volume.partitions.var/tmp.size</c>.</summary>
    public static string Readable(string tokenPath) => BracketedKey().Replace(tokenPath, ".$1").TrimStart('.');

    private static string Message(ValidationError error, string where, JToken? token)
    {
        var schema = error.Schema;
        var hint = schema?.Description is { Length: > 0 } description ? $" ({description})" : string.Empty;
        var subject = where.Length == 0 ? "the manifest" : $"`{where}`";
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownKey(error, where),
            ValidationErrorKind.PropertyRequired => $"{(Parent(where) is { Length: > 0 } parent ? $"`{parent}`" : "the manifest")} is missing the required key `{error.Property}`",
            ValidationErrorKind.NotInEnumeration => $"{Show(token)} is not allowed for {subject}; allowed: {string.Join(", ", schema?.Enumeration.Select(Show) ?? [])}",
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.StringTooShort => $"{Show(token)} is not valid for {subject}; expected {schema?.Description ?? $"text matching {schema?.Pattern}"}",
            ValidationErrorKind.TooFewItems => $"{subject} must list at least {schema?.MinItems} item(s)",
            ValidationErrorKind.TooFewProperties => $"{subject} must have at least {schema?.MinProperties} key(s)",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => $"{Show(token)} does not match any allowed form of {subject}{hint}",
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                $"{subject} must be {Article(ExpectedType(error.Kind))}, not {Describe(token)}{hint}",
            _ => $"{subject}: {Words(error.Kind.ToString())}{hint}",
        };
    }

    private static string UnknownKey(ValidationError error, string where)
    {
        var parent = Parent(where);
        var owner = parent.Length == 0 ? "at the top level" : $"in `{parent}`";
        var allowed = error.Schema?.Properties.Keys.ToList() ?? [];
        var suffix = allowed.Count > 0 ? $"; allowed: {string.Join(", ", allowed)}" : string.Empty;
        return $"unknown key `{error.Property}` {owner}{suffix}";
    }

    private static string Parent(string where)
    {
        var cut = where.LastIndexOf('.');
        return cut < 0 ? string.Empty : where[..cut];
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

    private static string Show(object? value) => value switch
    {
        JValue { Value: null } or null => "null",
        JValue { Value: string text } => $"`{text}`",
        JValue { Value: bool flag } => flag ? "`true`" : "`false`",
        JValue other => $"`{other}`",
        string text => text,
        JToken token => $"`{token.ToString(Newtonsoft.Json.Formatting.None)}`",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Words(string pascal) => PascalBoundary().Replace(pascal, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedKey();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex PascalBoundary();
}
