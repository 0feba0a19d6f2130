using OpenIsms.Core.Common;
using OpenIsms.Core.Communications;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/communications: the communication plan and the records that each communication happened, with the pages' rules.</summary>
public sealed class CommunicationsApi : IEndpointGroup
{
    /// <summary>A record as a script posts it: the day and a link or note (files are added on the page).</summary>
    public sealed record RecordBody
    {
        public DateOnly? HappenedOn { get; init; }

        public string? Link { get; init; }

        public string? Note { get; init; }

        /// <summary>The communication's version as read; 0 from a script that only records.</summary>
        public int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(CommunicationPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(CommunicationPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var group = app.MapGroup(ApiUrls.Communications).WithTags("Communication").DisableAntiforgery();

        group.MapGet("/", async (ListCommunications list, string? q, CommunicationReach? reach, CommunicationFrequency? frequency, CommunicationDue? due, bool? mine, bool? stopped,
                    int? page, int? pageSize, CancellationToken ct) =>
                Paged(await list.Handle(new()
                {
                    Search = q, Reach = reach, Frequency = frequency, Due = due, Mine = mine ?? false, Stopped = stopped ?? false, Page = page ?? 1, PageSize = pageSize ?? 25,
                }, ct)))
            .RequireAuthorization(read).WithName("ListCommunications").WithSummary("The communication plan, filtered and paged (due=Overdue or Soon: within 30 days).");

        group.MapGet("/{id:guid}", async (Guid id, GetCommunication get, int? page, CancellationToken ct) =>
                await get.Handle(id, page ?? 1, ct) is { } v
                    ? Results.Ok(new
                    {
                        Communication = SaveCommunication.Command.From(v.Item), v.Owner, v.Overdue,
                        Records = new RisksApi.PageDto<GetCommunication.Record>
                        {
                            Items = v.Records.Items, Page = v.Records.PageNumber, PageSize = v.Records.PageSize, TotalCount = v.Records.TotalCount, PageCount = v.Records.PageCount,
                        },
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetCommunication").WithSummary("One planned communication and its records, newest first, 25 a page.");

        group.MapPost("/", async (SaveCommunication.Command body, SaveCommunication save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Communication(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateCommunication").WithSummary("Adds a line to the communication plan.");

        group.MapPut("/{id:guid}", async (Guid id, SaveCommunication.Command body, SaveCommunication save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateCommunication").WithSummary("Replaces a planned communication; send the version you read (409 if it changed since).");

        group.MapPost("/{id:guid}/records", async (Guid id, RecordBody body, RecordCommunication record, CancellationToken ct) =>
            {
                var version = body.Version == 0 && await record.CurrentVersion(id, ct) is { } current ? current : body.Version;
                var recorded = await record.Handle(id, new() { HappenedOn = body.HappenedOn, Link = body.Link, Note = body.Note, Version = version }, ct);
                return recorded.Succeeded ? Results.Created(ApiUrls.Communication(id), new { id = recorded.Value }) : ApiProblems.From(recorded);
            })
            .RequireAuthorization(edit).WithName("RecordCommunication").WithSummary("Records that it happened (with a link or a note) and moves the next date on.");
    }

    private static IResult Paged<T>(Page<T> page) => Results.Ok(new RisksApi.PageDto<T>
    {
        Items = page.Items, Page = page.PageNumber, PageSize = page.PageSize, TotalCount = page.TotalCount, PageCount = page.PageCount,
    });
}
