using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Entreprises;

/// <summary>One company: every field, its contacts, its lots and contrats, its history.</summary>
public sealed class DetailsModel(ClauseDbContext db) : PageModel
{
    public FicheEntreprise Fiche { get; private set; } = null!;

    public IReadOnlyList<LigneContact> Contacts { get; private set; } = [];

    public LotsEtContratsEntreprise LotsEtContrats { get; private set; } = LotsEtContratsEntreprise.Vide;

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await db.Entreprises.AsNoTracking()
            .Where(e => e.Id == id && e.StructureId == structureId)
            .Select(e => new FicheEntreprise(e.Id, e.RaisonSociale, e.Siret, e.TypeEmployeur, e.CodeNaf, e.TrancheEffectif, e.Adresse, e.CodePostal, e.Commune))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Contacts = await db.Entreprises.AsNoTracking()
            .Where(e => e.Id == id && e.StructureId == structureId)
            .SelectMany(e => e.Contacts)
            .OrderBy(c => c.Nom)
            .Select(c => new LigneContact(c.Id, c.Nom, c.Role, c.Email, c.Telephone))
            .ToListAsync(annulation);
        Historique = HistoriqueEntreprise.EnFrancais(await Infrastructure.Historique.LireAsync(db, id, annulation));
        return Page();
    }
}

/// <summary>The company's audit trail with French field names and labels instead of codes.</summary>
public static class HistoriqueEntreprise
{
    private static readonly Dictionary<string, string> Libelles = new(StringComparer.Ordinal)
    {
        [nameof(Entreprise.RaisonSociale)] = "Raison sociale",
        [nameof(Entreprise.Siret)] = "SIRET",
        [nameof(Entreprise.TypeEmployeur)] = "Type d'employeur",
        [nameof(Entreprise.CodeNaf)] = "Code NAF",
        [nameof(Entreprise.TrancheEffectif)] = "Tranche d'effectif",
        [nameof(Entreprise.Adresse)] = "Adresse",
        [nameof(Entreprise.CodePostal)] = "Code postal",
        [nameof(Entreprise.Commune)] = "Commune",
        [nameof(ContactEntreprise.Nom)] = "Nom",
        [nameof(ContactEntreprise.Role)] = "Rôle",
        [nameof(ContactEntreprise.Email)] = "E-mail",
        [nameof(ContactEntreprise.Telephone)] = "Téléphone",
    };

    public static IReadOnlyList<LigneHistorique> EnFrancais(IReadOnlyList<LigneHistorique> lignes) =>
        lignes.Select(l => l with
        {
            Changements = l.Changements
                .Where(c => Libelles.ContainsKey(c.Champ)) // technical keys (structure, company id) are left out
                .Select(c => new Clause.Infrastructure.Audit.ChangementChamp(Libelles[c.Champ], Valeur(c.Champ, c.Avant), Valeur(c.Champ, c.Apres)))
                .ToList(),
        }).ToList();

    private static string? Valeur(string champ, string? valeur) => (champ, valeur) switch
    {
        (_, null) => null,
        (nameof(Entreprise.TypeEmployeur), _) when Enum.TryParse<TypeEmployeur>(valeur, out var type) => type.Libelle(),
        (nameof(Entreprise.TrancheEffectif), _) when Enum.TryParse<TrancheEffectif>(valeur, out var tranche) => tranche.Libelle(),
        (nameof(ContactEntreprise.Role), _) when Enum.TryParse<RoleContactEntreprise>(valeur, out var role) => role.Libelle(),
        (nameof(Entreprise.CodeNaf), _) => Entreprise.AfficherCodeNaf(valeur),
        _ => valeur,
    };
}

public sealed record FicheEntreprise(Guid Id, string RaisonSociale, string Siret, TypeEmployeur Type, string? CodeNaf,
    TrancheEffectif? TrancheEffectif, string? Adresse, string? CodePostal, string? Commune)
{
    public string SiretAffiche => Clause.Domain.Commun.Siret.TryParse(Siret, out var s) ? s.ToString() : Siret;
}

public sealed record LigneContact(Guid Id, string Nom, RoleContactEntreprise Role, string? Email, string? Telephone);
