using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Primitives;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// A page's query parameters are typed ([SupplyParameterFromQuery] int page, bool desc, Guid? asset …), and a value
/// that does not parse — page=abc, page=2147483648, desc=maybe — would fail the whole page. Before any page or fragment
/// runs, each value is checked against every type a component declares for that name; one that does not parse is
/// dropped, so the page is shown as if it had not been given. Names no component declares are left alone (the API and
/// the exports parse their own, answering 400 in problem details where a value is wrong).
/// </summary>
public static class QueryParameterGuard
{
    private static readonly Lazy<Dictionary<string, Type[]>> Declared = new(() => typeof(QueryParameterGuard).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
        .Where(x => x.Attribute is not null)
        .GroupBy(x => x.Attribute!.Name ?? x.Property.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Property.PropertyType).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase));

    /// <summary>Every query name a page declares, with its types: the bad-input test walks them all.</summary>
    public static IReadOnlyDictionary<string, Type[]> DeclaredParameters => Declared.Value;

    public static IApplicationBuilder UseQueryParameterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var query = context.Request.Query;
        if (query.Count > 0 && !Api.ApiProblems.IsApi(context.Request.Path))
        {
            var kept = new List<KeyValuePair<string, StringValues>>(query.Count);
            foreach (var pair in query)
            {
                if (!Declared.Value.TryGetValue(pair.Key, out var types) || types.All(t => pair.Value.All(v => Parses(t, v))))
                {
                    kept.Add(pair);
                }
            }

            if (kept.Count < query.Count)
            {
                context.Request.QueryString = QueryString.Create(kept);
            }
        }

        await next();
    });

    /// <summary>As Blazor reads a query value into the type: invariant culture, "true"/"false" for booleans.</summary>
    public static bool Parses(Type type, string? value)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        var t = type.IsArray ? type.GetElementType()! : nullable ?? type;
        if (string.IsNullOrEmpty(value))
        {
            return nullable is not null || !t.IsValueType;
        }

        return t switch
        {
            _ when t == typeof(string) => true,
            _ when t == typeof(bool) => bool.TryParse(value, out _),
            _ when t == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when t == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ when t == typeof(double) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            _ when t == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            _ when t == typeof(Guid) => Guid.TryParse(value, out _),
            _ when t == typeof(DateTime) => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ when t == typeof(DateOnly) => DateOnly.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
    }
}
