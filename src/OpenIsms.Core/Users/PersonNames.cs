using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Users;

/// <summary>
/// People as files name them: by name, or as "Name &lt;e-mail&gt;" where another user has the same name, so that an
/// import of the file finds the same person (ADR 26).
/// </summary>
public static partial class PersonNames
{
    public static Dictionary<string, string> Labels(IReadOnlyCollection<(string Id, string DisplayName, string? Email)> users)
    {
        var shared = users.GroupBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return users.ToDictionary(u => u.Id, u => shared.Contains(u.DisplayName) && u.Email is not null ? $"{u.DisplayName} <{u.Email}>" : u.DisplayName);
    }

    /// <summary>The name and e-mail of a text written as "Name &lt;e-mail&gt;" (the name may be empty); null for any other text.</summary>
    public static (string Name, string Email)? Mailbox(string text) =>
        MailboxForm().Match(text.Trim()) is { Success: true } m ? (m.Groups[1].Value.Trim(), m.Groups[2].Value) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^([^<>]*)<\s*([^<>\s]+@[^<>\s]+)\s*>$")]
    private static partial System.Text.RegularExpressions.Regex MailboxForm();

    /// <summary>Every user, active or not, as exports name them.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForExport(OpenIsmsDbContext db, CancellationToken ct) =>
        Labels((await db.Set<AppUser>().AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName, u.Email)).ToList());
}
