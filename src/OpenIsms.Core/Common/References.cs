using Microsoft.EntityFrameworkCore;

namespace OpenIsms.Core.Common;

/// <summary>Identifiers such as R-001 and AST-0042: the highest number in use with a prefix.</summary>
public static class References
{
    /// <summary>
    /// The longest identifiers with the prefix hold the highest numbers; among those, the last in text order. Two small
    /// queries on the identifier's index instead of reading and sorting every row. Non-numeric ones are skipped.
    /// </summary>
    public static async Task<int> Highest(IQueryable<string> references, string prefix, CancellationToken ct)
    {
        var matching = references.Where(r => r.StartsWith(prefix));
        var longest = await matching.MaxAsync(r => (int?)r.Length, ct);
        if (longest is null)
        {
            return 0;
        }

        for (var length = longest.Value; length > prefix.Length; length--)
        {
            var candidates = await matching.Where(r => r.Length == length).OrderByDescending(r => r).Take(20).ToListAsync(ct);
            var numbers = candidates.Select(r => int.TryParse(r.AsSpan(prefix.Length), out var n) ? n : -1).Where(n => n >= 0).ToList();
            if (numbers.Count > 0)
            {
                return numbers.Max();
            }

            if (candidates.Count == 0 && length < longest - 3)
            {
                break;
            }
        }

        return 0;
    }
}

/// <summary>
/// A record numbered automatically (R-001, AST-001, CTL-001) when its identifier was left blank. The number given while
/// validating is provisional: the save gives the final one inside the activity log's lock (one writer at a time, across
/// nodes on PostgreSQL), so parallel creations never pick the same number.
/// </summary>
public interface IAutoNumbered
{
    string Reference { get; }

    string ReferencePrefix { get; }

    bool NumberedAutomatically { get; }

    /// <summary>The identifier was left blank: the one given now is provisional, the save gives the final one.</summary>
    void NumberAutomatically();

    void Renumber(string reference);
}

/// <summary>
/// A record that is always numbered automatically with its kind's prefix (NC-001, IA-001, MR-001): the reference is given
/// when it is saved, inside the activity log's lock.
/// </summary>
public abstract class NumberedEntity : Entity, IAutoNumbered
{
    private bool numberedAutomatically;

    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => ReferencePrefix;

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    /// <summary>The kind's prefix, such as "NC-".</summary>
    protected abstract string ReferencePrefix { get; }

    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    /// <summary>A new record: numbered when it is saved; until then a placeholder stands in.</summary>
    public void NumberOnSave()
    {
        numberedAutomatically = true;
        Reference = ReferencePrefix + "000";
    }
}
