namespace OpenIsms.Core.Common;

public enum ResultKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>A message about one field (or the whole form when <see cref="Field"/> is empty).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Who changed a record since the user loaded it.</summary>
public sealed record ConflictInfo(string ChangedBy, DateTime ChangedAt, int CurrentVersion);

/// <summary>
/// The outcome of a use case. Expected failures are values, not exceptions: pages turn them into
/// field messages and the API into RFC 9457 problem details.
/// </summary>
public class Result
{
    protected Result(ResultKind kind, IReadOnlyList<FieldError> errors, ConflictInfo? conflict)
    {
        Kind = kind;
        Errors = errors;
        Conflict = conflict;
    }

    public ResultKind Kind { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public ConflictInfo? Conflict { get; }

    public bool Succeeded => Kind == ResultKind.Ok;

    public static Result Ok() => new(ResultKind.Ok, [], null);

    public static Result Invalid(params FieldError[] errors) => new(ResultKind.Invalid, errors, null);

    public static Result Invalid(IReadOnlyList<FieldError> errors) => new(ResultKind.Invalid, errors, null);

    public static Result NotFound() => new(ResultKind.NotFound, [], null);

    public static Result Forbidden() => new(ResultKind.Forbidden, [], null);

    public static Result Stale(ConflictInfo conflict) => new(ResultKind.Conflict, [], conflict);

    public static Result Fail(string message) => new(ResultKind.Invalid, [new FieldError("", message)], null);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private Result(T value)
        : base(ResultKind.Ok, [], null) => Value = value;

    private Result(Result failure)
        : base(failure.Kind, failure.Errors, failure.Conflict)
    {
    }

    public T? Value { get; }

    public static Result<T> Ok(T value) => new(value);

    public static Result<T> From(Result failure) => new(failure);

    public static implicit operator Result<T>(T value) => new(value);
}
