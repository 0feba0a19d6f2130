using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Assets;

/// <summary>
/// The asset inventory as rows for an export, under the inventory's filters, streamed. The columns are the import's own
/// fields and values (type and criticality by name, C, I and A as 1 to 4, in scope as Yes or No), so an export imports
/// back unchanged.
/// </summary>
public sealed class ExportAssets(OpenIsmsDbContext db, ListAssets list)
{
    public static readonly string[] Columns =
    [
        "Identifier", "Name", "Type", "Category", "Description", "Owner", "Custodian", "Location", "Classification",
        "Confidentiality", "Integrity", "Availability", "Criticality", "In scope",
    ];

    public async IAsyncEnumerable<object?[]> Handle(AssetFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var people = await Users.PersonNames.ForExport(db, ct);
        await foreach (var a in list.Filter(filter).OrderBy(a => a.Reference).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return
            [
                a.Reference, a.Name, a.Type.ToString(), a.Category, a.Description, a.OwnerId is null ? null : people.GetValueOrDefault(a.OwnerId), a.Custodian, a.Location,
                a.Classification, a.Confidentiality, a.Integrity, a.Availability, a.Criticality.ToString(), a.InScope ? "Yes" : "No",
            ];
        }
    }
}
