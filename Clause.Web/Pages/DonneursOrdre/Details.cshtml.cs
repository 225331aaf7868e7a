using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.DonneursOrdre;

/// <summary>One buyer: its fields, its contacts and its audit history.</summary>
public sealed class DetailsModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    public FicheDonneurOrdre Fiche { get; private set; } = null!;

    public IReadOnlyList<LigneContact> Contacts { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    /// <summary>The last bilans e-mailed to this buyer's contacts (issue 10 item 6), newest first.</summary>
    public IReadOnlyList<LigneEnvoiBilan> Envois { get; private set; } = [];

    public const int EnvoisAffiches = 20;

    /// <summary>The send form for this buyer's bilan of the current year (January to December).</summary>
    public string AdresseEnvoi { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(DonneurOrdreId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await db.DonneursOrdre.AsNoTracking()
            .Where(d => d.Id == id && d.StructureId == structureId)
            .Select(d => new FicheDonneurOrdre(d.Id, d.RaisonSociale, d.Type, d.Siret, d.Adresse, d.CodePostal, d.Commune))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null) return NotFound();
        Fiche = fiche;
        Contacts = await db.Set<ContactDonneurOrdre>().AsNoTracking()
            .Where(c => c.DonneurOrdreId == id)
            .OrderBy(c => c.Nom).ThenBy(c => c.Id)
            .Select(c => new LigneContact(c.Id, c.Nom, c.Role, c.Email, c.Telephone))
            .ToListAsync(annulation);
        Envois = await db.EnvoisBilans.AsNoTracking()
            .Where(e => e.DonneurOrdreId == id)
            .OrderByDescending(e => e.EnvoyeLe).ThenByDescending(e => e.Id)
            .Take(EnvoisAffiches)
            .Select(e => new LigneEnvoiBilan(e.EnvoyeLe, e.EnvoyeParNom, e.Destinataires, e.Perimetre, e.LibellePerimetre, e.Du, e.Au, e.NomFichier))
            .ToListAsync(annulation);
        var annee = horloge.GetUtcNow().Year;
        AdresseEnvoi = $"/Bilans/Exports/Envoyer?perimetre=donneurOrdre&id={id}&du={annee:0000}-01&au={annee:0000}-12";
        Historique = await Clause.Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        return Page();
    }
}

public sealed record FicheDonneurOrdre(DonneurOrdreId Id, string RaisonSociale, TypeDonneurOrdre Type, string? Siret, string? Adresse, string? CodePostal, string? Commune)
{
    public string SiretAffiche => Domain.Commun.Siret.TryParse(Siret, out var siret) ? siret.ToString() : "—";
}

public sealed record LigneContact(Guid Id, string Nom, RoleContactDonneurOrdre Role, string? Email, string? Telephone);

public sealed record LigneEnvoiBilan(DateTimeOffset EnvoyeLe, string Par, string Destinataires, Domain.Bilans.Perimetre Perimetre, string Libelle, Mois Du, Mois Au,
    string Fichier)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public string Periode => new Domain.Bilans.PeriodeBilan(Du, Au).Libelle;

    /// <summary>« 15/03/2026 10:00 », Paris time.</summary>
    public string EnvoyeLeTexte => TimeZoneInfo.ConvertTime(EnvoyeLe, Paris).ToString("dd/MM/yyyy HH:mm", FormatFrancais.Culture);
}
