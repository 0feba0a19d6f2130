using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;

namespace OpenIsms.Core.Controls;

/// <summary>The controls register as rows for an export, under the register's filters, streamed; the Annex A links are read once.</summary>
public sealed class ExportControls(OpenIsmsDbContext db, ListControls list)
{
    public static readonly string[] Columns = ["Identifier", "Name", "Description", "Owner", "Type", "Frequency", "Status", "Implements (Annex A)"];

    public async IAsyncEnumerable<object?[]> Handle(ControlFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var implements = (await (from x in db.Set<ControlRequirement>() join r in db.Set<Requirement>() on x.RequirementId equals r.Id orderby r.SortOrder select new { x.ControlId, r.Code })
            .ToListAsync(ct)).ToLookup(x => x.ControlId, x => x.Code);
        var people = await Users.PersonNames.ForExport(db, ct);
        await foreach (var c in list.Filter(filter).OrderBy(c => c.Reference).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [c.Reference, c.Name, c.Description, c.OwnerId is null ? null : people.GetValueOrDefault(c.OwnerId), c.Type.ToString(), Text.Words(c.Frequency.ToString()), Text.Words(c.Status.ToString()), string.Join(", ", implements[c.Id])];
        }
    }
}
