using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// The accessibility barrier of the browser tests: axe-core analyses every document a test's page loads (each
/// navigation, each form post — a form refused with its errors too), and any violation fails the test.
/// The analysis is run by the test's own flow, never beside it: <see cref="NavigateurFixture.AllerAsync"/> and
/// <see cref="NavigateurFixture.NaviguerAsync"/> (so <c>EnvoyerAsync</c>, <c>ConnecterAsync</c>) wait for the new document's
/// load, analyse it, and only then give the page back; the end of every test (<see cref="ParcoursNavigateur{TFixture}"/>)
/// analyses the document each page is on. No analysis ever runs while a navigation is pending: Chromium runs no script in
/// a page whose next document is on its way (the former design analysed on the Load event and held the next navigation
/// with a route until the analysis ended — whenever the test started that navigation before the analysis's last
/// evaluation, the two waited for each other; see docs/architecture.md).
/// A document is analysed once (a mark in the document itself); each Load of a watched page is counted, and the end of
/// a test fails if a page loaded a document that was never analysed (a navigation made without the fixture's helpers).
/// A context without JavaScript is not analysed: axe-core runs as a script in the page, and Chromium then runs none.
/// </summary>
public static class BarriereAxe
{
    /// <summary>
    /// An analysis that has not returned by then fails the test. Nothing waits on it any more (no held navigation, no
    /// Playwright action timeout), so the limit only has to tell a blocked analysis from a slow one: on the shared 2-core
    /// machine, load average between 35 and 68, 444 analyses (4 runs) took 380 to 490 ms on average and 2.1 s at most;
    /// 60 s is about thirty times the longest (docs/architecture.md).
    /// </summary>
    public static readonly TimeSpan Limite = TimeSpan.FromSeconds(60);

    /// <summary>
    /// WCAG 2.0, 2.1 and 2.2, levels A and AA (the RGAA's criteria), and axe's best practices; only the violations are
    /// detailed (the passes are not serialised back), and the app has no frames to descend into.
    /// </summary>
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    /// <summary>Set in a document once analysed: the same document is never analysed twice.</summary>
    private const string Marque = "__clauseAxeAnalyse";

    private static readonly ConcurrentDictionary<IBrowserContext, Suivi> Suivis = new();

    private static readonly Lock VerrouTrace = new();

    /// <summary>Watches <paramref name="contexte"/>: each document its pages load must be analysed (nothing when it runs no JavaScript).</summary>
    public static void Surveiller(IBrowserContext contexte, bool javaScript)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        if (!javaScript) return;
        var suivi = Suivis.GetOrAdd(contexte, _ => new Suivi());
        contexte.Page += (_, page) => page.Load += (_, chargee) => suivi.Charge(chargee.Url);
    }

    /// <summary>
    /// Waits for the load of the document <paramref name="page"/> is on, analyses it (once per document) and fails on any
    /// violation, or when the analysis has not returned within <paramref name="limite"/> (<see cref="Limite"/> by default).
    /// </summary>
    public static async Task AnalyserAsync(IPage page, TimeSpan? limite = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.IsClosed || !Suivis.TryGetValue(page.Context, out var suivi)) return;
        var adresse = page.Url;
        var delai = limite ?? Limite;
        var chrono = Stopwatch.StartNew();
        AxeResult? resultat;
        try
        {
            resultat = await AnalyserDocumentAsync(page).WaitAsync(delai);
        }
        catch (TimeoutException)
        {
            Tracer(adresse, chrono, "limite dépassée");
            Assert.Fail($"BarriereAxe : l'analyse axe-core de {adresse} n'a pas abouti en {delai.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (limite {nameof(BarriereAxe)}.{nameof(Limite)}) : la page n'est pas vérifiée.");
            return;
        }
        catch (PlaywrightException ex)
        {
            Tracer(adresse, chrono, "erreur");
            Assert.Fail($"BarriereAxe : l'analyse axe-core de {adresse} n'a pas pu s'exécuter après {chrono.ElapsedMilliseconds} ms ({ex.Message.Split('\n')[0]}).");
            return;
        }
        if (resultat is null) return;
        Tracer(adresse, chrono, "analysée");
        suivi.Analyse(adresse);
        if (resultat.Violations.Length == 0) return;
        var texte = new StringBuilder("axe-core a trouvé des violations d'accessibilité :" + Environment.NewLine);
        foreach (var v in resultat.Violations)
        {
            texte.Append(CultureInfo.InvariantCulture, $"- {adresse} : [{v.Impact}] {v.Id} — {v.Help} ({v.HelpUrl}){Environment.NewLine}");
            foreach (var noeud in v.Nodes.Take(5))
                texte.Append(CultureInfo.InvariantCulture, $"    {noeud.Target} : {noeud.Html}{Environment.NewLine}");
        }
        Assert.Fail(texte.ToString());
    }

    /// <summary>
    /// The end of a test: analyses the document each open page of <paramref name="contextes"/> is on, then fails if a
    /// page loaded a document that was never analysed.
    /// </summary>
    public static async Task VerifierAsync(IEnumerable<IBrowserContext> contextes)
    {
        ArgumentNullException.ThrowIfNull(contextes);
        var liste = contextes.ToList();
        foreach (var contexte in liste)
            foreach (var page in contexte.Pages)
                await AnalyserAsync(page);
        var oubliees = new StringBuilder();
        foreach (var contexte in liste)
            if (Suivis.TryGetValue(contexte, out var suivi))
                foreach (var adresse in suivi.NonAnalysees())
                    oubliees.Append(CultureInfo.InvariantCulture, $"- {adresse}{Environment.NewLine}");
        if (oubliees.Length > 0)
            Assert.Fail("BarriereAxe : des pages chargées n'ont pas été analysées par axe-core (naviguer par NavigateurFixture.AllerAsync ou NaviguerAsync, qui analysent la page chargée) :" + Environment.NewLine + oubliees);
    }

    /// <summary>The contexts of a finished test are no longer watched.</summary>
    public static void Oublier(IBrowserContext contexte) => Suivis.TryRemove(contexte, out _);

    /// <summary>Null when the document had already been analysed, or is not the app's (the blank page a new tab opens on).</summary>
    private static async Task<AxeResult?> AnalyserDocumentAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (!page.Url.StartsWith("http", StringComparison.Ordinal)) return null;
        if (await page.EvaluateAsync<bool>($"() => window.{Marque} === true")) return null;
#pragma warning disable CS0618 // Legacy mode: one axe.run in the page; the default opens a new browser context per analysis to merge frame results, and the app has no frame.
        var resultat = await page.RunAxeLegacy(options: Options);
#pragma warning restore CS0618
        await page.EvaluateAsync($"() => {{ window.{Marque} = true; }}");
        return resultat;
    }

    /// <summary>With CLAUSE_AXE_TRACE set to a file, each analysis appends its address, duration and outcome (to measure the barrier).</summary>
    private static void Tracer(string adresse, Stopwatch chrono, string issue)
    {
        if (Environment.GetEnvironmentVariable("CLAUSE_AXE_TRACE") is not { Length: > 0 } fichier) return;
        var charge = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        lock (VerrouTrace) File.AppendAllText(fichier, $"{DateTime.UtcNow:HH:mm:ss.fff}\t{charge}\t{chrono.ElapsedMilliseconds}\t{issue}\t{adresse}{Environment.NewLine}");
    }

    private sealed class Suivi
    {
        private readonly Lock _verrou = new();
        private readonly List<string> _chargees = [];
        private readonly List<string> _analysees = [];

        public void Charge(string adresse)
        {
            if (!adresse.StartsWith("http", StringComparison.Ordinal)) return;
            lock (_verrou) _chargees.Add(SansFragment(adresse));
        }

        public void Analyse(string adresse)
        {
            lock (_verrou) _analysees.Add(SansFragment(adresse));
        }

        /// <summary>The loads not matched by an analysis of the same address (order aside: a Load event may be dispatched after the analysis of its document).</summary>
        public List<string> NonAnalysees()
        {
            lock (_verrou)
            {
                var restantes = _analysees.ToList();
                var oubliees = new List<string>();
                foreach (var adresse in _chargees)
                    if (!restantes.Remove(adresse)) oubliees.Add(adresse);
                return oubliees;
            }
        }

        private static string SansFragment(string adresse) => adresse.Split('#')[0];
    }
}

/// <summary>
/// Base of every browser test class: at the end of each test, the accessibility barrier (<see cref="BarriereAxe"/>)
/// analyses the document each page is on and fails on any violation, or on a page loaded and never analysed.
/// </summary>
public abstract class ParcoursNavigateur<TFixture>(TFixture fixture) : IAsyncLifetime
    where TFixture : NavigateurFixture
{
    protected TFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Fixture.VerifierAccessibiliteAsync();
}
