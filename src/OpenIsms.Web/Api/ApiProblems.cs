using Microsoft.AspNetCore.Mvc;
using OpenIsms.Core.Common;

namespace OpenIsms.Web.Api;

/// <summary>Use-case results as HTTP answers: RFC 9457 problem details for every failure.</summary>
public static class ApiProblems
{
    public static IResult From(Result result) => result.Kind switch
    {
        ResultKind.Invalid => Results.ValidationProblem(
            result.Errors.GroupBy(e => Camel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request has invalid fields", type: "https://openisms.org/problems/validation"),
        ResultKind.NotFound => Results.Problem(statusCode: 404, title: "Not found", detail: "The record does not exist."),
        ResultKind.Forbidden => Results.Problem(statusCode: 403, title: "Not allowed", detail: "Your role does not allow this."),
        ResultKind.Conflict when result.Conflict is { } c => Results.Problem(statusCode: 409, title: "Changed by someone else",
            detail: $"{c.ChangedBy} changed this record at {c.ChangedAt:u}; nothing was overwritten. Read it again and send its current version.",
            extensions: new Dictionary<string, object?> { ["changedBy"] = c.ChangedBy, ["changedAt"] = c.ChangedAt, ["currentVersion"] = c.CurrentVersion }),
        _ => Results.Problem(statusCode: 500, title: "Unexpected result"),
    };

    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null, contentType: "application/problem+json");
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments(ApiUrls.Root);

    private static string Camel(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];
}
