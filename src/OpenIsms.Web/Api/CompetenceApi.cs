using OpenIsms.Core.Common;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/competences: the competences, what roles need, each person's record and evidence, and the matrix.</summary>
public sealed class CompetenceApi : IEndpointGroup
{
    /// <summary>Evidence sent as JSON (a file is added on the person's page, where it is checked as evidence files are).</summary>
    public sealed class EvidenceBody
    {
        public Guid? CompetenceId { get; set; }

        public EvidenceOfCompetence Kind { get; set; }

        public Proficiency? Level { get; set; }

        public string? Description { get; set; }

        public string? Issuer { get; set; }

        public DateOnly? ObtainedOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public bool NoExpiry { get; set; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(CompetencePermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(CompetencePermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var both = new HasPermissionAttribute(ResponsibilityPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var competences = app.MapGroup(ApiUrls.Competences).WithTags("Competence").DisableAntiforgery();

        competences.MapGet("/", async (ListCompetences list, CancellationToken ct) => Results.Ok(await list.Handle(ct)))
            .RequireAuthorization(read).WithName("ListCompetences").WithSummary("The competences, with how many people need each, the gaps and the holders of valid evidence.");

        competences.MapPost("/", async (SaveCompetence.Command body, SaveCompetence save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Competence(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateCompetence").WithSummary("Adds a competence (Knowledge, Skill or Certification).");

        competences.MapGet("/{id:guid}", async (Guid id, GetCompetence get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Competence.Id, v.Competence.Name, v.Competence.Kind, v.Competence.Description, v.Competence.Version,
                        Roles = v.Roles.Select(r => new { r.Id, r.Name, r.Level }),
                        v.Holders,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetCompetence").WithSummary("One competence, the roles needing it and who holds valid evidence of it.");

        competences.MapPut("/roles/{roleId:guid}", async (Guid roleId, RequireCompetence.Command body, RequireCompetence require, CancellationToken ct) =>
            {
                var done = await require.Handle(roleId, body, ct);
                return done.Succeeded ? Results.Ok(new { roleId, body.CompetenceId, body.Level }) : ApiProblems.From(done);
            })
            .RequireAuthorization(edit).RequireAuthorization(both).WithName("RequireCompetence").WithSummary("Says that a role needs a competence at a level (or changes the level).");

        competences.MapGet("/matrix", async (GetCompetenceMatrix get, Guid? role, string? department, string? q, bool? gaps, int? page, int? pageSize, CancellationToken ct) =>
            {
                var matrix = await get.Handle(new CompetenceFilter { RoleId = role, Department = department, Search = q, GapsOnly = gaps ?? false, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new
                {
                    matrix.Totals,
                    matrix.Columns,
                    Items = matrix.Rows.Items,
                    Page = matrix.Rows.PageNumber,
                    matrix.Rows.PageSize,
                    matrix.Rows.TotalCount,
                    matrix.Rows.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("GetCompetenceMatrix").WithSummary("People in ISMS roles × the competences their roles need, each cell Met, Expiring, Planned, Expired or Gap.");

        competences.MapGet("/people/{personId:guid}", async (Guid personId, GetPersonCompetence get, CancellationToken ct) =>
                await get.Handle(personId, ct) is { } v
                    ? Results.Ok(new { PersonId = v.Person.Id, v.Person.Name, v.Roles, v.Needs, v.Evidence, v.Actions })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetPersonCompetence").WithSummary("A person's competence record: needs and their state, evidence, actions.");

        competences.MapPost("/people/{personId:guid}/evidence", async (Guid personId, EvidenceBody body, AddCompetenceEvidence add, CancellationToken ct) =>
            {
                var added = await add.Handle(personId, new()
                {
                    CompetenceId = body.CompetenceId, Kind = body.Kind, Level = body.Level, Description = body.Description, Issuer = body.Issuer,
                    ObtainedOn = body.ObtainedOn, ExpiresOn = body.ExpiresOn, NoExpiry = body.NoExpiry,
                }, ct);
                return added.Succeeded ? Results.Created(ApiUrls.PersonCompetence(personId), new { id = added.Value }) : ApiProblems.From(added);
            })
            .RequireAuthorization(edit).WithName("AddCompetenceEvidence").WithSummary("Records evidence of a person's competence (a training record, certificate or experience).");

        competences.MapPost("/people/{personId:guid}/actions", async (Guid personId, SaveCompetenceAction.Command body, SaveCompetenceAction save, CancellationToken ct) =>
            {
                var saved = await save.Handle(personId, body, ct);
                return saved.Succeeded
                    ? body.Id is null ? Results.Created(ApiUrls.PersonCompetence(personId), new { id = saved.Value }) : Results.Ok(new { id = saved.Value })
                    : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("SaveCompetenceAction").WithSummary("Plans an action to close a gap, or (with its id and version) marks it Done or Cancelled with the outcome.");
    }
}
