using OpenIsms.Core.Awareness;
using OpenIsms.Core.Common;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/trainings: trainings, their assignments and completions, with the same use cases and rules as the pages.</summary>
public sealed class AwarenessApi : IEndpointGroup
{
    public sealed record AssignmentDto
    {
        public required Guid Id { get; init; }

        public required AudienceKind Audience { get; init; }

        public required string? Department { get; init; }

        public required IReadOnlyList<Guid> PersonIds { get; init; }

        public required DateOnly FirstDueDate { get; init; }

        public required int? OnboardingDays { get; init; }

        public required DateOnly AssignedOn { get; init; }

        public required int InAudience { get; init; }

        public required int InDate { get; init; }

        public required int Overdue { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(AwarenessPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(AwarenessPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var trainings = app.MapGroup(ApiUrls.Trainings).WithTags("Awareness").DisableAntiforgery();

        trainings.MapGet("/", async (ListTrainings list, CancellationToken ct) => Results.Ok(await list.Handle(ct)))
            .RequireAuthorization(read).WithName("ListTrainings").WithSummary("Every training, with its kind, validity, pass mark and counts of questions and assignments.");

        trainings.MapGet("/{id:guid}/assignments", async (Guid id, ListTrainingAssignments list, CancellationToken ct) =>
                await list.Handle(id, ct) is { } rows
                    ? Results.Ok(rows.Select(a => new AssignmentDto
                    {
                        Id = a.Id, Audience = a.Audience, Department = a.Department, PersonIds = a.PersonIds, FirstDueDate = a.FirstDueDate, OnboardingDays = a.OnboardingDays,
                        AssignedOn = a.AssignedOn, InAudience = a.Rate.InAudience, InDate = a.Rate.Done, Overdue = a.Rate.Overdue,
                    }).ToList())
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("ListTrainingAssignments").WithSummary("A training's assignments, each with its audience's progress.");

        trainings.MapPost("/{id:guid}/assignments", async (Guid id, AssignTraining.Command body, AssignTraining assign, CancellationToken ct) =>
            {
                body.TrainingId = id;
                var made = await assign.Handle(body, ct);
                return made.Succeeded ? Results.Created(ApiUrls.TrainingAssignments(id), new { id = made.Value }) : ApiProblems.From(made);
            })
            .RequireAuthorization(edit).WithName("AssignTraining").WithSummary("Assigns the training to Everyone, a Department or People by a first due date, optionally with onboardingDays.");

        trainings.MapGet("/{id:guid}/completions", async (Guid id, int? page, int? pageSize, ListTrainingCompletions list, CancellationToken ct) =>
                await list.Handle(id, page ?? 1, pageSize ?? 25, ct) is { } result
                    ? Results.Ok(new RisksApi.PageDto<ListTrainingCompletions.Row>
                    {
                        Items = result.Items, Page = result.PageNumber, PageSize = result.PageSize, TotalCount = result.TotalCount, PageCount = result.PageCount,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("ListTrainingCompletions").WithSummary("A training's completions, newest first, paged (failed quiz attempts included, passed=false).");

        trainings.MapPost("/{id:guid}/completions", async (Guid id, RecordCompletion.Command body, RecordCompletion record, CancellationToken ct) =>
            {
                body.TrainingId = id;
                var recorded = await record.Handle(body, ct);
                return recorded.Succeeded ? Results.Created(ApiUrls.TrainingCompletions(id), new { id = recorded.Value }) : ApiProblems.From(recorded);
            })
            .RequireAuthorization(edit).WithName("RecordTrainingCompletion")
            .WithSummary("Records a completion for a person in the training's audience, named by personId or email, on completedOn (not in the future).");
    }
}
