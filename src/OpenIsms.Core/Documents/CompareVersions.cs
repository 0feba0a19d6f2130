using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>A line-by-line text difference between two versions of a document (their Markdown), oldest first.</summary>
public sealed class CompareVersions(OpenIsmsDbContext db)
{
    public enum LineChange
    {
        Same,
        Added,
        Removed,
    }

    public sealed record Line(LineChange Change, string Text, int? OldNumber, int? NewNumber);

    public sealed record View(string FromLabel, string ToLabel, IReadOnlyList<Line> Lines, bool FilesDiffer)
    {
        public int Added => Lines.Count(l => l.Change == LineChange.Added);

        public int Removed => Lines.Count(l => l.Change == LineChange.Removed);
    }

    public async Task<View?> Handle(Guid documentId, Guid from, Guid to, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return null;
        }

        var versions = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == documentId && (v.Id == from || v.Id == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Id == from);
        var b = versions.FirstOrDefault(v => v.Id == to);
        if (a is null || b is null)
        {
            return null;
        }

        if (a.Major > b.Major || a.Major == b.Major && a.Minor > b.Minor)
        {
            (a, b) = (b, a);
        }

        return new View(a.Label, b.Label, Diff(a.Content ?? "", b.Content ?? ""), a.FileSha256 != b.FileSha256);
    }

    public static IReadOnlyList<Line> Diff(string older, string newer)
    {
        var model = InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false);
        var lines = new List<Line>(model.Lines.Count);
        int oldNumber = 0, newNumber = 0;
        foreach (var piece in model.Lines)
        {
            switch (piece.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new Line(LineChange.Added, piece.Text, null, ++newNumber));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new Line(LineChange.Removed, piece.Text, ++oldNumber, null));
                    break;
                default:
                    lines.Add(new Line(LineChange.Same, piece.Text, ++oldNumber, ++newNumber));
                    break;
            }
        }

        return lines;
    }
}
