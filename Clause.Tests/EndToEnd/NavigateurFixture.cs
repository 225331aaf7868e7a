using Clause.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clause.Tests.EndToEnd;

/// <summary>
/// The real app on Kestrel (127.0.0.1, free port) and the machine's Chromium driven by Playwright.
/// Chromium's path comes from CHROMIUM_PATH (default /usr/bin/chromium); test.sh installs it.
/// </summary>
public class NavigateurFixture : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contextes = [];
    private IPlaywright? _playwright;

    public NavigateurFixture() : this(new FabriqueClause()) { }

    protected NavigateurFixture(FabriqueClause app) => App = app;

    public FabriqueClause App { get; }

    public IBrowser Navigateur { get; private set; } = null!;

    public string Adresse { get; private set; } = string.Empty;

    /// <summary>Screenshots are kept as test artefacts in artifacts/captures at the repository root.</summary>
    public static string DossierCaptures { get; } = Path.Combine(Racine.Depot(), "artifacts", "captures");

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        Adresse = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Navigateur = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } chemin ? chemin : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(DossierCaptures);
    }

    /// <summary>A fresh browser page with French locale, watched by the accessibility barrier (<see cref="BarriereAxe"/>).</summary>
    public async Task<IPage> NouvellePageAsync(int largeur = 1280, int hauteur = 900, bool javaScript = true)
    {
        var contexte = await NouveauContexteAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = largeur, Height = hauteur },
            JavaScriptEnabled = javaScript,
        });
        return await contexte.NewPageAsync();
    }

    /// <summary>
    /// Every context of the browser tests comes from here: each document its pages load is analysed by axe-core
    /// (<see cref="BarriereAxe"/>) when <see cref="AllerAsync"/> or <see cref="NaviguerAsync"/> have loaded it, and at the end of the test.
    /// </summary>
    public async Task<IBrowserContext> NouveauContexteAsync(BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var contexte = await Navigateur.NewContextAsync(options);
        BarriereAxe.Surveiller(contexte, options.JavaScriptEnabled ?? true);
        lock (_contextes) _contextes.Add(contexte);
        return contexte;
    }

    /// <summary>
    /// The end of a test: analyses the document each page of this fixture's contexts is on, fails on any violation or on
    /// a document loaded and never analysed; these contexts are then no longer watched (the next test has its own).
    /// </summary>
    public async Task VerifierAccessibiliteAsync()
    {
        List<IBrowserContext> contextes;
        lock (_contextes)
        {
            contextes = [.. _contextes];
            _contextes.Clear();
        }
        try
        {
            await BarriereAxe.VerifierAsync(contextes);
        }
        finally
        {
            foreach (var contexte in contextes) BarriereAxe.Oublier(contexte);
        }
    }

    /// <summary>Opens <paramref name="adresse"/> (absolute, or relative to the app) and analyses the page loaded (<see cref="BarriereAxe"/>).</summary>
    public async Task AllerAsync(IPage page, string adresse)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(adresse);
        await page.GotoAsync(adresse.StartsWith('/') ? Adresse + adresse : adresse);
        await BarriereAxe.AnalyserAsync(page);
    }

    /// <summary>
    /// Signs in through the real form. The post is awaited as a navigation (<see cref="NaviguerAsync"/>), not by
    /// polling the address: a refused sign-in stays on the same address, and a URL wait then only times out.
    /// </summary>
    public async Task ConnecterAsync(IPage page, string email, string motDePasse = FabriqueClause.MotDePasse)
    {
        ArgumentNullException.ThrowIfNull(page);
        await AllerAsync(page, "/Compte/Connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(motDePasse);
        await NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync());
        if (page.Url.Contains("/Compte/Connexion", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"La connexion de {email} a été refusée : {await page.Locator("main").InnerTextAsync()}");
        // An account with a second factor (Administrateur, Direction): the code its app shows at the fake clock's time.
        if (page.Url.Contains("/Compte/DoubleFacteur", StringComparison.OrdinalIgnoreCase) && !page.Url.Contains("Inscription", StringComparison.OrdinalIgnoreCase))
        {
            await App.OublierDernierCodeAsync(email);
            await page.GetByLabel("Code à 6 chiffres").FillAsync(await App.CodeAuthentificateurAsync(email));
            await NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le code" }).ClickAsync());
            if (page.Url.Contains("/Compte/DoubleFacteur", StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"Le code de {email} a été refusé : {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>
    /// Chooses a record in a combobox (TagHelpers/ComboboxTagHelper, js/combobox.js) as a user would: types
    /// <paramref name="terme"/>, waits for the option named <paramref name="option"/> in its listbox, clicks it, and
    /// checks the field now shows it.
    /// </summary>
    public static async Task ChoisirAsync(ILocator combobox, string terme, string option)
    {
        ArgumentNullException.ThrowIfNull(combobox);
        await combobox.FillAsync(terme);
        var liste = combobox.Page.Locator("#" + await combobox.GetAttributeAsync("aria-controls"));
        await liste.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(combobox).ToHaveValueAsync(option);
    }

    /// <summary>Clicks a submit button and fails with the page's French error summary if the form was refused.</summary>
    public static async Task EnvoyerAsync(IPage page, string bouton)
    {
        ArgumentNullException.ThrowIfNull(page);
        await NaviguerAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = bouton, Exact = true }).ClickAsync());
        var resume = page.Locator("#resume-erreurs");
        if (await resume.CountAsync() > 0) Assert.Fail(await resume.InnerTextAsync());
    }

    /// <summary>
    /// Runs an action that navigates (a link followed, a form posted) and waits for the new document, then analyses it
    /// (<see cref="BarriereAxe"/>). A post here is always a navigation (redirect after success, or the same address with
    /// the errors), which only this Playwright call waits for reliably; its replacements wait for a URL change or a load
    /// state the old page already has.
    /// </summary>
    public static Task NaviguerAsync(IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        return NaviguerPuisVerifierAsync(page, action);
    }

    private static async Task NaviguerPuisVerifierAsync(IPage page, Func<Task> action)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612
        // The page the action led to (the same form with its errors, or the next page) passes axe-core.
        await BarriereAxe.AnalyserAsync(page);
    }

    public async Task DisposeAsync()
    {
        await VerifierAccessibiliteAsync();
        if (Navigateur is not null) await Navigateur.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The same, on the demo data (Development environment), as a facilitateur would first see Clause.</summary>
public sealed class NavigateurDemoFixture() : NavigateurFixture(new Web.FabriqueDeveloppement());

/// <summary>The browser journeys on test data share one app and one Chromium.</summary>
[CollectionDefinition(Nom)]
public sealed class CollectionNavigateur : ICollectionFixture<NavigateurFixture>
{
    public const string Nom = "Navigateur";
}
