using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Common;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Improvements;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Readiness;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Soa;
using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Features.Assets;
using OpenIsms.Web.Features.Audits;
using OpenIsms.Web.Features.Communications;
using OpenIsms.Web.Features.Controls;
using OpenIsms.Web.Features.Documents;
using OpenIsms.Web.Features.Improvements;
using OpenIsms.Web.Features.Nonconformities;
using OpenIsms.Web.Features.Reviews;
using OpenIsms.Web.Features.Risks;
using OpenIsms.Web.Features.Soa;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Readiness;

/// <summary>
/// Builds one Stage 1 pack into a ZIP: each document in force as its source (Markdown, or the file it is) and as PDF; the
/// SoA; the registers as controlled workbooks; the risk methodology; each reported audit's report and each concluded
/// review's minutes as DOCX and PDF; the readiness results. Each file is written to a temporary file, then copied into
/// the ZIP while its SHA-256 is computed, so memory stays flat whatever the number of documents. PDFs come from one
/// Chromium kept open for the whole pack, a tab per core. The manifest lists every file with its hash, size, title and
/// clause, and carries the activity log's head signed at the end of the build (with the public key to check it).
/// </summary>
public sealed class StagePackBuilder(
    IServiceProvider services,
    GetStagePackContents contents,
    GetDocumentVersion versions,
    GetDocument documents,
    GetAuditReport reports,
    GetReview reviews,
    GetSoa soa,
    GetMethodology methodology,
    GetReadiness readiness,
    GetAuditProgramme programme,
    GetOrganisation organisation,
    ExportDocuments exports,
    Clock clock,
    PdfPrinter pdf,
    IEvidenceStore store,
    StagePackStore packs,
    FindStagePackRenditions findRenditions,
    KeepStagePackRendition keepRendition,
    ReportStagePackProgress progress,
    WriteActivityCheckpoint checkpoint,
    ActivityKeyRing keys,
    ILogger<StagePackBuilder> log)
{
    /// <summary>The manifest's name in the ZIP; SHA256SUMS beside it is the same list for <c>sha256sum -c</c>.</summary>
    public const string ManifestName = "manifest.json";

    public const string SumsName = "SHA256SUMS";

    public sealed record ManifestFile
    {
        public required string Path { get; init; }

        public required string Sha256 { get; init; }

        public required long Size { get; init; }

        public required string Title { get; init; }

        public required string Clause { get; init; }
    }

    private sealed class Work
    {
        public required StagePackClaim Claim { get; init; }

        public required ZipArchive Zip { get; init; }

        public required List<ManifestFile> Files { get; init; }

        public required List<string> Problems { get; init; }

        public required int Total { get; init; }

        public long LastReport { get; set; }
    }

    /// <summary>Builds the pack; null when the claim was lost to another node (the pack is then theirs).</summary>
    public async Task<BuiltStagePack?> Build(StagePackClaim claim, CancellationToken ct)
    {
        var found = await contents.Handle(ct) ?? throw new InvalidOperationException("The pack's contents could not be read.");
        var printing = pdf.Available ? await pdf.Session(Tabs, ct) : null;
        await using var _ = printing;
        var zipPath = Path.Combine(Path.GetTempPath(), "openisms-pack-" + Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            var problems = new List<string>();
            if (printing is null)
            {
                problems.Add("No PDF printer (Chromium) was available: documents, reports and minutes are in the pack in their source format and DOCX only.");
            }

            var files = new List<ManifestFile>();
            await using (var zipFile = new FileStream(zipPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                using var zip = new ZipArchive(zipFile, ZipArchiveMode.Create, leaveOpen: true);
                var written = found.Documents.Count(d => d.FileSha256 is null);
                var total = found.Documents.Count + (printing is null ? 0 : written) + 2 + Registers + 2 + ((found.Audits.Count + found.Reviews.Count) * (printing is null ? 1 : 2));
                var work = new Work { Claim = claim, Zip = zip, Files = files, Problems = problems, Total = total };
                if (!await Report(work, "Starting", ct, force: true))
                {
                    return null;
                }

                if (!await Documents(work, found.Documents, printing, ct) || !await Soa(work, printing, ct) || !await RegisterFiles(work, ct)
                    || !await AuditsAndReviews(work, found, printing, ct))
                {
                    return null;
                }

                await Report(work, "Signing the manifest", ct, force: true);
                var signed = await checkpoint.Handle(onlyIfGrown: false, ct);
                if (signed.Refusal is { } refused)
                {
                    problems.Add($"The activity log's head could not be signed: {refused}");
                }

                var manifest = await Manifest(claim.PackId, files, problems, signed.Checkpoint, ct);
                await Entry(zip, ManifestName, Encoding.UTF8.GetBytes(manifest), ct);
                await Entry(zip, SumsName, Encoding.UTF8.GetBytes(string.Concat(files.Select(f => $"{f.Sha256}  {f.Path}\n"))), ct);
                await Entry(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(signed.Checkpoint)), ct);
                zip.Dispose();
                zipFile.Position = 0;
                using var blob = await packs.Files.Write(zipFile, long.MaxValue, ct);
                blob.Commit();
                var name = $"stage1-pack-{await clock.Today(ct):yyyy-MM-dd}.zip";
                return new BuiltStagePack { FileName = name, Sha256 = blob.Sha256, Size = blob.Size, Files = files.Count, LogSequence = signed.Checkpoint?.Sequence ?? 0, LogHash = signed.Checkpoint?.Hash ?? "" };
            }
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    /// <summary>Tabs printing at once: two per core (a tab waits on Chromium's other processes part of the time), at most four.</summary>
    private static int Tabs => Math.Clamp(Environment.ProcessorCount * 2, 2, 4);

    private const int Registers = 8;

    private sealed record Printable
    {
        public required GetStagePackContents.Document Doc { get; init; }

        public required TextDocument Text { get; init; }

        public required string Key { get; init; }
    }

    /// <summary>
    /// The documents: each one's source, then its PDF — taken from the renditions kept by earlier packs when nothing it is
    /// printed from has changed, else printed (a batch at a time, in parallel tabs) and kept for the next pack.
    /// </summary>
    private async Task<bool> Documents(Work work, IReadOnlyList<GetStagePackContents.Document> list, PdfSession? printing, CancellationToken ct)
    {
        var (printedCount, reused) = (0, 0);
        var timing = System.Diagnostics.Stopwatch.StartNew();
        var printTime = TimeSpan.Zero;
        foreach (var batch in list.Chunk(Tabs * 4))
        {
            var printable = new List<Printable>();
            foreach (var d in batch)
            {
                var clause = d.Clauses ?? "7.5";
                var stem = $"documents/{Safe($"{d.Reference}-v{d.Label}")}";
                if (d.FileSha256 is { } sha)
                {
                    if (!await Add(work, $"{stem}-{Safe(d.FileName ?? "file")}", $"{d.Reference} {d.Title}, version {d.Label} (file)", clause, async (target, token) =>
                        {
                            await using var source = store.Open(sha);
                            if (source is null)
                            {
                                return $"{d.Reference}: its file is missing from the store.";
                            }

                            await source.CopyToAsync(target, token);
                            return null;
                        }, ct, expectedSha: sha))
                    {
                        return false;
                    }

                    continue;
                }

                var view = await versions.Handle(d.DocumentId, d.VersionId, ct);
                var document = await documents.Handle(d.DocumentId, ct);
                if (view is null || document is null)
                {
                    continue;
                }

                if (!await Add(work, $"{stem}.md", $"{d.Reference} {d.Title}, version {d.Label} (source, Markdown)", clause,
                        async (target, token) =>
                        {
                            await target.WriteAsync(Encoding.UTF8.GetBytes(view.Version.Content ?? ""), token);
                            return null;
                        }, ct, expectedSha: view.Version.ContentSha256))
                {
                    return false;
                }

                if (printing is not null)
                {
                    var text = await DocumentExports.Compose(view, document, exports, clock, ct);
                    printable.Add(new Printable { Doc = d, Text = text, Key = RenditionKey(text) });
                }
            }

            if (printing is null || printable.Count == 0)
            {
                continue;
            }

            var kept = await findRenditions.Handle([.. printable.Select(p => p.Key)], ct);
            var cached = printable.ToDictionary(p => p.Key, p => kept.TryGetValue(p.Key, out var pdf) && packs.Files.Open(pdf) is { } file ? (Sha: pdf, File: file) : default);
            var toPrint = printable.Where(p => cached[p.Key].File is null).ToList();
            var htmls = new List<string>();
            foreach (var p in toPrint)
            {
                htmls.Add(await TextDocumentExport.Html(services, p.Text.Control, p.Text.Subtitle, p.Text.Markdown, p.Text.Appendices));
            }

            var printClock = System.Diagnostics.Stopwatch.StartNew();
            var temps = await Task.WhenAll(htmls.Select(html => Print(printing, html, ct)));
            printTime += printClock.Elapsed;
            var printedNow = toPrint.Select((p, i) => (p.Key, Temp: temps[i])).ToDictionary(x => x.Key, x => x.Temp);
            try
            {
                foreach (var p in printable)
                {
                    var (sha, file) = cached[p.Key];
                    var temp = printedNow.GetValueOrDefault(p.Key);
                    if (!await Add(work, $"documents/{Safe($"{p.Doc.Reference}-v{p.Doc.Label}")}.pdf", $"{p.Doc.Reference} {p.Doc.Title}, version {p.Doc.Label} (PDF)", p.Doc.Clauses ?? "7.5",
                            async (target, token) =>
                            {
                                var source = (Stream?)file ?? temp;
                                if (source is null)
                                {
                                    return $"{p.Doc.Reference}: Chromium could not print it.";
                                }

                                source.Position = 0;
                                await source.CopyToAsync(target, token);
                                return null;
                            }, ct, expectedSha: sha))
                    {
                        return false;
                    }

                    if (temp is not null)
                    {
                        // Kept for the next pack: the same document, unchanged, is not printed again.
                        temp.Position = 0;
                        using var blob = await packs.Files.Write(temp, long.MaxValue, ct);
                        blob.Commit();
                        await keepRendition.Handle(p.Key, blob.Sha256, blob.Size, ct);
                        printedCount++;
                    }
                    else if (file is not null)
                    {
                        reused++;
                    }
                }
            }
            finally
            {
                foreach (var stream in temps.Cast<Stream?>().Concat(cached.Values.Select(c => (Stream?)c.File)))
                {
                    if (stream is not null)
                    {
                        await stream.DisposeAsync();
                    }
                }
            }
        }

        log.LogInformation("Stage 1 pack: {Count} documents in {Seconds:F1} s; {Printed} PDFs printed in {Print:F1} s, {Reused} unchanged since an earlier pack.",
            list.Count, timing.Elapsed.TotalSeconds, printedCount, printTime.TotalSeconds, reused);
        return true;
    }

    /// <summary>
    /// Prints, ahead of any pack, the PDFs of documents in force that have none kept yet (at most <paramref name="most"/>
    /// a round, so a pack asked for meanwhile waits little): a pack then copies them instead of printing. True when every
    /// document has its PDF kept.
    /// </summary>
    public async Task<bool> Warm(int most, CancellationToken ct)
    {
        var found = await contents.Handle(ct);
        if (found is null || !pdf.Available)
        {
            return true;
        }

        var missing = new List<Printable>();
        var more = false;
        foreach (var batch in found.Documents.Where(d => d.FileSha256 is null).Chunk(100))
        {
            var composed = new List<Printable>();
            foreach (var d in batch)
            {
                if (await versions.Handle(d.DocumentId, d.VersionId, ct) is { } view && await documents.Handle(d.DocumentId, ct) is { } document)
                {
                    var text = await DocumentExports.Compose(view, document, exports, clock, ct);
                    composed.Add(new Printable { Doc = d, Text = text, Key = RenditionKey(text) });
                }
            }

            var kept = await findRenditions.Handle([.. composed.Select(p => p.Key)], ct);
            missing.AddRange(composed.Where(p => !kept.ContainsKey(p.Key)));
            if (missing.Count >= most)
            {
                more = true; // the documents after this batch are looked at next round
                break;
            }
        }

        if (missing.Count == 0)
        {
            return true;
        }

        await using var printing = await pdf.Session(Tabs, ct);
        if (printing is null)
        {
            return false;
        }

        foreach (var batch in missing.Take(most).Chunk(Tabs * 4))
        {
            var htmls = new List<string>();
            foreach (var p in batch)
            {
                htmls.Add(await TextDocumentExport.Html(services, p.Text.Control, p.Text.Subtitle, p.Text.Markdown, p.Text.Appendices));
            }

            var temps = await Task.WhenAll(htmls.Select(html => Print(printing, html, ct)));
            for (var i = 0; i < batch.Length; i++)
            {
                if (temps[i] is not { } temp)
                {
                    continue;
                }

                await using (temp)
                {
                    temp.Position = 0;
                    using var blob = await packs.Files.Write(temp, long.MaxValue, ct);
                    blob.Commit();
                    await keepRendition.Handle(batch[i].Key, blob.Sha256, blob.Size, ct);
                }
            }
        }

        log.LogInformation("Stage 1 pack: {Count} documents' PDFs printed ahead of the next pack.", Math.Min(most, missing.Count));
        return !more && missing.Count <= most;
    }

    /// <summary>
    /// What a document's PDF is printed from, hashed: the control block (without the moment it was produced), subtitle,
    /// text and appendices, and this build of the print template. Equal keys print equal pages.
    /// </summary>
    private static string RenditionKey(TextDocument text)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            template = typeof(PrintableText).Assembly.ManifestModule.ModuleVersionId,
            control = text.Control with { Generated = "" },
            text.Subtitle,
            text.Markdown,
            appendices = text.Appendices.Select(a => new { a.Heading, a.Header, a.Rows, a.Widths }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static async Task<FileStream?> Print(PdfSession printing, string html, CancellationToken ct)
    {
        var temp = TableExport.TempFile();
        if (await printing.Print(html, temp, ct))
        {
            return temp;
        }

        await temp.DisposeAsync();
        return null;
    }

    private async Task<bool> Soa(Work work, PdfSession? printing, CancellationToken ct)
    {
        if (await SoaExports.Compose(null, soa, exports, ct) is not { } statement)
        {
            return true;
        }

        const string clause = "6.1.3 d";
        if (statement.FileStem.EndsWith("-draft", StringComparison.Ordinal))
        {
            work.Problems.Add("No version of the Statement of Applicability is approved: the pack holds the draft.");
        }

        if (!await Add(work, $"statement-of-applicability/{statement.FileStem}.xlsx", "Statement of Applicability (workbook)", clause,
                async (target, token) =>
                {
                    await statement.WriteXlsx(target, token);
                    return null;
                }, ct))
        {
            return false;
        }

        return await Add(work, $"statement-of-applicability/{statement.FileStem}.pdf", "Statement of Applicability (PDF)", clause, async (target, token) =>
            printing is null ? "The SoA was not printed: no Chromium." : await printing.Print(await statement.Html(services), target, token) ? null : "Chromium could not print the SoA.", ct);
    }

    private async Task<bool> RegisterFiles(Work work, CancellationToken ct)
    {
        var risks = services.GetRequiredService<ExportRisks>();
        var plan = services.GetRequiredService<ExportTreatmentPlan>();
        var riskFilter = RiskFilter.Parse(_ => null) with { LevelOf = RatingKind.Residual, CellLikelihood = null, CellImpact = null, Sort = RiskSort.Reference, Descending = false };
        (RegisterSheet Sheet, IReadOnlyList<string> Columns, Func<IAsyncEnumerable<object?[]>> Rows)[] registers =
        [
            (RiskExports.Sheet, ExportRisks.Columns, () => risks.Handle(riskFilter, ct)),
            (RiskExports.PlanSheet, ExportTreatmentPlan.Columns, () => plan.Handle(TreatmentPlanFilter.Parse(_ => null).Unpaged, ct)),
            (AssetExports.Sheet, ExportAssets.Columns, () => services.GetRequiredService<ExportAssets>().Handle(AssetFilter.Parse(_ => null), ct)),
            (ControlExports.Sheet, ExportControls.Columns, () => services.GetRequiredService<ExportControls>().Handle(ControlFilter.Parse(_ => null), ct)),
            (NonconformityEndpoints.Sheet, ExportNonconformities.Columns, () => services.GetRequiredService<ExportNonconformities>().Handle(NonconformityFilter.Parse(_ => null), ct)),
            (ImprovementEndpoints.Sheet, ExportImprovements.Columns, () => services.GetRequiredService<ExportImprovements>().Handle(ImprovementFilter.Parse(_ => null), ct)),
            (CommunicationEndpoints.Sheet, ExportCommunications.Columns, () => services.GetRequiredService<ExportCommunications>().Handle(CommunicationFilter.Parse(_ => null), ct)),
            (ProgrammeSheet, ProgrammeColumns, () => ProgrammeRows(ct)),
        ];
        foreach (var (sheet, columns, rows) in registers)
        {
            var stem = await exports.FileStem(sheet, ct);
            if (!await Add(work, $"registers/{stem}.xlsx", sheet.Title, Clause(sheet.Clause), async (target, token) =>
                {
                    await exports.RegisterXlsx(target, sheet, columns, rows(), token);
                    return null;
                }, ct))
            {
                return false;
            }
        }

        if (await methodology.Handle(null, ct) is { Approved: { } approved })
        {
            if (!await Add(work, $"risk-methodology/risk-methodology-v{approved.Number}.yaml", $"Risk assessment methodology, version {approved.Number}", "6.1.2",
                    async (target, token) =>
                    {
                        await target.WriteAsync(Encoding.UTF8.GetBytes(MethodologyFile.Yaml(approved.Name, approved.Definition)), token);
                        return null;
                    }, ct))
            {
                return false;
            }
        }
        else
        {
            work.Problems.Add("No risk methodology is approved yet.");
        }

        var today = await clock.Today(ct);
        return await Add(work, $"readiness/readiness-{today:yyyy-MM-dd}.xlsx", "Certification readiness: every rule's result", "4–10", async (target, token) =>
        {
            var view = await readiness.Handle(token) ?? throw new InvalidOperationException("Readiness could not be read.");
            var sheet = new RegisterSheet { File = "readiness", Title = $"Certification readiness ({view.Score}%)", DocumentId = "OIM-READINESS", Clause = "ISO/IEC 27001:2022 clauses 4–10", Sheet = "Readiness" };
            await exports.RegisterXlsx(target, sheet, ["Clause", "Rule", "Weight", "Result", "What is missing"],
                view.Results.Select(r => new object?[] { r.Rule.Clause, r.Rule.Title, r.Rule.Weight, r.Passed ? "Passes" : "Fails", r.Passed ? "" : r.Detail }).ToAsyncEnumerable(), token);
            return null;
        }, ct);
    }

    private static readonly RegisterSheet ProgrammeSheet = new()
    {
        File = "audit-programme", Title = "Internal audit programme", DocumentId = "OIM-AUDIT-PROGRAMME", Clause = "ISO/IEC 27001:2022 clause 9.2.2", Sheet = "Programme",
    };

    private static readonly string[] ProgrammeColumns = ["Kind", "Item", "Title", "Last audited", "Planned", "Priority", "Every (years)", "Due by", "Status"];

    private async IAsyncEnumerable<object?[]> ProgrammeRows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var view = await programme.Handle(ProgrammeFilter.Parse(_ => null) with { Page = page, PageSize = 200 }, ct);
            foreach (var r in view.Rows.Items)
            {
                yield return [Labels.Of(r.Kind), r.Code, r.Title, r.LastAuditedOn, r.PlannedOn, r.Priority.ToString(), r.IntervalYears, r.DueBy, Labels.Words(r.Status.ToString())];
            }

            if (view.Rows.Items.Count == 0 || page * view.Rows.PageSize >= view.Rows.TotalCount)
            {
                yield break;
            }
        }
    }

    private async Task<bool> AuditsAndReviews(Work work, GetStagePackContents.Contents found, PdfSession? printing, CancellationToken ct)
    {
        foreach (var (id, _) in found.Audits)
        {
            if (await reports.Handle(id, ct) is { } report && !await Text(work, "audits", await AuditEndpoints.Compose(report, exports, ct), "9.2", printing, ct))
            {
                return false;
            }
        }

        foreach (var (id, _) in found.Reviews)
        {
            if (await reviews.Handle(id, ct) is { } view && !await Text(work, "reviews", await ReviewEndpoints.Compose(view, exports, ct), "9.3", printing, ct))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> Text(Work work, string folder, TextDocument document, string clause, PdfSession? printing, CancellationToken ct)
    {
        if (!await Add(work, $"{folder}/{Safe(document.FileStem)}.docx", $"{document.Control.Title} (DOCX)", clause, (target, _) =>
            {
                TextDocumentExport.WriteDocx(target, document.Control, document.Subtitle, document.Markdown, document.Appendices);
                return Task.FromResult<string?>(null);
            }, ct))
        {
            return false;
        }

        return printing is null || await Add(work, $"{folder}/{Safe(document.FileStem)}.pdf", $"{document.Control.Title} (PDF)", clause, async (target, token) =>
            await printing.Print(await TextDocumentExport.Html(services, document.Control, document.Subtitle, document.Markdown, document.Appendices), target, token)
                ? null : $"{document.FileStem}: Chromium could not print it.", ct);
    }

    /// <summary>
    /// Writes one file: to a temporary file first (the OpenXML writers need a seekable stream, and a file that fails is
    /// left out rather than half-written), then into the ZIP while hashing. A problem is noted in the manifest, and the
    /// build goes on. False only when this node lost its claim on the pack.
    /// </summary>
    private async Task<bool> Add(Work work, string path, string title, string clause, Func<Stream, CancellationToken, Task<string?>> write, CancellationToken ct, string? expectedSha = null)
    {
        await using (var temp = TableExport.TempFile())
        {
            string? problem;
            try
            {
                problem = await write(temp, ct);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or JsonException)
            {
                log.LogError(ex, "The Stage 1 pack could not include {Path}.", path);
                problem = $"{path} could not be written ({ex.GetType().Name}).";
            }

            if (problem is not null)
            {
                work.Problems.Add(problem);
            }
            else
            {
                temp.Position = 0;
                var (sha, size) = await Entry(work.Zip, path, temp, ct);
                work.Files.Add(new ManifestFile { Path = path, Sha256 = sha, Size = size, Title = title, Clause = clause });
                if (expectedSha is not null && !string.Equals(expectedSha, sha, StringComparison.OrdinalIgnoreCase))
                {
                    work.Problems.Add($"{path} does not match the SHA-256 recorded when it was approved or attached ({expectedSha}): it was changed since.");
                }
            }
        }

        return await Report(work, title, ct);
    }

    private async Task<bool> Report(Work work, string step, CancellationToken ct, bool force = false)
    {
        var now = Environment.TickCount64;
        if (!force && now - work.LastReport < 250)
        {
            return true;
        }

        work.LastReport = now;
        var done = work.Files.Count + work.Problems.Count;
        return await progress.Handle(work.Claim, Math.Min(done, work.Total), work.Total, step, ct);
    }

    private static Task<(string Sha, long Size)> Entry(ZipArchive zip, string path, byte[] content, CancellationToken ct) =>
        Entry(zip, path, new MemoryStream(content), ct);

    private static async Task<(string Sha, long Size)> Entry(ZipArchive zip, string path, Stream content, CancellationToken ct)
    {
        var compressed = path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)
            || path.EndsWith(".txt", StringComparison.Ordinal) || !path.Contains('.', StringComparison.Ordinal);
        var entry = zip.CreateEntry(path, compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
        await using var target = entry.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private async Task<string> Manifest(Guid packId, List<ManifestFile> files, List<string> problems, ActivityCheckpoint? head, CancellationToken ct)
    {
        var key = head is null ? null : keys.Find(head.KeyId);
        var org = (await organisation.Handle(ct))?.Name;
        var manifest = new
        {
            format = "openisms-stage1-pack/1",
            pack = packId,
            organisation = org,
            builtAt = clock.UtcNow,
            standard = "ISO/IEC 27001:2022",
            files = files.Select(f => new { path = f.Path, sha256 = f.Sha256, size = f.Size, title = f.Title, clause = f.Clause }),
            activityLog = head is null ? null : new
            {
                sequence = head.Sequence,
                hash = head.Hash,
                at = head.At,
                keyId = head.KeyId,
                signature = head.Signature,
                signedText = head.Payload,
                publicKey = key?.PublicKey,
                algorithm = "ECDSA P-256 with SHA-256 over signedText (UTF-8); the signature is base64 DER",
            },
            problems,
        };
        return JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Readme(ActivityCheckpoint? head) =>
        "Stage 1 pack built by OpenIsms.\n\n" +
        "manifest.json lists every file with its SHA-256, size, title and the ISO/IEC 27001:2022 clause it serves.\n" +
        "Check the files against it:   sha256sum -c SHA256SUMS\n\n" +
        (head is null
            ? "The activity log's head could not be signed when the pack was built (see \"problems\" in the manifest).\n"
            : $"The activity log had {head.Sequence} entries when the pack was built; its head ({head.Hash}) is signed in the manifest\n" +
              "(activityLog.signedText, .signature, .publicKey). Check it with openssl against the signed text, and in OpenIsms\n" +
              "under Activity → Verify, which compares the log with its checkpoints.\n");

    private static string Clause(string text) => text.Replace("ISO/IEC 27001:2022 ", "", StringComparison.Ordinal);

    /// <summary>A path segment safe in any ZIP tool and file system: letters, digits, dot, dash and underscore.</summary>
    private static string Safe(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]).Trim('.', '-');
        return safe.Length == 0 ? "file" : safe.Length > 120 ? safe[..120] : safe;
    }
}
