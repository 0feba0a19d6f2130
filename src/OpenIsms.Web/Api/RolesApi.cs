using OpenIsms.Core.Common;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/roles and /api/v1/raci: ISMS roles, who holds them and the RACI matrix, with the pages' use cases and rules.</summary>
public sealed class RolesApi : IEndpointGroup
{
    public sealed record RoleDto
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required bool TopManagement { get; init; }

        public required string? Responsibilities { get; init; }

        public required string? Authorities { get; init; }

        public required string? GrantedBy { get; init; }

        public required DateOnly? GrantedOn { get; init; }

        public required IReadOnlyList<HolderDto> Holders { get; init; }

        public required int Version { get; init; }
    }

    public sealed record HolderDto
    {
        public required Guid AssignmentId { get; init; }

        public required Guid PersonId { get; init; }

        public required string Name { get; init; }

        public required DateOnly From { get; init; }

        public required DateOnly? Until { get; init; }

        public required bool Current { get; init; }

        public required int Version { get; init; }
    }

    public sealed record RaciRowDto
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required RaciSubject Subject { get; init; }

        public required string? ControlCode { get; init; }

        /// <summary>Role name → letter.</summary>
        public required IReadOnlyDictionary<string, RaciLetter> Cells { get; init; }

        public required int Version { get; init; }
    }

    public sealed class EndBody
    {
        public DateOnly? Until { get; set; }

        public int Version { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ResponsibilityPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(ResponsibilityPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var roles = app.MapGroup(ApiUrls.Roles).WithTags("ISMS roles").DisableAntiforgery();

        roles.MapGet("/", async (ListIsmsRoles list, CancellationToken ct) => Results.Ok(await list.Handle(ct)))
            .RequireAuthorization(read).WithName("ListIsmsRoles").WithSummary("The ISMS roles with who holds each today.");

        roles.MapGet("/{id:guid}", async (Guid id, GetIsmsRole get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new RoleDto
                    {
                        Id = v.Role.Id, Name = v.Role.Name, TopManagement = v.Role.TopManagement, Responsibilities = v.Role.Responsibilities,
                        Authorities = v.Role.Authorities, GrantedBy = v.Role.GrantedBy, GrantedOn = v.Role.GrantedOn, Version = v.Role.Version,
                        Holders = v.Holders.Select(h => new HolderDto
                        {
                            AssignmentId = h.AssignmentId, PersonId = h.PersonId, Name = h.Name, From = h.From, Until = h.Until, Current = h.Current, Version = h.Version,
                        }).ToList(),
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetIsmsRole").WithSummary("One role: responsibilities, authorities, who granted them, and who holds and held it.");

        roles.MapPost("/", async (SaveIsmsRole.Command body, SaveIsmsRole save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Role(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateIsmsRole").WithSummary("Adds an ISMS role.");

        roles.MapPut("/{id:guid}", async (Guid id, SaveIsmsRole.Command body, SaveIsmsRole save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateIsmsRole").WithSummary("Replaces a role's details; send the version you read (409 if it changed since).");

        roles.MapPost("/{id:guid}/assignments", async (Guid id, AssignRole.Command body, AssignRole assign, CancellationToken ct) =>
            {
                var assigned = await assign.Handle(id, body, ct);
                return assigned.Succeeded ? Results.Created(ApiUrls.Role(id), new { id = assigned.Value }) : ApiProblems.From(assigned);
            })
            .RequireAuthorization(edit).WithName("AssignIsmsRole").WithSummary("Gives a person on the staff list the role from a date (today if none).");

        roles.MapPost("/{id:guid}/assignments/{assignmentId:guid}/end", async (Guid id, Guid assignmentId, EndBody body, EndRoleAssignment end, CancellationToken ct) =>
            {
                var ended = await end.Handle(id, assignmentId, body.Version, body.Until, ct);
                return ended.Succeeded ? Results.Ok(new { id = assignmentId }) : ApiProblems.From(ended);
            })
            .RequireAuthorization(edit).WithName("EndIsmsRoleAssignment").WithSummary("Hands the role over: the person held it until the given day (today if none).");

        var raci = app.MapGroup(ApiUrls.Raci).WithTags("ISMS roles").DisableAntiforgery();
        raci.MapGet("/", async (GetRaciMatrix get, CancellationToken ct) =>
            {
                var matrix = await get.Handle(ct);
                var names = matrix.Roles.ToDictionary(r => r.Id, r => r.Name);
                return Results.Ok(matrix.Rows.Select(r => new RaciRowDto
                {
                    Id = r.Id, Name = r.Name, Subject = r.Subject, ControlCode = r.ControlCode, Version = r.Version,
                    Cells = r.Cells.ToDictionary(c => names[c.Key], c => c.Value),
                }).ToList());
            })
            .RequireAuthorization(read).WithName("GetRaciMatrix").WithSummary("The RACI matrix: each row with its roles' letters.");

        raci.MapPost("/", async (SaveRaciActivity.Command body, SaveRaciActivity save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Raci, new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateRaciRow").WithSummary("Adds a row; cells map role ids to Responsible, Accountable, AccountableResponsible, Consulted or Informed — exactly one Accountable.");

        raci.MapPut("/{id:guid}", async (Guid id, SaveRaciActivity.Command body, SaveRaciActivity save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateRaciRow").WithSummary("Replaces a row and its letters; send the version you read.");
    }
}
