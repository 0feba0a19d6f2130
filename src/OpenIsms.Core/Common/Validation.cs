namespace OpenIsms.Core.Common;

/// <summary>Collects field errors for a command; the rules live here, not in the pages.</summary>
public sealed class Validation
{
    private readonly List<FieldError> errors = [];

    public bool IsValid => errors.Count == 0;

    public IReadOnlyList<FieldError> Errors => errors;

    public Validation Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, message));
        }

        return this;
    }

    public Validation MaxLength(string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new FieldError(field, $"{label} must be {max} characters or fewer (it has {value.Length})."));
        }

        return this;
    }

    public Validation Must(bool condition, string field, string message)
    {
        if (!condition)
        {
            errors.Add(new FieldError(field, message));
        }

        return this;
    }

    public Result ToResult() => IsValid ? Result.Ok() : Result.Invalid(errors);
}
