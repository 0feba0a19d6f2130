using OpenIsms.Core.Common;
using OpenIsms.Core.People;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/people: the staff list, with the same use cases and permissions as its pages.</summary>
public sealed class PeopleApi : IEndpointGroup
{
    public sealed record PersonDto
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string? Email { get; init; }

        public required string? Department { get; init; }

        public required string? JobTitle { get; init; }

        public required Guid? ManagerId { get; init; }

        public required string? Manager { get; init; }

        public required DateOnly? StartDate { get; init; }

        public required DateOnly? LeavingDate { get; init; }

        public required bool HasAccount { get; init; }

        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(PeoplePermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(PeoplePermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var people = app.MapGroup(ApiUrls.People).WithTags("People").DisableAntiforgery();

        people.MapGet("/", async (ListPeople list, string? q, string? department, Employment? staff, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new() { Search = q, Department = department, Staff = staff ?? Employment.Current, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new RisksApi.PageDto<PersonDto>
                {
                    Items = result.Items.Select(p => new PersonDto
                    {
                        Id = p.Id, Name = p.Name, Email = p.Email, Department = p.Department, JobTitle = p.JobTitle, ManagerId = p.ManagerId, Manager = p.ManagerName,
                        StartDate = p.StartDate, LeavingDate = p.LeavingDate, HasAccount = p.HasAccount, Version = p.Version,
                    }).ToList(),
                    Page = result.PageNumber,
                    PageSize = result.PageSize,
                    TotalCount = result.TotalCount,
                    PageCount = result.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListPeople").WithSummary("The staff list, filtered and paged (staff=Current by default, Left or Everyone).");

        people.MapGet("/{id:guid}", async (Guid id, GetPerson get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new PersonDto
                    {
                        Id = v.Person.Id, Name = v.Person.Name, Email = v.Person.Email, Department = v.Person.Department, JobTitle = v.Person.JobTitle,
                        ManagerId = v.Person.ManagerId, Manager = v.ManagerName, StartDate = v.Person.StartDate, LeavingDate = v.Person.LeavingDate,
                        HasAccount = v.Person.UserId is not null, Version = v.Person.Version,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetPerson").WithSummary("One person on the staff list.");

        people.MapPost("/", async (SavePerson.Command body, SavePerson save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Person(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreatePerson").WithSummary("Adds a person; an account with the same e-mail is linked.");

        people.MapPut("/{id:guid}", async (Guid id, SavePerson.Command body, SavePerson save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdatePerson").WithSummary("Replaces a person's details; send the version you read (409 if it changed since).");
    }
}
