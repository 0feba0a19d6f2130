using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;

namespace OpenIsms.Core.Readiness;

/// <summary>
/// A document's PDF as printed for a Stage 1 pack, kept in the file store under its SHA-256 and found again by the
/// SHA-256 of everything it was printed from (the version's text, its control block, history and reviews, and the
/// build of the template): a document unchanged since the last pack is not printed again. Derived, not a record: not
/// in the activity log; a rendition unused for <see cref="KeptFor"/> is forgotten and its file removed.
/// </summary>
public sealed class StagePackRendition
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    public string Key { get; set; } = "";

    public string PdfSha256 { get; set; } = "";

    public long Size { get; set; }

    public DateTime UsedAt { get; set; }
}

internal sealed class StagePackRenditionConfiguration : IEntityTypeConfiguration<StagePackRendition>
{
    public void Configure(EntityTypeBuilder<StagePackRendition> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(64);
        builder.Property(r => r.PdfSha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.UsedAt);
    }
}

/// <summary>The renditions kept for these keys (key → PDF hash); marks them used, so they are kept as long as packs use them.</summary>
public sealed class FindStagePackRenditions(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyDictionary<string, string>> Handle(IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var found = await db.Set<StagePackRendition>().AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => new { r.Key, r.PdfSha256 }).ToListAsync(ct);
        if (found.Count > 0)
        {
            var hit = found.Select(f => f.Key).ToList();
            var now = db.Clock.UtcNow;
            await db.Set<StagePackRendition>().Where(r => hit.Contains(r.Key)).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), ct);
        }

        return found.ToDictionary(f => f.Key, f => f.PdfSha256);
    }
}

/// <summary>Keeps a freshly printed PDF's rendition (its file already committed to the store); two nodes keeping the same one settle on the first.</summary>
public sealed class KeepStagePackRendition(OpenIsmsDbContext db)
{
    public async Task Handle(string key, string pdfSha256, long size, CancellationToken ct = default)
    {
        db.Add(new StagePackRendition { Key = key, PdfSha256 = pdfSha256, Size = size, UsedAt = db.Clock.UtcNow });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Constraints.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// The packs' own file store: content-addressed like the evidence store, in a folder of its own inside it, so that
/// removing an expired pack or a forgotten rendition can never remove an evidence file that happens to have the same bytes
/// (a pack's PDF downloaded and uploaded again as evidence, say).
/// </summary>
public sealed class StagePackStore(EvidenceStoreOptions options)
{
    public IEvidenceStore Files { get; } = new FileEvidenceStore(new EvidenceStoreOptions { Folder = Path.Combine(options.Folder, "stage-packs"), MaxFileBytes = long.MaxValue });
}
