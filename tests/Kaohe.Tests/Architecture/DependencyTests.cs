using NetArchTest.Rules;

namespace Kaohe.Tests.Architecture;

/// <summary>
/// The directions the library's folders may depend in (issue 18 §4): shared kernels below features, features not in
/// a cycle with each other beyond the directions listed, with why, in <see cref="AllowedBetweenAreas"/>. Each failure
/// lists the offending types and what they depend on.
/// </summary>
public sealed class DependencyTests
{
    private static readonly System.Reflection.Assembly Library = typeof(KaoheServices).Assembly;
    private static readonly Types Assembly = Types.InAssembly(Library);

    [Theory]
    [InlineData("Kaohe.Common", new[] { "Kaohe.Domain", "Kaohe.Data", "Kaohe.Documents", "Kaohe.Features" })]
    [InlineData("Kaohe.Domain", new[] { "Kaohe.Data", "Kaohe.Documents", "Kaohe.Features" })]
    [InlineData("Kaohe.Data", new[] { "Kaohe.Features" })]
    [InlineData("Kaohe.Documents", new[] { "Kaohe.Features" })]
    [InlineData("Kaohe", new[] { "Kaohe.Web", "Kaohe.Cli" })]
    public void AFolder_DependsOnNothingAboveIt(string folder, string[] above)
    {
        var offenders = Offenders(folder, above);
        Assert.True(offenders.Count == 0, $"{folder} should not depend on {string.Join(", ", above)}:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheLibrary_ReferencesNeitherHost()
    {
        var references = Library.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Kaohe.Web", references);
        Assert.DoesNotContain("Kaohe.Cli", references);
    }

    /// <summary>
    /// Which feature area may use which, and why. Anything else between two areas fails
    /// <see cref="TheFeatureAreas_DependOnEachOtherOnlyAsAllowed"/>. The areas below everyone: Units (the registry), Accounts, Audit (every write is audited, through
    /// <c>Data.AuditTrail</c>). The plug-in points, where a lower area defines an interface that a higher one implements:
    /// Desk (an area puts work on the home page: <c>IDeskSource</c>), Demo (its part of the demo data: <c>IDemoStep</c>)
    /// Audit (records outside the chain that the chain's check covers: <c>IAuditedTrail</c>) and Ledger (work in a
    /// 还款计划 import's transaction: <c>ILedgerImportHook</c>; indicators next to its own: <c>ILedgerIndicatorSource</c>).
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> AllowedBetweenAreas = new()
    {
        [("Assessment", "Audit")] = "the seal records the digest of the sealed data in the chain (SealedData)",
        [("Assessment", "Demo")] = "its demo step; the demo scheme is loaded by ImportScheme",
        [("Assessment", "Desk")] = "its desk source",
        [("Assessment", "Ledger")] = "indicators scored from the ledger's figures",
        [("Collection", "Audit")] = "case changes are audited; catalogue names come from the one enum-name table; its contact trail is an IAuditedTrail",
        [("Collection", "Demo")] = "its demo step",
        [("Collection", "Desk")] = "its desk source",
        [("Bulletin", "Collection")] = "section 六 of the bulletin is the collection work per unit (CollectionOverview)",
        [("Bulletin", "Ledger")] = "the bulletin prints the ledger's figures",
        [("Collection", "Ledger")] = "a case is a borrower of the ledger: contracts, phones (decrypted), masking; CaseSync is an ILedgerImportHook, CollectionIndicators an ILedgerIndicatorSource",
        [("Demo", "Accounts")] = "the demo accounts are made through ManageUsers",
        [("Demo", "Units")] = "the demo registry is imported through ImportUnits",
        [("Ledger", "Audit")] = "its snapshots' rows are checked against their imports' digests for `audit verify --data` (CheckLedgerRows is an IAuditedBulkData)",
        [("Ledger", "Demo")] = "its demo step",
        [("Ledger", "Desk")] = "its desk source",
        [("Notices", "Audit")] = "a notice, the export and an imported year are held to the seal's digest (SealedData)",
        [("Notices", "Demo")] = "its demo step",
    };

    /// <summary>
    /// The directions of <see cref="AllowedBetweenAreas"/> that close a cycle, each to be broken; without them the areas
    /// form layers. A new cycle must be added here on purpose.
    /// </summary>
    private static readonly (string From, string To)[] CycleClosing = [];

    [Fact]
    public void TheFeatureAreas_DependOnEachOtherOnlyAsAllowed()
    {
        var offenders = new List<string>();
        foreach (var from in Areas())
        {
            var others = Areas().Where(a => a != from && !AllowedBetweenAreas.ContainsKey((from, a))).ToArray();
            offenders.AddRange(Offenders("Kaohe.Features." + from, others.Select(a => "Kaohe.Features." + a).ToArray()));
        }
        Assert.True(offenders.Count == 0, "Dependencies between feature areas not in DependencyTests.AllowedBetweenAreas:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheAllowedDirections_FormLayers_ButForTheListedCycles()
    {
        var layered = AllowedBetweenAreas.Keys.Except(CycleClosing).ToList();
        Assert.True(CycleIn(layered) is not { } cycle, $"The allowed directions have a cycle not in CycleClosing: {CycleIn(layered)}");
        foreach (var (from, to) in CycleClosing)
            Assert.True(AllowedBetweenAreas.ContainsKey((from, to)) && Reaches(layered, to, from), $"{from} → {to} closes no cycle: move it out of CycleClosing");
    }

    [Fact]
    public void EveryAllowedDirection_IsStillUsed()
    {
        var unused = AllowedBetweenAreas.Keys.Where(k => Offenders("Kaohe.Features." + k.From, ["Kaohe.Features." + k.To]).Count == 0)
            .Select(k => $"{k.From} → {k.To}").ToList();
        Assert.True(unused.Count == 0, "No longer used, so remove from AllowedBetweenAreas (and KnownCycles):\n" + string.Join("\n", unused));
    }

    private static List<string> Areas() =>
        Library.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("Kaohe.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>"Type → what it uses", one line per type of <paramref name="folder"/> that depends on any of <paramref name="forbidden"/>.</summary>
    private static List<string> Offenders(string folder, string[] forbidden)
    {
        if (forbidden.Length == 0) return [];
        var result = Assembly.That().ResideInNamespace(folder).Should().NotHaveDependencyOnAny(forbidden).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => $"  {t.FullName} → {t.Explanation}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One cycle of the directed graph, as "A → B → … → A", or null when it has none.</summary>
    private static string? CycleIn(IReadOnlyList<(string From, string To)> edges)
    {
        var next = edges.ToLookup(e => e.From, e => e.To);
        var done = new HashSet<string>();
        string? Walk(List<string> path)
        {
            foreach (var to in next[path[^1]])
            {
                if (path.Contains(to)) return string.Join(" → ", path.SkipWhile(a => a != to).Append(to));
                if (done.Contains(to)) continue;
                if (Walk([.. path, to]) is { } cycle) return cycle;
            }
            done.Add(path[^1]);
            return null;
        }
        return next.Select(g => g.Key).Select(start => Walk([start])).FirstOrDefault(c => c is not null);
    }

    private static bool Reaches(IReadOnlyList<(string From, string To)> edges, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var at))
            foreach (var e in edges.Where(e => e.From == at && seen.Add(e.To)))
                if (e.To == to) return true; else queue.Enqueue(e.To);
        return false;
    }
}
