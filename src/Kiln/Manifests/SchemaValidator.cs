using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace Kiln.Manifests;

/// <summary>
/// Validates a manifest against several schema parts and reports every mistake once, with its location: the same
/// value refused by two parts is one message (the later, more specific part's), a misspelt key that leaves a
/// required key missing is one message, and a key indented as the sibling of the mapping it belongs to is one
/// sentence about indentation.
/// </summary>
public static class SchemaValidator
{
    public static IReadOnlyList<ManifestError> Validate(ManifestDocument document, IEnumerable<ManifestSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schemas);
        var raw = new List<ValidationError>();
        foreach (var part in schemas)
        {
            raw.AddRange(Flatten(part.Schema.Validate(document.Root)));
        }

        // One message per value and kind of mistake; the last schema part (a provider's or plugin's) knows best.
        var unique = raw
            .Select((error, index) => (error, index))
            .GroupBy(pair => (pair.error.Path, pair.error.Kind, pair.error.Property))
            .Select(group => group.Last())
            .OrderBy(pair => pair.index)
            .Select(pair => pair.error)
            .ToList();

        var errors = new List<ManifestError>();
        var consumed = new HashSet<ValidationError>();
        errors.AddRange(Misindented(document, unique, consumed));
        errors.AddRange(Misspelt(document, unique, consumed));
        errors.AddRange(unique.Where(error => !consumed.Contains(error)).Select(error => ValidationMessages.Describe(document, error)));
        return [.. errors.Distinct().OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];
    }

    /// <summary>A required key missing and an unknown key close to it beside it: one misspelling.</summary>
    private static IEnumerable<ManifestError> Misspelt(ManifestDocument document, List<ValidationError> errors, HashSet<ValidationError> consumed)
    {
        foreach (var missing in errors.Where(e => e.Kind == ValidationErrorKind.PropertyRequired && !consumed.Contains(e)).ToList())
        {
            var parent = ValidationMessages.ParentOf(ValidationMessages.TokenPath(missing));
            var unknown = errors.FirstOrDefault(e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && !consumed.Contains(e)
                && ValidationMessages.ParentOf(ValidationMessages.TokenPath(e)) == parent
                && ClosestName.Find(e.Property ?? string.Empty, [missing.Property ?? string.Empty]) is not null);
            if (unknown is null)
            {
                continue;
            }

            consumed.Add(missing);
            consumed.Add(unknown);
            var described = ValidationMessages.Describe(document, unknown);
            var readableParent = ValidationMessages.Readable(parent);
            yield return described with
            {
                Message = $"unknown key `{unknown.Property}` {(readableParent.Length == 0 ? "at the top level" : $"in `{readableParent}`")}; did you mean `{missing.Property}`? (it is required)",
            };
        }
    }

    /// <summary>
    /// A key written at the indentation of a mapping's siblings while the mapping above it misses exactly that key
    /// (a dedented <c>size:</c> under a partition): the errors about the key and the missing key become one.
    /// </summary>
    private static IEnumerable<ManifestError> Misindented(ManifestDocument document, List<ValidationError> errors, HashSet<ValidationError> consumed)
    {
        foreach (var missing in errors.Where(e => e.Kind == ValidationErrorKind.PropertyRequired).ToList())
        {
            var ownerPath = ValidationMessages.ParentOf(ValidationMessages.TokenPath(missing));
            if (ValidationMessages.TokenAt(document, ownerPath) is not JObject owner || owner.Parent is not JProperty ownerProperty
                || ownerProperty.Parent is not JObject container)
            {
                continue;
            }

            var next = ownerProperty.Next as JProperty;
            if (next is null || next.Name != missing.Property)
            {
                continue;
            }

            var strayPath = next.Path;
            var related = errors.Where(e => IsAtOrBelow(ValidationMessages.TokenPath(e), strayPath)).ToList();
            consumed.Add(missing);
            consumed.UnionWith(related);

            // Every error about the keys the stray one leaves missing at its own level goes too.
            var containerPath = ValidationMessages.Readable(container.Path);
            var location = document.LocationOf(next);
            var siblingColumn = owner.Properties().Select(p => document.LocationOf(p).Column).DefaultIfEmpty(location.Column + 2).First();
            var ownerName = ownerProperty.Name;
            yield return new ManifestError(location,
                $"`{next.Name}` is indented as a key of {(containerPath.Length == 0 ? "the top level" : $"`{containerPath}`")}, but it belongs to `{ownerName}` above it, which is missing `{next.Name}`; indent it to column {siblingColumn}, as the other keys of `{ownerName}`")
            {
                Path = ValidationMessages.Readable(strayPath),
            };
        }
    }

    private static bool IsAtOrBelow(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal);

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is not ValidationErrorKind.NotOneOf and not ValidationErrorKind.NotAnyOf)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(pair => pair.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}
