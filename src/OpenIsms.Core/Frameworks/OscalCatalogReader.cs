using System.Text.Json;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// Reads an OSCAL catalog (JSON, any version 1.x) into a framework's requirements: groups become groups, controls and
/// their sub-controls become controls, each with its level (<c>class</c>), statement, examples and guidance; the
/// <c>sort-id</c> property orders siblings, <c>label</c> gives the code, <c>status: withdrawn</c> and the
/// <c>incorporated-into</c>/<c>moved-to</c> links keep withdrawn entries with their successors, and every other property
/// becomes an attribute family. The start of the OSCAL importer: nothing here is particular to one catalog.
/// </summary>
public static class OscalCatalogReader
{
    private static readonly HashSet<string> Structural = ["sort-id", "label", "status", "alt-identifier", "alt-label"];

    private sealed record Node(JsonElement Element, bool IsGroup, Node? Parent, int Index)
    {
        public string Id => Element.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";

        public string? Prop(string name) => Props().Where(p => p.Name == name).Select(p => p.Value).FirstOrDefault();

        public IEnumerable<(string Name, string Value, string? Remarks)> Props() =>
            Element.TryGetProperty("props", out var props)
                ? props.EnumerateArray().Select(p => (p.GetProperty("name").GetString() ?? "", p.GetProperty("value").GetString() ?? "",
                    p.TryGetProperty("remarks", out var r) ? r.GetString() : null))
                : [];
    }

    public static void Read(Stream json, CatalogueFile into)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("catalog", out var catalog))
        {
            throw new InvalidDataException($"Catalogue {into.Id}: the file is not an OSCAL catalog (it has no \"catalog\").");
        }

        if (into.Edition is null && catalog.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("version", out var version))
        {
            into.Edition = version.GetString();
        }

        var nodes = new List<Node>();
        Walk(catalog, null, nodes);
        var codes = nodes.ToDictionary(n => n.Id, Code, StringComparer.Ordinal);
        var families = into.AttributeFamilies.ToDictionary(f => f.Key);
        foreach (var node in nodes)
        {
            into.Requirements.Add(Entry(node, codes, families, into));
        }
    }

    // Depth first, siblings in sort-id order (ties by id), so a parent comes before its children however the file is ordered.
    private static void Walk(JsonElement container, Node? parent, List<Node> into)
    {
        var children = new List<Node>();
        foreach (var (name, isGroup) in new[] { ("groups", true), ("controls", false) })
        {
            if (container.TryGetProperty(name, out var array))
            {
                children.AddRange(array.EnumerateArray().Select((e, i) => new Node(e, isGroup, parent, children.Count + i)));
            }
        }

        foreach (var child in children.OrderBy(c => c.Prop("sort-id") ?? "", StringComparer.Ordinal).ThenBy(c => c.Prop("sort-id") is null ? c.Index : 0).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            into.Add(child);
            Walk(child.Element, child, into);
        }
    }

    private static CatalogueFile.Entry Entry(Node node, Dictionary<string, string> codes, Dictionary<string, CatalogueFile.Family> families, CatalogueFile file)
    {
        var code = codes[node.Id];
        var title = node.Element.TryGetProperty("title", out var t) ? t.GetString()?.Trim() ?? "" : "";
        var statement = Prose(node.Element, node.IsGroup ? ["overview", "statement"] : ["statement"]);
        if (title.Length == 0 || title == code || title == node.Id)
        {
            title = statement.Length > 0 ? statement : code; // a CSF subcategory's title is its id; its outcome says what it is
        }

        var top = node;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        var entry = new CatalogueFile.Entry
        {
            Id = code,
            Parent = node.Parent is null ? null : codes[node.Parent.Id],
            Kind = node.IsGroup ? RequirementKind.Theme : RequirementKind.Control,
            Class = Text.Capitalise(node.Element.TryGetProperty("class", out var c) ? c.GetString() : null) ?? (node.IsGroup ? "Group" : "Control"),
            Title = title.Length > Limits.ShortText ? title[..(Limits.ShortText - 1)] + "…" : title,
            Theme = top.Element.TryGetProperty("title", out var theme) ? theme.GetString() : null,
            Statement = statement,
            Guidance = Prose(node.Element, ["guidance"]),
            Examples = Parts(node.Element, "example").Select(p => Prose(p)).Where(p => p.Length > 0).ToList(),
            Withdrawn = node.Prop("status") == "withdrawn",
        };
        entry.SucceededBy = Successors(node, codes);
        foreach (var (name, value, remarks) in node.Props().Where(p => !Structural.Contains(p.Name)))
        {
            if (!families.TryGetValue(name, out var family))
            {
                family = new CatalogueFile.Family { Key = name, Name = Text.Capitalise(name.Replace('-', ' '))!, InList = true };
                families.Add(name, family);
                file.AttributeFamilies.Add(family);
            }

            var shown = remarks?.Trim() is { Length: > 0 and <= 100 } r ? r : value.Trim();
            if (!family.Values.Contains(shown))
            {
                family.Values.Add(shown);
            }

            entry.Attributes ??= [];
            if (!entry.Attributes.TryGetValue(name, out var list))
            {
                entry.Attributes[name] = list = [];
            }

            if (!list.Contains(shown))
            {
                list.Add(shown);
            }
        }

        return entry;
    }

    private static List<string>? Successors(Node node, Dictionary<string, string> codes)
    {
        if (!node.Element.TryGetProperty("links", out var links))
        {
            return null;
        }

        var next = links.EnumerateArray()
            .Where(l => l.TryGetProperty("rel", out var rel) && rel.GetString()?.Replace('_', '-') is "incorporated-into" or "moved-to")
            .Select(l => l.GetProperty("href").GetString()?.TrimStart('#') ?? "")
            .Select(href => codes.GetValueOrDefault(href))
            .OfType<string>()
            .Distinct()
            .ToList();
        return next.Count > 0 ? next : null;
    }

    // A code a person writes: the label when it is one token ("GV.OC-01", "AC-2"), else the id ("GV" for "GOVERN (GV)").
    private static string Code(Node node) =>
        node.Prop("label") is { Length: > 0 and <= 50 } label && !label.Any(char.IsWhiteSpace) ? label : node.Id;

    private static IEnumerable<JsonElement> Parts(JsonElement element, string name) =>
        element.TryGetProperty("parts", out var parts)
            ? parts.EnumerateArray().Where(p => p.TryGetProperty("name", out var n) && n.GetString() == name)
            : [];

    private static string Prose(JsonElement element, string[] names) =>
        string.Join("\n", names.SelectMany(n => Parts(element, n)).Select(p => Prose(p)).Where(p => p.Length > 0));

    // A part's prose with its sub-parts' (an enumerated statement's items), in order.
    private static string Prose(JsonElement part)
    {
        var own = part.TryGetProperty("prose", out var prose) ? prose.GetString()?.Trim() ?? "" : "";
        var nested = part.TryGetProperty("parts", out var parts) ? parts.EnumerateArray().Select(p => Prose(p)).Where(p => p.Length > 0) : [];
        return string.Join("\n", new[] { own }.Concat(nested).Where(p => p.Length > 0));
    }
}
