using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>Removes someone entered by mistake; whoever they managed keeps no manager. Someone who left stays, with a leaving date.</summary>
public sealed class DeletePerson(OpenIsmsDbContext db)
{
    public Task<Result> Handle(Guid id, int version, CancellationToken ct = default) =>
        db.DeleteAsync<Person>(id, version, PeoplePermissions.Edit, ct);
}
