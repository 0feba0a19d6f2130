using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Readiness;
using OpenIsms.Core.Security;
using OpenIsms.Web.Features.Readiness;

namespace OpenIsms.IntegrationTests.Time;

/// <summary>
/// The pack's dates under the fake clock: a built pack is kept for seven days (served a minute before its expiry; after
/// it the worker's round expires it, removes its file, and a download says it expired); a builder's claim that is not
/// renewed lapses after five minutes and another node takes the pack over.
/// </summary>
public abstract class StagePackDayTests(FakeClockApp app)
{
    [Fact]
    public async Task Pack_IsKeptSevenDays_ThenExpiresAndItsFileIsRemoved()
    {
        using var api = await app.ApiClient(Roles.Administrator);
        var started = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var worker = app.Services.GetRequiredService<StagePackWorker>();
        (await worker.RunOnce(CancellationToken.None)).ShouldBeTrue();
        var pack = await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}");
        pack.GetProperty("state").GetString().ShouldBe("Ready", pack.ToString());
        var finished = pack.GetProperty("finishedAt").GetDateTime();
        var expires = pack.GetProperty("expiresAt").GetDateTime();
        (expires - finished).ShouldBe(TimeSpan.FromDays(7));
        var sha = pack.GetProperty("sha256").GetString()!;

        app.Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)).AddMinutes(-1));
        await worker.RunOnce(CancellationToken.None);
        (await api.GetAsync($"/api/v1/readiness/packs/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)).AddMinutes(1));
        await worker.RunOnce(CancellationToken.None);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}")).GetProperty("state").GetString().ShouldBe("Expired");
        var gone = await api.GetAsync($"/api/v1/readiness/packs/{id}/file");
        gone.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await gone.Content.ReadAsStringAsync()).ShouldContain("expired");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEvidenceStore>().Open(sha).ShouldBeNull();
    }

    [Fact]
    public async Task AClaimNotRenewed_LapsesAfterFiveMinutes_AndAnotherNodeTakesThePackOver()
    {
        using var api = await app.ApiClient(Roles.Administrator);
        var started = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Task<StagePackClaim?> Claim() => app.InScope(sp => sp.GetRequiredService<ClaimStagePack>().Handle());

        var first = (await Claim()).ShouldNotBeNull();
        (await Claim()).ShouldBeNull();
        app.Time.Advance(ClaimStagePack.ClaimLength - TimeSpan.FromSeconds(1));
        (await Claim()).ShouldBeNull(); // still held a second before it lapses

        app.Time.Advance(TimeSpan.FromSeconds(2));
        var second = (await Claim()).ShouldNotBeNull();
        second.PackId.ShouldBe(id);
        second.Token.ShouldNotBe(first.Token);

        // The node that stopped cannot report or finish any more; the one that took over can.
        (await app.InScope(sp => sp.GetRequiredService<ReportStagePackProgress>().Handle(first, 1, 2, "late"))).ShouldBeFalse();
        (await app.InScope(sp => sp.GetRequiredService<FinishStagePack>().Fail(first, "late"))).ShouldBeFalse();
        (await app.InScope(sp => sp.GetRequiredService<FinishStagePack>().Fail(second, "Ended by the test"))).ShouldBeTrue();
    }
}

public sealed class StagePackDayTestsOnSqlite(SqliteFakeClockApp app) : StagePackDayTests(app), IClassFixture<SqliteFakeClockApp>;

public sealed class StagePackDayTestsOnPostgreSql(PostgresFakeClockApp app) : StagePackDayTests(app), IClassFixture<PostgresFakeClockApp>;
