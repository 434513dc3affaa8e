using NJsonSchema.Validation;

namespace Kiln.Manifests;

/// <summary>Validates a manifest against several schema parts and reports every error with its location.</summary>
public static class SchemaValidator
{
    public static IReadOnlyList<ManifestError> Validate(ManifestDocument document, IEnumerable<ManifestSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schemas);
        var errors = new List<ManifestError>();
        foreach (var part in schemas)
        {
            foreach (var error in Flatten(part.Schema.Validate(document.Root)))
            {
                errors.Add(ValidationMessages.Describe(document, error));
            }
        }

        return [.. errors.Distinct().OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];
    }

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
