using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clause.Web.TagHelpers;

/// <summary>
/// <c>&lt;th tri="cle"&gt;&lt;/th&gt;</c> on a <see cref="PageListe"/>: a sortable column header. One link (keyboard
/// and screen reader reachable) that keeps the filters and toggles the direction, <c>aria-sort</c> on the sorted
/// column only, the direction also as text (sr-only) and as a symbol (not colour). The label is the whitelist's.
/// </summary>
[HtmlTargetElement("th", Attributes = "tri")]
public sealed class EnTeteTriTagHelper : TagHelper
{
    [HtmlAttributeName("tri")]
    public string Cle { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var liste = ListeCourante.De(ViewContext);
        var tri = liste.TriApplique ?? throw new InvalidOperationException("La liste n'a pas été triée par PageListe.ListerAsync avec ses colonnes.");
        var libelle = tri.Libelle(Cle);
        var active = tri.Effectif == Cle;
        var prochainDecroissant = active && !tri.Decroissant;
        var aide = $"trier par {libelle.ToLower(Affichage.Fr)}, ordre {(prochainDecroissant ? "décroissant" : "croissant")}";
        output.Attributes.SetAttribute("scope", "col");
        if (active) output.Attributes.SetAttribute("aria-sort", tri.Decroissant ? "descending" : "ascending");

        var lien = new TagBuilder("a");
        lien.Attributes["href"] = liste.Lien(tri: Cle, ordre: prochainDecroissant ? "desc" : "asc");
        lien.InnerHtml.Append(libelle);
        var symbole = new TagBuilder("span");
        symbole.Attributes["aria-hidden"] = "true";
        symbole.InnerHtml.Append(active ? (tri.Decroissant ? " ▼" : " ▲") : string.Empty);
        lien.InnerHtml.AppendHtml(symbole);
        var texte = new TagBuilder("span");
        texte.AddCssClass("sr-only");
        texte.InnerHtml.Append(active
            ? $" (trié par ordre {(tri.Decroissant ? "décroissant" : "croissant")}, activer pour {aide})"
            : $" ({aide})");
        lien.InnerHtml.AppendHtml(texte);
        output.Content.SetHtmlContent(lien);
    }
}

/// <summary>
/// <c>&lt;pagination /&gt;</c> on a <see cref="PageListe"/>: previous / « Page n sur N » / next, links keeping the
/// filters and the sort; nothing when the list fits on one page.
/// </summary>
[HtmlTargetElement("pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var liste = ListeCourante.De(ViewContext);
        var (numero, nombrePages, _) = liste.PageAffichee;
        if (nombrePages <= 1)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "pagination");
        output.Attributes.SetAttribute("aria-label", "Pagination");
        var ul = new TagBuilder("ul");
        if (numero > 1) ul.InnerHtml.AppendHtml(Element(Lien(liste.Lien(numero: numero - 1), "prev", "‹ Page précédente")));
        var courante = new TagBuilder("span");
        courante.Attributes["aria-current"] = "page";
        courante.InnerHtml.Append($"Page {numero} sur {nombrePages}");
        ul.InnerHtml.AppendHtml(Element(courante));
        if (numero < nombrePages) ul.InnerHtml.AppendHtml(Element(Lien(liste.Lien(numero: numero + 1), "next", "Page suivante ›")));
        output.Content.SetHtmlContent(ul);
    }

    private static TagBuilder Lien(string adresse, string rel, string texte)
    {
        var a = new TagBuilder("a");
        a.Attributes["href"] = adresse;
        a.Attributes["rel"] = rel;
        a.InnerHtml.Append(texte);
        return a;
    }

    private static TagBuilder Element(TagBuilder contenu)
    {
        var li = new TagBuilder("li");
        li.InnerHtml.AppendHtml(contenu);
        return li;
    }
}

internal static class ListeCourante
{
    public static PageListe De(ViewContext contexte) =>
        contexte.ViewData.Model as PageListe
        ?? throw new InvalidOperationException("Les en-têtes triables et la pagination ne servent que sur une page dérivée de PageListe.");
}
