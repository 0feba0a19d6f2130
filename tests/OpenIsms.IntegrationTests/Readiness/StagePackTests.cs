using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIsms.Core.Data;
using OpenIsms.Core.Readiness;
using OpenIsms.Core.Security;
using OpenIsms.IntegrationTests.Infrastructure;
using OpenIsms.Web.Features.Readiness;

namespace OpenIsms.IntegrationTests.Readiness;

/// <summary>
/// The Stage 1 pack over a real database and a real Chromium: a second start joins the pack being built; the worker
/// builds it; the ZIP's manifest matches every file in it (hash and size), SHA256SUMS agrees, the approved document is
/// there as Markdown with its approved hash and as PDF, and the activity log's head is signed with a key that verifies;
/// two database sessions racing for the job (as two nodes would) claim it exactly once; the download is forbidden to a
/// viewer and an expired pack's file is gone.
/// </summary>
public abstract class StagePackTests(AppFactory app)
{
    private Task<T> Db<T>(Func<OpenIsmsDbContext, Task<T>> query) => app.InScope(sp => query(sp.GetRequiredService<OpenIsmsDbContext>()));

    [Fact]
    public async Task Pack_JoinsARunningStart_AndItsManifestMatchesEveryFile()
    {
        using var api = await app.ApiClient(Roles.IsmsManager);
        var (documentId, reference) = await ApprovedDocument(api);

        var first = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var second = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var joined = await second.Content.ReadFromJsonAsync<JsonElement>();
        joined.GetProperty("id").GetGuid().ShouldBe(id);
        joined.GetProperty("joined").GetBoolean().ShouldBeTrue();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}")).GetProperty("state").GetString().ShouldBe("Queued");
        (await api.GetAsync($"/api/v1/readiness/packs/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not ready yet

        (await app.Services.GetRequiredService<StagePackWorker>().RunOnce(CancellationToken.None)).ShouldBeTrue();
        var ready = await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}");
        ready.GetProperty("state").GetString().ShouldBe("Ready", ready.ToString());
        ready.GetProperty("done").GetInt32().ShouldBe(0); // the job's working row is gone once built
        var sha = ready.GetProperty("sha256").GetString()!;

        var download = await api.GetAsync($"/api/v1/readiness/packs/{id}/file");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(sha);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var manifest = JsonDocument.Parse(Read(zip, "manifest.json")).RootElement;
        manifest.GetProperty("pack").GetGuid().ShouldBe(id);
        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        files.Count.ShouldBe(ready.GetProperty("fileCount").GetInt32());
        zip.Entries.Count.ShouldBe(files.Count + 3); // manifest.json, SHA256SUMS, README.txt
        foreach (var file in files)
        {
            var entry = zip.GetEntry(file.GetProperty("path").GetString()!).ShouldNotBeNull();
            using var content = new MemoryStream();
            await using (var s = entry.Open())
            {
                await s.CopyToAsync(content);
            }

            Convert.ToHexStringLower(SHA256.HashData(content.ToArray())).ShouldBe(file.GetProperty("sha256").GetString(), file.GetProperty("path").GetString());
            content.Length.ShouldBe(file.GetProperty("size").GetInt64());
        }

        var sums = Encoding.UTF8.GetString(Read(zip, "SHA256SUMS")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sums.ShouldBe(files.Select(f => $"{f.GetProperty("sha256").GetString()}  {f.GetProperty("path").GetString()}"));

        // The approved document: its Markdown with the hash it was approved with, and its PDF.
        var paths = files.Select(f => f.GetProperty("path").GetString()!).ToList();
        var md = files.Single(f => f.GetProperty("path").GetString() == $"documents/{reference}-v0.1.md");
        var approvedSha = await Db(db => db.Set<OpenIsms.Core.Documents.DocumentVersion>().Where(v => v.DocumentId == documentId).Select(v => v.ContentSha256).SingleAsync());
        md.GetProperty("sha256").GetString().ShouldBe(approvedSha);
        paths.ShouldContain($"documents/{reference}-v0.1.pdf");
        Read(zip, $"documents/{reference}-v0.1.pdf").Take(5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        paths.ShouldContain(p => p.StartsWith("registers/risk-register-", StringComparison.Ordinal) && p.EndsWith(".xlsx", StringComparison.Ordinal));
        paths.ShouldContain(p => p.StartsWith("registers/nonconformities-", StringComparison.Ordinal));
        paths.ShouldContain(p => p.StartsWith("statement-of-applicability/", StringComparison.Ordinal) && p.EndsWith(".pdf", StringComparison.Ordinal));
        paths.ShouldContain(p => p.StartsWith("readiness/", StringComparison.Ordinal));

        // The log's head, signed: the signature verifies with the public key given, and the head was the log's at the time.
        var log = manifest.GetProperty("activityLog");
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(log.GetProperty("publicKey").GetString()!), out _);
        key.VerifyData(Encoding.UTF8.GetBytes(log.GetProperty("signedText").GetString()!), Convert.FromBase64String(log.GetProperty("signature").GetString()!),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
        var sequence = log.GetProperty("sequence").GetInt64();
        (await Db(db => db.Set<OpenIsms.Core.Data.Log.ActivityEntry>().Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleAsync())).ShouldBe(log.GetProperty("hash").GetString());

        // The pack page shows it ready with its download; a viewer may neither see nor download it.
        using var manager = await app.SignedIn(Roles.IsmsManager);
        var page = await manager.Page("/readiness/pack");
        page.QuerySelector("#stage-pack-progress a[data-download=zip]")!.GetAttribute("href").ShouldBe($"/readiness/pack/{id}/file");
        page.QuerySelector("#stage-pack-sha")!.TextContent.ShouldBe(sha);
        using var viewer = await app.ApiClient(Roles.Viewer);
        (await viewer.GetAsync($"/api/v1/readiness/packs/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/v1/readiness/packs", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Idle, the worker prints ahead the PDF of a document approved since, and only that one: the next pack copies it.
        var kept = await Db(db => db.Set<StagePackRendition>().CountAsync());
        kept.ShouldBeGreaterThanOrEqualTo(1);
        await ApprovedDocument(api);
        (await app.Services.GetRequiredService<StagePackWorker>().RunOnce(CancellationToken.None)).ShouldBeFalse(); // no pack asked for
        (await Db(db => db.Set<StagePackRendition>().CountAsync())).ShouldBe(kept + 1);
        await app.Services.GetRequiredService<StagePackWorker>().RunOnce(CancellationToken.None);
        (await Db(db => db.Set<StagePackRendition>().CountAsync())).ShouldBe(kept + 1); // nothing changed: nothing printed
    }

    [Fact]
    public async Task TwoSessions_RacingForThePack_ClaimItOnce()
    {
        using var api = await app.ApiClient(Roles.Administrator);
        var started = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Eight database sessions at once, as eight nodes polling would: exactly one holds the job.
        using var go = new ManualResetEventSlim();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => app.InScope(async sp =>
        {
            var claim = sp.GetRequiredService<ClaimStagePack>();
            go.Wait();
            return await claim.Handle();
        }))).Append(Task.Run(() =>
        {
            go.Set();
            return (StagePackClaim?)null;
        })));
        var held = claims.Where(c => c is not null).ToList();
        held.Count.ShouldBe(1);
        held[0]!.PackId.ShouldBe(id);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}")).GetProperty("state").GetString().ShouldBe("Building");

        // Only the holder reports progress or ends it; a stranger's token is refused.
        (await app.InScope(sp => sp.GetRequiredService<ReportStagePackProgress>().Handle(new StagePackClaim(id, Guid.NewGuid()), 1, 2, "x"))).ShouldBeFalse();
        (await app.InScope(sp => sp.GetRequiredService<ReportStagePackProgress>().Handle(held[0]!, 1, 2, "Halfway"))).ShouldBeTrue();
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}")).GetProperty("percent").GetInt32().ShouldBe(50);
        (await app.InScope(sp => sp.GetRequiredService<FinishStagePack>().Fail(held[0]!, "Stopped by the test"))).ShouldBeTrue();
        var failed = await api.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/packs/{id}");
        failed.GetProperty("state").GetString().ShouldBe("Failed");
        failed.GetProperty("error").GetString().ShouldBe("Stopped by the test");

        // Ended: a new start is a new pack, not a join; the log has the pack's life.
        var again = await api.PostAsJsonAsync("/api/v1/readiness/packs", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var next = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        next.ShouldNotBe(id);
        (await app.InScope(async sp =>
        {
            var claim = await sp.GetRequiredService<ClaimStagePack>().Handle();
            return await sp.GetRequiredService<FinishStagePack>().Fail(claim!, "Not needed");
        })).ShouldBeTrue();
        var logged = await Db(db => db.Set<OpenIsms.Core.Data.Log.ActivityEntry>().Where(e => e.EntityType == "StagePack" && e.EntityId == id.ToString()).CountAsync());
        logged.ShouldBeGreaterThanOrEqualTo(3); // requested, started, failed
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var s = zip.GetEntry(path).ShouldNotBeNull().Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private async Task<(Guid Id, string Reference)> ApprovedDocument(HttpClient api)
    {
        var created = await api.PostAsJsonAsync("/api/v1/documents", new { kind = "TopicPolicy", title = $"Pack policy {Guid.NewGuid():N}", ownerId = await app.UserId(Roles.IsmsManager), clauses = "5.2" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var document = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}");
        var versionId = document.GetProperty("versions")[0].GetProperty("id").GetGuid();
        var v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");
        (await api.PutAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}", new { content = "# Policy\n\nWe protect information.\n", changeSummary = "First", version = v.GetProperty("version").GetInt32() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        v = await api.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/versions/{versionId}");
        (await api.PostAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}/submit",
            new { approverIds = new[] { await app.UserId(Roles.Administrator) }, quorum = "Any", version = v.GetProperty("version").GetInt32() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await app.ApiClient(Roles.Administrator);
        (await admin.PostAsJsonAsync($"/api/v1/documents/{id}/versions/{versionId}/decision", new { approve = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (id, document.GetProperty("reference").GetString()!);
    }
}

[Collection(SharedHosts.Sqlite)]
public sealed class StagePackTestsOnSqlite(SqliteApp app) : StagePackTests(app.App), IClassFixture<SqliteApp>;

[Collection(SharedHosts.PostgreSql)]
public sealed class StagePackTestsOnPostgreSql(PostgresApp app) : StagePackTests(app.App), IClassFixture<PostgresApp>;
