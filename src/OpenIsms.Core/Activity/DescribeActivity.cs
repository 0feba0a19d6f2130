using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Activity;

/// <summary>
/// Activity entries in a person's words: fields named as the pages name them ("Control", not "Control id"), ids
/// replaced by the record they point to ("CTL-012 Quarterly access review", "Ada Admin"), enum values in words ("In
/// treatment"), times in the organisation's time zone, and the record each entry is about. Reads a page of entries at
/// a time: one query per kind of record the page mentions, never one per entry.
/// </summary>
public sealed class DescribeActivity(OpenIsmsDbContext db)
{
    private static readonly HashSet<string> Hidden = ["Id", "CreatedAt", "Version"];

    /// <summary>The properties that name a record, in the order they are put together.</summary>
    private static readonly string[] NameParts = ["Reference", "Code", "Number", "Title", "Name", "DisplayName"];

    public sealed record Row(string Field, string? Before, string? After);

    public sealed record Described(ActivityEntry Entry, string Record, IReadOnlyList<Row> Rows);

    public async Task<IReadOnlyList<Described>> Handle(IReadOnlyList<ActivityEntry> entries, CancellationToken ct = default)
    {
        var zone = await db.Clock.Zone(ct);
        var models = db.Model.GetEntityTypes().Where(t => AuditName(t) is not null).GroupBy(t => AuditName(t)!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var parsed = entries.Select(e => (Entry: e, Before: Parse(e.Before), After: Parse(e.After))).ToList();

        // Every record the page mentions, by the type that holds it: the entries' own, and those their fields point to.
        var wanted = new Dictionary<IEntityType, HashSet<string>>();
        void Want(IEntityType? type, string? id)
        {
            if (type is not null && !string.IsNullOrEmpty(id))
            {
                (wanted.TryGetValue(type, out var set) ? set : wanted[type] = []).Add(id);
            }
        }

        foreach (var (entry, before, after) in parsed)
        {
            var model = models.GetValueOrDefault(entry.EntityType);
            Want(model, entry.EntityId);
            foreach (var (field, value) in before.Concat(after))
            {
                Want(Target(model, field), value.ValueKind == JsonValueKind.String ? value.GetString() : null);
            }
        }

        var names = new Dictionary<(IEntityType, string), string>();
        foreach (var (type, ids) in wanted)
        {
            foreach (var (id, name) in await Names(type, ids, ct))
            {
                names[(type, id)] = name;
            }
        }

        return parsed.Select(p =>
        {
            var model = models.GetValueOrDefault(p.Entry.EntityType);
            var record = model is not null && names.TryGetValue((model, p.Entry.EntityId), out var known) ? known
                : NameOf(p.Before.Count > 0 ? p.Before : p.After) ?? Text.Words(p.Entry.EntityType).ToLowerInvariant();
            var rows = p.Before.Keys.Union(p.After.Keys).Where(k => !Hidden.Contains(k))
                .Select(k => (Key: k, Target: Target(model, k)))
                .Select(k => new Row(FieldName(k.Key),
                    p.Before.TryGetValue(k.Key, out var b) ? Value(model, k.Key, b, k.Target, names, zone) : null,
                    p.After.TryGetValue(k.Key, out var a) ? Value(model, k.Key, a, k.Target, names, zone) : null))
                .Where(r => r.Before is not (null or "—") || r.After is not (null or "—")) // a new record's empty fields say nothing
                .ToList();
            return new Described(p.Entry, record, rows);
        }).ToList();
    }

    /// <summary>The record an entry is about, named: "R-001 Ransomware encrypts the file server", or its kind.</summary>
    public async Task<string> RecordName(string entityType, string entityId, CancellationToken ct = default)
    {
        var model = db.Model.GetEntityTypes().FirstOrDefault(t => AuditName(t) == entityType);
        if (model is not null && (await Names(model, [entityId], ct)).TryGetValue(entityId, out var name))
        {
            return name;
        }

        var last = await db.Set<ActivityEntry>().AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence).Select(e => e.Before ?? e.After).FirstOrDefaultAsync(ct);
        return NameOf(Parse(last)) ?? Text.Words(entityType).ToLowerInvariant();
    }

    /// <summary>"2 Dec 2026, 10:14 Europe/Berlin": an absolute time as a person reads it.</summary>
    public static string Absolute(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)
        + " " + (zone == TimeZoneInfo.Utc ? "UTC" : zone.Id);

    private static string? AuditName(IEntityType t) => AuditNames.Of(t.ClrType);

    /// <summary>The type a field's value points to: by the model's foreign key, else by its name ("ControlId" → Control).</summary>
    private IEntityType? Target(IEntityType? model, string field)
    {
        if (model?.FindProperty(field) is { } property && property.GetContainingForeignKeys().FirstOrDefault() is { } key)
        {
            return key.PrincipalEntityType;
        }

        if (!field.EndsWith("Id", StringComparison.Ordinal) || field.Length <= 2)
        {
            return null;
        }

        var name = field[..^2];
        return db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == name || AuditName(t) == name)
            ?? (name.EndsWith("By", StringComparison.Ordinal) || name is "Owner" or "User" ? db.Model.FindEntityType(typeof(AppUser)) : null);
    }

    private static string FieldName(string field) =>
        Text.Words(field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2 ? field[..^2] : field);

    private static string Value(IEntityType? model, string field, JsonElement value, IEntityType? target, Dictionary<(IEntityType, string), string> names, TimeZoneInfo zone)
    {
        var type = model?.FindProperty(field)?.ClrType is { } t ? Nullable.GetUnderlyingType(t) ?? t : null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return "—";
            case JsonValueKind.True:
                return "Yes";
            case JsonValueKind.False:
                return "No";
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                if (text == ListActivity.Withheld)
                {
                    return text;
                }

                if (target is not null && names.TryGetValue((target, text), out var name))
                {
                    return name;
                }

                if (type?.IsEnum == true)
                {
                    return Text.Words(text);
                }

                if (type == typeof(DateTime) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                {
                    return Absolute(at, zone);
                }

                if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
                {
                    return Absolute(offset.UtcDateTime, zone);
                }

                if (type == typeof(DateOnly) && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day))
                {
                    return day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
                }

                return text;
            default:
                return value.GetRawText();
        }
    }

    /// <summary>Names for records of one type: their identifier and title or name, read in one query.</summary>
    private async Task<Dictionary<string, string>> Names(IEntityType type, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var method = typeof(DescribeActivity).GetMethod(nameof(Load), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type.ClrType);
        var rows = await (Task<List<object>>)method.Invoke(this, [type, ids, ct])!;
        var key = type.FindPrimaryKey()!.Properties[0];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var values = type.GetProperties().Where(p => !p.IsShadowProperty()).ToDictionary(p => p.Name, p => p.GetGetter().GetClrValueUsingContainingEntity(row));
            var name = NameOf(values.ToDictionary(v => v.Key, v => v.Value?.ToString()));
            if (name is not null)
            {
                result[values[key.Name]?.ToString() ?? ""] = type.ClrType.Name == "RiskMethodology" || type.ClrType.Name.EndsWith("Version", StringComparison.Ordinal) || type.ClrType.Name == "ScopeRevision"
                    ? $"version {name}" : name;
            }
        }

        return result;
    }

    private async Task<List<object>> Load<T>(IEntityType type, IReadOnlyCollection<string> ids, CancellationToken ct)
        where T : class
    {
        var key = type.FindPrimaryKey();
        if (key is not { Properties.Count: 1 } || type.ClrType == typeof(IdentityUserRole<string>))
        {
            return [];
        }

        var property = key.Properties[0];
        if (property.ClrType == typeof(Guid))
        {
            var guids = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
            return [.. await db.Set<T>().AsNoTracking().Where(e => guids.Contains(EF.Property<Guid>(e, property.Name))).ToListAsync(ct)];
        }

        if (property.ClrType == typeof(string))
        {
            var keys = ids.ToList();
            return [.. await db.Set<T>().AsNoTracking().Where(e => keys.Contains(EF.Property<string>(e, property.Name))).ToListAsync(ct)];
        }

        return [];
    }

    private static string? NameOf(IReadOnlyDictionary<string, string?> values)
    {
        var parts = NameParts.Select(p => values.GetValueOrDefault(p)).Where(v => !string.IsNullOrWhiteSpace(v)).Take(2).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static string? NameOf(Dictionary<string, JsonElement> values) =>
        NameOf(values.Where(v => v.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number).ToDictionary(v => v.Key, v => (string?)(v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() : v.Value.GetRawText())));

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }
}
