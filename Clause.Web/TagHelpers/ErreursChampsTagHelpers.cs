using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clause.Web.TagHelpers;

/// <summary>
/// Every field of every form in error says so to assistive technologies, written once for all pages (issue 15 item 5):
/// an <c>&lt;input|select|textarea asp-for&gt;</c> whose value is in error gets <c>aria-invalid="true"</c> and its
/// message's id in <c>aria-describedby</c> (kept beside any description already there); the message
/// <c>&lt;span asp-validation-for&gt;</c> gets that id, « {id du champ}-erreur ». The summary at the top of the form
/// (Pages/Shared/_Erreurs.cshtml) links each message to <c>#{id du champ}</c>. The combobox does the same itself.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class ChampEnErreurTagHelper : TagHelper
{
    /// <summary>After the framework's tag helpers, which write the field's id.</summary>
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression Pour { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var nom = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Pour.Name);
        if (!ErreursChamps.EnErreur(ViewContext, nom)) return;
        var id = output.Attributes.TryGetAttribute("id", out var attribut) && attribut.Value?.ToString() is { Length: > 0 } existant
            ? existant
            : ErreursChamps.Id(nom);
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby",
            ErreursChamps.Ajouter(output.Attributes.TryGetAttribute("aria-describedby", out var decrit) ? decrit.Value?.ToString() : null, ErreursChamps.IdMessage(id)));
    }
}

/// <summary>The message of a field (<c>&lt;span asp-validation-for&gt;</c>) gets the id its field points to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class MessageErreurTagHelper : TagHelper
{
    public override int Order => 100;

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression Pour { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Attributes.ContainsName("id")) return;
        output.Attributes.SetAttribute("id", ErreursChamps.IdMessage(ErreursChamps.Id(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(Pour.Name))));
    }
}

/// <summary>The one naming of a field's id and its message's id (the tag helpers, the combobox, the summary).</summary>
public static class ErreursChamps
{
    /// <summary>"Saisie.CodePostal" → "Saisie_CodePostal" (as the framework's tag helpers and Html.GenerateIdFromName make it).</summary>
    public static string Id(string nom) => TagBuilder.CreateSanitizedId(nom, "_");

    /// <summary>"Saisie_CodePostal" → "Saisie_CodePostal-erreur".</summary>
    public static string IdMessage(string idChamp) => idChamp + "-erreur";

    public static bool EnErreur(ViewContext contexte, string nom)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        return contexte.ViewData.ModelState.TryGetValue(nom, out var etat) && etat.Errors.Count > 0;
    }

    /// <summary>An id added to a list of ids (aria-describedby), once.</summary>
    public static string Ajouter(string? liste, string id)
    {
        var ids = (liste ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!ids.Contains(id, StringComparer.Ordinal)) ids.Add(id);
        return string.Join(' ', ids);
    }
}
