using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Heures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clause.Web.Pages.Bilans;

/// <summary>
/// Choosing a bilan: the scope (the whole structure, a donneur d'ordre, an opération or a lot — each chosen with the
/// combobox; a marché's bilan opens from the marché's page) and the range of months (the current year to date by default,
/// the scope's execution to date when left empty). A valid choice redirects to <see cref="DetailsModel"/>; the refusals are
/// shown together, each naming its field.
/// </summary>
public sealed class IndexModel(TimeProvider horloge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "perimetre")]
    public string? Perimetre { get; set; }

    [BindProperty(SupportsGet = true, Name = "donneur")]
    public DonneurOrdreId? DonneurOrdreId { get; set; }

    [BindProperty(SupportsGet = true, Name = "operation")]
    public OperationId? OperationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "lot")]
    public LotId? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    public string? Du { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    public string? Au { get; set; }

    /// <summary>Set by the form's button: the choice is to be checked and opened.</summary>
    [BindProperty(SupportsGet = true, Name = "voir")]
    public string? Voir { get; set; }

    public IReadOnlyList<RegleMetierException> Erreurs { get; private set; } = [];

    public IActionResult OnGet()
    {
        var courant = RequetesHeures.MoisEnCours(horloge);
        if (string.IsNullOrEmpty(Voir))
        {
            Perimetre ??= PerimetreBilan.CodeDe(Domain.Bilans.Perimetre.Structure);
            Du ??= new Mois(courant.Annee, 1).ToString();
            Au ??= courant.ToString();
            return Page();
        }
        var erreurs = new List<RegleMetierException>();
        var id = Perimetre switch
        {
            "donneurOrdre" => DonneurOrdreId?.Valeur.ToString(),
            "operation" => OperationId?.Valeur.ToString(),
            "lot" => LotId?.Valeur.ToString(),
            _ => null,
        };
        try { PerimetreBilan.Lire(Perimetre, id); }
        catch (RegleMetierException e)
        {
            erreurs.AddRange(e.Toutes.Select(x => x.Champ == "id"
                ? new RegleMetierException(Perimetre ?? "id", "Choisissez l'élément du périmètre (donneur d'ordre, opération ou lot) dans la liste.")
                : x));
        }
        if (!string.IsNullOrWhiteSpace(Du) || !string.IsNullOrWhiteSpace(Au))
        {
            try { PeriodeBilan.Lire(Du, Au); }
            catch (RegleMetierException e) { erreurs.AddRange(e.Toutes); }
        }
        if (erreurs.Count > 0)
        {
            Erreurs = erreurs;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect(QueryString.Create(new Dictionary<string, string?>
        {
            ["perimetre"] = Perimetre,
            ["id"] = id,
            ["du"] = string.IsNullOrWhiteSpace(Du) ? null : Du.Trim(),
            ["au"] = string.IsNullOrWhiteSpace(Au) ? null : Au.Trim(),
        }.Where(p => p.Value is not null)) is var requete ? "/Bilans/Details" + requete : "/Bilans");
    }
}
