using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clause.Web.TagHelpers;

/// <summary>The badge's tone: a class of the style sheet (<c>.badge-…</c>), each a text/background pair ≥ 4.5:1.</summary>
public enum TonBadge
{
    Neutre,
    Info,
    Succes,
    Attention,
    Erreur,
}

/// <summary>
/// The one place that says how a domain status looks (docs/design.md): its label (the enum's <see cref="LibelleAttribute"/>)
/// and its tone — in progress (info), waiting for someone (attention), done well (succès), refused or failed (erreur).
/// </summary>
public static class BadgesStatut
{
    public static (string Texte, TonBadge Ton) Badge(Enum statut) => statut switch
    {
        StatutLot s => (s.Libelle(), s switch
        {
            StatutLot.ANotifier => TonBadge.Neutre,
            StatutLot.Lancement or StatutLot.EnExecution => TonBadge.Info,
            StatutLot.ClotureAVerifier => TonBadge.Attention,
            StatutLot.CloseConforme => TonBadge.Succes,
            _ => TonBadge.Erreur,
        }),
        StatutContrat s => (s.Libelle(), s switch
        {
            StatutContrat.Propose => TonBadge.Attention,
            StatutContrat.Valide => TonBadge.Succes,
            _ => TonBadge.Erreur,
        }),
        StatutDeclaration s => (s.Libelle(), s switch
        {
            StatutDeclaration.Declaree => TonBadge.Attention,
            StatutDeclaration.Validee => TonBadge.Succes,
            _ => TonBadge.Erreur,
        }),
        StatutOperation s => (s.Libelle(), s switch
        {
            StatutOperation.Reperee or StatutOperation.Close => TonBadge.Neutre,
            _ => TonBadge.Info,
        }),
        StatutProposition s => (s.Libelle(), s switch
        {
            StatutProposition.EnAttente => TonBadge.Attention,
            StatutProposition.Liee => TonBadge.Info,
            StatutProposition.Validee => TonBadge.Succes,
            _ => TonBadge.Erreur,
        }),
        StatutSoumission s => (s.Libelle(), s == StatutSoumission.Brouillon ? TonBadge.Neutre : TonBadge.Attention),
        _ => throw new ArgumentException($"Pas de badge pour le statut {statut.GetType().Name}.", nameof(statut)),
    };

    public static string Classe(TonBadge ton) => "badge badge-" + ton.ToString().ToLowerInvariant();
}

/// <summary>
/// <c>&lt;statut valeur="@lot.Statut" /&gt;</c>: a domain status as a badge, <c>&lt;span class="badge badge-succes"&gt;Validé&lt;/span&gt;</c>
/// (<see cref="BadgesStatut"/>). <c>texte</c> replaces the label where a page words it for its reader (« À valider »);
/// other attributes (an id) are kept.
/// </summary>
[HtmlTargetElement("statut", Attributes = "valeur", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatutTagHelper : TagHelper
{
    [HtmlAttributeName("valeur")]
    public Enum Valeur { get; set; } = null!;

    [HtmlAttributeName("texte")]
    public string? Texte { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (texte, ton) = BadgesStatut.Badge(Valeur);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", BadgesStatut.Classe(ton));
        output.Content.SetContent(Texte ?? texte);
    }
}
