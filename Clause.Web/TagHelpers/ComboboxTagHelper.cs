using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Recherche;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clause.Web.TagHelpers;

/// <summary>
/// <c>&lt;combobox asp-for="Saisie.LotId" source="Recherches.Lots" /&gt;</c> (a form) or
/// <c>&lt;combobox nom="lot" valeur="@Model.LotId" source="Recherches.Lots" /&gt;</c> (a list filter): a field that
/// chooses one record of the structure without listing them all in the page (issue 17 item 5).
/// <para>Without JavaScript it is a plain text field (id = the field's id, so the page's <c>&lt;label for&gt;</c> and the
/// error summary's link reach it), the hidden id that the form posts, and a « Chercher » button that sends the whole form
/// by GET to the source's search page (<see cref="PageRecherche"/>), which lists the matches and goes back with the
/// chosen id and the form's other values. With JavaScript, <c>wwwroot/js/combobox.js</c> turns the text field into an
/// ARIA 1.2 combobox fed by the page's JSON (the button and the text's name are removed: only the id is posted).</para>
/// The selected record's name is read here, by its id, through the same source (another structure's id shows nothing).
/// </summary>
[HtmlTargetElement("combobox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ComboboxTagHelper(ClauseDbContext db) : TagHelper
{
    /// <summary>The text field's name is the id field's name with this suffix (only sent without JavaScript).</summary>
    public const string SuffixeTexte = "-texte";

    [HtmlAttributeName("asp-for")]
    public ModelExpression? Pour { get; set; }

    /// <summary>The field's name when there is no model expression (a GET filter: "lot").</summary>
    [HtmlAttributeName("nom")]
    public string? Nom { get; set; }

    [HtmlAttributeName("valeur")]
    public object? Valeur { get; set; }

    [HtmlAttributeName("source")]
    public SourceRecherche Source { get; set; } = null!;

    /// <summary>A filter of the source (e.g. <see cref="SourceLots.Ouverts"/>).</summary>
    [HtmlAttributeName("filtre")]
    public string? Filtre { get; set; }

    /// <summary>
    /// The name of another field of the form whose value filters the source (the admin's invitation: the companies of the
    /// chosen structure). Its value at render time is <see cref="Filtre"/>; the search uses the field's value when it runs
    /// (script: read from the form; no JavaScript: the search page reads it among the form's values).
    /// </summary>
    [HtmlAttributeName("filtre-champ")]
    public string? FiltreChamp { get; set; }

    /// <summary>Where the no-JavaScript search comes back to (a local path); by default the current page's path.</summary>
    [HtmlAttributeName("retour")]
    public string? Retour { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(Source);
        var nom = Pour?.Name ?? Nom ?? throw new InvalidOperationException("<combobox> demande asp-for ou nom.");
        var id = TagBuilder.CreateSanitizedId(nom, "_");
        var valeur = (Pour?.Model ?? Valeur)?.ToString();
        var requete = ViewContext.HttpContext.Request;
        var choisi = await Source.TrouverAsync(db, ViewContext.HttpContext.User, valeur, Filtre, ViewContext.HttpContext.RequestAborted);
        // A text typed without choosing (no JavaScript) is shown again with the form's errors.
        var texte = choisi?.Libelle
            ?? (requete.HasFormContentType ? requete.Form[nom + SuffixeTexte].ToString() : requete.Query[nom + SuffixeTexte].ToString());
        var enErreur = ViewContext.ModelState.TryGetValue(nom, out var etat) && etat.Errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "combobox");
        output.Attributes.SetAttribute("data-combobox", string.Empty);
        var json = $"{Source.Page}?handler=Json" + (string.IsNullOrEmpty(Filtre) || FiltreChamp is not null ? string.Empty : "&filtre=" + Uri.EscapeDataString(Filtre));
        output.Attributes.SetAttribute("data-source", json);
        if (FiltreChamp is not null) output.Attributes.SetAttribute("data-filtre-champ", FiltreChamp);

        var cache = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        cache.Attributes["type"] = "hidden";
        cache.Attributes["name"] = nom;
        cache.Attributes["value"] = choisi?.Id ?? string.Empty;
        cache.Attributes["data-combobox-valeur"] = string.Empty;

        var champ = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        champ.Attributes["type"] = "text";
        champ.Attributes["id"] = id;
        champ.Attributes["name"] = nom + SuffixeTexte;
        champ.Attributes["value"] = texte;
        champ.Attributes["autocomplete"] = "off";
        champ.Attributes["spellcheck"] = "false";
        champ.Attributes["maxlength"] = SourceRecherche.LongueurTermeMax.ToString(Affichage.Fr);
        champ.Attributes["aria-describedby"] = id + "-consigne";
        champ.Attributes["data-combobox-texte"] = string.Empty;
        if (enErreur)
        {
            champ.AddCssClass("input-validation-error");
            champ.Attributes["aria-invalid"] = "true";
            // Its message (the page's <span asp-validation-for>) is named as for every field (ErreursChamps).
            champ.Attributes["aria-describedby"] = ErreursChamps.Ajouter(champ.Attributes["aria-describedby"], ErreursChamps.IdMessage(id));
        }

        var contexte = new ContexteRecherche(nom, Retour ?? requete.PathBase + requete.Path, FiltreChamp is null ? Filtre : null, FiltreChamp);
        var bouton = new TagBuilder("button");
        bouton.Attributes["type"] = "submit";
        bouton.AddCssClass("bouton bouton-secondaire");
        bouton.Attributes["formaction"] = Source.Page;
        bouton.Attributes["formmethod"] = "get";
        bouton.Attributes["formnovalidate"] = "formnovalidate";
        bouton.Attributes["name"] = ContexteRecherche.Cle;
        bouton.Attributes["value"] = contexte.Valeur;
        bouton.Attributes["data-combobox-bouton"] = string.Empty;
        bouton.InnerHtml.Append("Chercher");
        var objet = new TagBuilder("span");
        objet.AddCssClass("sr-only");
        objet.InnerHtml.Append(" " + Source.Objet);
        bouton.InnerHtml.AppendHtml(objet);

        var consigne = new TagBuilder("span");
        consigne.Attributes["id"] = id + "-consigne";
        consigne.AddCssClass("aide");
        consigne.Attributes["data-combobox-consigne"] = string.Empty;
        consigne.InnerHtml.Append($"Tapez quelques lettres puis « Chercher » pour choisir {Source.Objet} dans la liste des résultats.");

        output.Content.AppendHtml(cache);
        output.Content.AppendHtml(champ);
        output.Content.AppendHtml(bouton);
        output.Content.AppendHtml(consigne);
    }
}
