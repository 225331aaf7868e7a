using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Tests.Support;
using Clause.Web.TagHelpers;

namespace Clause.Tests.Web;

/// <summary>
/// The button hierarchy of the design system (docs/design.md), checked on a rendered page: a form has at most one primary
/// button (<c>.bouton</c> without a modifier), and a button that rejects, deletes, withdraws, revokes, refuses or
/// deactivates carries <c>.bouton-danger</c>. <see cref="AccessibiliteTests"/> runs it on every page of its walk.
/// </summary>
public static partial class HierarchieBoutons
{
    private static readonly string[] Modificateurs = ["bouton-secondaire", "bouton-danger", "bouton-lien", "sr-only"];

    /// <summary>The words of a destructive or negative action: its button is a danger one.</summary>
    [GeneratedRegex(@"\b(rejeter|supprimer|retirer|révoquer|refuser|désactiver)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ActionDanger();

    public static bool EstPrimaire(IElement bouton)
    {
        ArgumentNullException.ThrowIfNull(bouton);
        return bouton.ClassList.Contains("bouton") && !Modificateurs.Any(bouton.ClassList.Contains);
    }

    public static IEnumerable<string> Defauts(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var boutons = document.QuerySelectorAll("button, input[type=submit]");
        foreach (var bouton in boutons)
        {
            var texte = bouton is IHtmlInputElement champ ? champ.Value : bouton.TextContent;
            if (ActionDanger().IsMatch(texte) && !bouton.ClassList.Contains("bouton-danger"))
                yield return $"bouton « {Normaliser(texte)} » sans la classe bouton-danger";
        }
        foreach (var formulaire in document.QuerySelectorAll("form"))
        {
            var primaires = formulaire.QuerySelectorAll("button, input[type=submit]").Where(EstPrimaire).ToList();
            if (primaires.Count > 1)
                yield return $"{primaires.Count} boutons primaires dans un formulaire : {string.Join(", ", primaires.Select(b => "« " + Normaliser(b.TextContent) + " »"))}";
        }
    }

    private static string Normaliser(string texte) => string.Join(' ', texte.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>
/// The design system's rules that hold without a browser (docs/design.md): the contrast of the colours written in
/// wwwroot/css/clause.css (WCAG 2 ratio ≥ 4.5:1 for text), the danger class on every destructive button written in a page,
/// the button hierarchy check itself, and a badge for every value of every domain status.
/// </summary>
public partial class SystemeDeDesignTests
{
    private const double ContrasteMin = 4.5;

    private static readonly string Feuille = File.ReadAllText(Path.Combine(Racine.Depot(), "Clause.Web", "wwwroot", "css", "clause.css"));

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#000091", "#ffffff", 14.91)]
    public void Le_rapport_de_contraste_est_celui_des_WCAG(string texte, string fond, double attendu) =>
        Assert.Equal(attendu, Contraste(Couleur(texte), Couleur(fond)), 2);

    /// <summary>
    /// Every rule that declares a text colour and a background together, and every text colour declared alone, read on the
    /// system's two page backgrounds (white and <c>--fond</c>). White text is only ever written with its background.
    /// </summary>
    [Fact]
    public void Chaque_couleur_de_texte_de_la_feuille_a_un_contraste_d_au_moins_4_5_sur_son_fond()
    {
        var variables = Variables();
        var fondsDePage = new[] { ("#fff", Couleur("#fff")), ("var(--fond)", Resoudre("var(--fond)", variables)!.Value) };
        var defauts = new List<string>();
        var paires = 0;
        foreach (var (selecteur, corps) in Regles())
        {
            var texte = Declaration(corps, @"(?<![-\w])color");
            if (texte is null || Resoudre(texte, variables) is not { } couleurTexte) continue;
            var fond = Declaration(corps, @"(?<![-\w])background(?:-color)?");
            var couleurFond = fond is null ? null : Resoudre(fond.Split(' ')[0], variables);
            if (couleurFond is { } f)
            {
                paires++;
                var rapport = Contraste(couleurTexte, f);
                if (rapport < ContrasteMin) defauts.Add($"{selecteur} : {texte} sur {fond} = {rapport:0.00}:1");
            }
            else if (fond is null && !texte.Equals("#fff", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var (nom, page) in fondsDePage)
                {
                    paires++;
                    var rapport = Contraste(couleurTexte, page);
                    if (rapport < ContrasteMin) defauts.Add($"{selecteur} : {texte} sur {nom} = {rapport:0.00}:1");
                }
            }
        }
        Assert.True(paires >= 30, $"Trop peu de paires texte/fond lues dans la feuille ({paires}).");
        Assert.True(defauts.Count == 0, string.Join(Environment.NewLine, defauts));
    }

    /// <summary>The badges' and buttons' pairs by name, so that removing one from the sheet fails here and not silently.</summary>
    [Theory]
    [InlineData(".badge-neutre")]
    [InlineData(".badge-info")]
    [InlineData(".badge-succes")]
    [InlineData(".badge-attention")]
    [InlineData(".badge-erreur")]
    [InlineData(".bouton-secondaire")]
    [InlineData(".bouton-danger")]
    [InlineData(".bouton-danger:hover")]
    [InlineData(".bouton:hover")]
    public void Les_composants_du_systeme_declarent_leur_paire_texte_fond(string selecteur)
    {
        var variables = Variables();
        var (_, corps) = Regles().Single(r => r.Selecteur == selecteur);
        var texte = Resoudre(Declaration(corps, @"(?<![-\w])color") ?? string.Empty, variables);
        var fond = Resoudre(Declaration(corps, @"(?<![-\w])background(?:-color)?") ?? string.Empty, variables);
        Assert.NotNull(texte);
        Assert.NotNull(fond);
        Assert.True(Contraste(texte.Value, fond.Value) >= ContrasteMin, $"{selecteur} : {Contraste(texte.Value, fond.Value):0.00}:1");
    }

    /// <summary>
    /// Every page file (rendered or not by the accessibility walk): a button whose written text rejects, deletes, withdraws,
    /// revokes, refuses or deactivates has the danger class (a class computed in the page, « @classe », is left to the walk).
    /// </summary>
    [Fact]
    public void Dans_chaque_page_un_bouton_destructeur_porte_la_classe_danger()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Racine.Depot(), "Clause.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        var defauts = new List<string>();
        var destructeurs = 0;
        foreach (var page in pages)
        {
            foreach (Match bouton in BoutonSource().Matches(File.ReadAllText(page)))
            {
                var texte = Regex.Replace(bouton.Groups["texte"].Value, "<[^>]+>", " ");
                var classe = Regex.Match(bouton.Groups["attributs"].Value, "class=\"([^\"]*)\"").Groups[1].Value;
                if (!HierarchieBoutons.ActionDanger().IsMatch(texte) || classe.StartsWith('@')) continue;
                destructeurs++;
                if (!classe.Split(' ').Contains("bouton-danger"))
                    defauts.Add($"{Path.GetRelativePath(Racine.Depot(), page)} : « {texte.Trim()} » (class=\"{classe}\")");
            }
        }
        Assert.True(destructeurs >= 10, $"Trop peu de boutons destructeurs trouvés ({destructeurs}).");
        Assert.True(defauts.Count == 0, string.Join(Environment.NewLine, defauts));
    }

    [Fact]
    public void La_verification_de_la_hierarchie_signale_deux_primaires_et_un_rejet_sans_danger()
    {
        var mauvais = new HtmlParser().ParseDocument("""
            <form><button class="bouton">Valider</button><button class="bouton">Rejeter<span class="sr-only"> les heures</span></button></form>
            <form><button class="bouton-lien">Retirer</button><input type="submit" class="bouton bouton-secondaire" value="Supprimer la pièce" /></form>
            """);
        var bon = new HtmlParser().ParseDocument("""
            <form><button class="bouton">Valider</button><button class="bouton bouton-danger">Rejeter</button><button class="sr-only">Valider</button></form>
            <form><button class="bouton-lien bouton-danger">Retirer</button><button class="bouton bouton-secondaire">Ajouter un lot</button><button class="bouton">Enregistrer</button></form>
            """);

        var defauts = HierarchieBoutons.Defauts(mauvais).ToList();

        Assert.Equal(4, defauts.Count);
        Assert.Contains("bouton « Rejeter les heures » sans la classe bouton-danger", defauts);
        Assert.Contains("2 boutons primaires dans un formulaire : « Valider », « Rejeter les heures »", defauts);
        Assert.Empty(HierarchieBoutons.Defauts(bon));
    }

    /// <summary>Every value of every status shown as a badge has its written label and a tone whose class the sheet declares.</summary>
    [Fact]
    public void Chaque_statut_de_domaine_a_un_badge_dont_la_feuille_declare_la_classe()
    {
        var statuts = Enum.GetValues<StatutLot>().Cast<Enum>()
            .Concat(Enum.GetValues<StatutContrat>().Cast<Enum>())
            .Concat(Enum.GetValues<StatutDeclaration>().Cast<Enum>())
            .Concat(Enum.GetValues<StatutOperation>().Cast<Enum>())
            .Concat(Enum.GetValues<StatutProposition>().Cast<Enum>())
            .Concat(Enum.GetValues<StatutSoumission>().Cast<Enum>());
        var selecteurs = Regles().Select(r => r.Selecteur).ToHashSet(StringComparer.Ordinal);
        foreach (var statut in statuts)
        {
            var (texte, ton) = BadgesStatut.Badge(statut);
            Assert.Equal(statut.GetType().GetField(statut.ToString())!.GetCustomAttribute<LibelleAttribute>()!.Texte, texte);
            var classe = BadgesStatut.Classe(ton).Split(' ')[1];
            Assert.Contains("." + classe, selecteurs);
        }
        Assert.Equal(TonBadge.Succes, BadgesStatut.Badge(StatutDeclaration.Validee).Ton);
        Assert.Equal(TonBadge.Erreur, BadgesStatut.Badge(StatutContrat.Refuse).Ton);
    }

    [GeneratedRegex("<button(?<attributs>[^>]*)>(?<texte>.*?)</button>", RegexOptions.Singleline)]
    private static partial Regex BoutonSource();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex Regle();

    /// <summary>The sheet's innermost rules (those inside @media included), comments removed.</summary>
    private static List<(string Selecteur, string Corps)> Regles()
    {
        var sansCommentaires = Regex.Replace(Feuille, @"/\*.*?\*/", string.Empty, RegexOptions.Singleline);
        return Regle().Matches(sansCommentaires).Select(m => (Regex.Replace(m.Groups[1].Value.Trim(), @"\s+", " "), m.Groups[2].Value)).ToList();
    }

    private static Dictionary<string, string> Variables()
    {
        var (_, racine) = Regles().Single(r => r.Selecteur == ":root");
        return Regex.Matches(racine, @"(--[\w-]+)\s*:\s*([^;]+);").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
    }

    private static string? Declaration(string corps, string propriete) =>
        Regex.Match(corps, propriete + @"\s*:\s*([^;]+)") is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    /// <summary>A hex colour, directly or through a custom property; null for anything else (none, a gradient, inherit).</summary>
    private static (double R, double G, double B)? Resoudre(string valeur, Dictionary<string, string> variables)
    {
        var v = valeur.Trim();
        if (Regex.Match(v, @"^var\((--[\w-]+)\)$") is { Success: true } m)
            return variables.TryGetValue(m.Groups[1].Value, out var defini) ? Resoudre(defini, variables) : null;
        return Regex.IsMatch(v, "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$") ? Couleur(v) : null;
    }

    private static (double R, double G, double B) Couleur(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3) h = string.Concat(h.Select(c => $"{c}{c}"));
        double Canal(int i) => int.Parse(h.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return (Canal(0), Canal(2), Canal(4));
    }

    /// <summary>WCAG 2 relative luminance and contrast ratio: (L1 + 0.05) / (L2 + 0.05), the lighter over the darker.</summary>
    private static double Contraste((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Lineaire(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        static double Luminance((double R, double G, double B) c) => 0.2126 * Lineaire(c.R) + 0.7152 * Lineaire(c.G) + 0.0722 * Lineaire(c.B);
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
