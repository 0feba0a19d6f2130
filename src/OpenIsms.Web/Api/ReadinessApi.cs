using OpenIsms.Core.Common;
using OpenIsms.Core.Readiness;
using OpenIsms.Web.Features.Evidence;
using OpenIsms.Web.Features.Readiness;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// GET /api/v1/readiness: every readiness rule's result, the score per clause and in total, and the trend. The Stage 1
/// pack: POST /api/v1/readiness/packs starts one (or joins the one running: 200 with its id instead of 202), GET …/{id}
/// reports its progress, GET …/{id}/file streams the ZIP once it is ready.
/// </summary>
public sealed class ReadinessApi : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var pack = new HasPermissionAttribute(ReadinessPermissions.Pack) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var packs = app.MapGroup(ApiUrls.StagePacks).WithTags("Readiness").DisableAntiforgery();
        packs.MapPost("/", async (StartStagePack start, StagePackSignal signal, CancellationToken ct) =>
            {
                var started = await start.Handle(ct);
                if (started.PackId is not { } id)
                {
                    return ApiProblems.From(Result.Fail(started.Refusal ?? "The pack could not be started."));
                }

                signal.Wake();
                return started.Joined
                    ? Results.Ok(new { id, joined = true, location = ApiUrls.StagePack(id) })
                    : Results.Accepted(ApiUrls.StagePack(id), new { id, joined = false, location = ApiUrls.StagePack(id) });
            })
            .RequireAuthorization(pack).WithName("StartStagePack")
            .WithSummary("Starts building the Stage 1 pack, or joins the one already queued or building (then 200 with joined: true).");

        packs.MapGet("/", async (GetStagePacks get, CancellationToken ct) => Results.Ok(await get.Handle(ct) ?? []))
            .RequireAuthorization(pack).WithName("ListStagePacks").WithSummary("The latest Stage 1 packs, newest first, with their state and progress.");

        packs.MapGet("/{id:guid}", async (Guid id, GetStagePacks get, CancellationToken ct) =>
                await get.One(id, ct) is { } p ? Results.Ok(Dto(p)) : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(pack).WithName("GetStagePack").WithSummary("One pack: its state, files done of total, the current step; its hash, size and expiry once ready.");

        packs.MapGet("/{id:guid}/file", async (Guid id, GetStagePackFile files, HttpContext http, CancellationToken ct) =>
                EvidenceDownloads.Serve(await files.Handle(id, ct), http))
            .RequireAuthorization(pack).WithName("DownloadStagePack").WithSummary("The ready pack's ZIP, served only while it matches its SHA-256.");

        app.MapGet(ApiUrls.Readiness, async (GetReadiness get, CancellationToken ct) =>
                await get.Handle(ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Score,
                        Clauses = v.Groups,
                        Rules = v.Results.Select(r => new { r.Rule.Id, r.Rule.Clause, r.Rule.Title, r.Rule.Weight, r.Passed, Missing = r.Passed ? null : r.Detail, r.Detail }),
                        v.Trend,
                    })
                    : ApiProblems.From(Result.Forbidden()))
            .WithTags("Readiness").RequireAuthorization(new HasPermissionAttribute(ReadinessPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName })
            .WithName("GetReadiness").WithSummary("Certification readiness: every rule with its result, what is missing, the score per clause and the trend.");
    }

    private static object Dto(GetStagePacks.Pack p) => new
    {
        p.Id, State = p.State.ToString(), p.RequestedBy, p.RequestedAt, p.StartedAt, p.FinishedAt, p.ExpiresAt, p.Done, p.Total, p.Percent, p.Step,
        p.FileName, p.Sha256, p.Size, p.FileCount, p.LogSequence, p.Error, File = p.State == StagePackState.Ready ? $"{ApiUrls.StagePack(p.Id)}/file" : null,
    };
}
