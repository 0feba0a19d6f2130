using System.Reflection;
using NetArchTest.Rules;
using OpenIsms.Core.Data;

namespace OpenIsms.UnitTests.Architecture;

/// <summary>
/// The rules that let an area be a folder: Core sees no web; pages and endpoints reach data only through Core's use
/// cases; an area uses another only through that area's queries (never its commands); areas form no cycle.
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(OpenIsmsDbContext).Assembly;
    private static readonly Assembly Web = typeof(OpenIsms.Web.Infrastructure.IEndpointGroup).Assembly;

    private static IReadOnlyList<string> CoreAreas { get; } = Core.GetTypes()
        .Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("OpenIsms.Core.", StringComparison.Ordinal))
        .Select(n => string.Join('.', n.Split('.').Take(3))).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Under(string ns) => "^" + System.Text.RegularExpressions.Regex.Escape(ns) + @"(\.|$)";

    private static string Area(Type t) => string.Join('.', (t.Namespace ?? "").Split('.').Take(3));

    private static IEnumerable<string> Failing(TestResult result) => result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName);

    [Fact]
    public void Core_UsesNothingOfTheWeb()
    {
        var result = Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("OpenIsms.Web", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Routing")
            .GetResult();

        Failing(result).ShouldBeEmpty();
    }

    [Fact]
    public void PagesAndEndpoints_NeverTouchTheDbContext()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespaceMatching(@"^OpenIsms\.Web\.(Features|Api|Components)(\.|$)")
            .ShouldNot().HaveDependencyOnAny(typeof(OpenIsmsDbContext).FullName!, "Microsoft.EntityFrameworkCore.DbContext", "Microsoft.EntityFrameworkCore.DbSet`1")
            .GetResult();

        Failing(result).ShouldBeEmpty();
    }

    [Fact]
    public void Areas_UseOtherAreasOnlyThroughTheirQueries()
    {
        // A use case is a public class with Handle; the queries are the Get…/List…/Export… ones. An area may read another
        // area's entities and call its queries, but a change to another area's records goes through the page or API that
        // calls that area's own command.
        string[] queries = ["Get", "List", "Export", "Describe", "Verify", "Compare"];
        var commands = Core.GetTypes()
            .Where(t => t is { IsClass: true, IsPublic: true } && t.GetMethods().Any(m => m.Name == "Handle" && m.DeclaringType == t))
            .Where(t => !queries.Any(q => t.Name.StartsWith(q, StringComparison.Ordinal)))
            .ToList();
        // A handler is used by being injected (or handed over); building another area's command object — the importer
        // filling SaveRisk.Command so that the risk's own rules apply — is not using that area's internals.
        var violations = new List<string>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in Core.GetTypes().Where(t => !Area(t).EndsWith(".Setup", StringComparison.Ordinal)))
        {
            var used = type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Concat(type.GetFields(all).Select(f => f.FieldType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType));
            violations.AddRange(used.Distinct().Where(u => commands.Contains(u) && Area(u) != Area(type)).Select(u => $"{type.FullName} uses {u.FullName}"));
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Areas_FormNoCycle()
    {
        var uses = CoreAreas.ToDictionary(a => a, a => CoreAreas.Where(b => b != a && !Types.InAssembly(Core).That().ResideInNamespaceMatching(Under(a))
            .ShouldNot().HaveDependencyOnAny(b).GetResult().IsSuccessful).ToList());
        uses["OpenIsms.Core.Soa"].ShouldContain("OpenIsms.Core.Risks", "the graph sees real uses: the SoA lists the risks that plan on a control");

        var cycles = StronglyConnected(uses).Where(c => c.Count > 1)
            .Select(c => string.Join(" <-> ", c.Select(a => a["OpenIsms.Core.".Length..]).Order(StringComparer.Ordinal))).ToList();

        // Data is the floor every area stands on (the context, the person, the log's writer); Users offers the owner
        // look-ups below the registers; what reads across registers (Ownership, Readiness, Setup, Imports) sits above them.
        cycles.ShouldBeEmpty("areas that reach each other: one of them must offer a query the other calls, or move up");
    }

    [Fact]
    public void No_positional_record_takes_more_than_four_parameters()
    {
        // Two neighbouring values of one type swap silently in a positional call; past four, a record names its
        // properties and is built with an object initialiser. A record class has the compiler's <Clone>$; a record
        // struct its generated PrintMembers.
        static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null
            || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, [typeof(System.Text.StringBuilder)])
                ?.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false) == true);
        // The project's own records: a source generator's (the OpenAPI comments') are not ours to change.
        var records = Core.GetTypes().Concat(Web.GetTypes())
            .Where(t => t.Namespace?.StartsWith("OpenIsms.", StringComparison.Ordinal) == true && IsRecord(t)).ToList();
        records.ShouldContain(typeof(OpenIsms.Core.Risks.RiskLevel), "the records are found");

        var positional = records.Where(t => t.GetConstructors().Any(c => c.GetParameters().Length > 4))
            .Select(t => t.FullName!.Replace('+', '.')).ToList();

        positional.ShouldBeEmpty("a positional record with more than four parameters: give it named properties");
    }

    // Tarjan's algorithm: the groups of areas that reach each other.
    private static List<List<string>> StronglyConnected(Dictionary<string, List<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in uses[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    group.Add(w);
                }
                while (w != v);
                result.Add(group);
            }
        }

        foreach (var v in uses.Keys.Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return result;
    }
}
