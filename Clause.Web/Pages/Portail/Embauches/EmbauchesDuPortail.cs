using System.ComponentModel.DataAnnotations;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Embauches;

/// <summary>A company's proposal as it reads it: the person it proposed, the lot, the start, and the status in words only (never a category).</summary>
public sealed record PropositionDuPortail(PropositionEmbaucheId Id, string Personne, string Lot, string? Poste, DateOnly DateDebut, DateTimeOffset ProposeeLe,
    StatutPourLEntreprise Statut, string? Motif)
{
    /// <summary>« en attente », « validé » or « refusé (motif) ».</summary>
    public string StatutTexte => Statut == StatutPourLEntreprise.Refuse && Motif is not null ? $"{Statut.Libelle()} ({Motif})" : Statut.Libelle();
}

/// <summary>
/// The reads of the portal's hire proposals, all scoped to the signed-in user's company (<c>ContexteExecution.EntrepriseId</c>)
/// and to its structure explicitly: the lots it may propose for, the employers it may choose, its own proposals.
/// </summary>
public static class EmbauchesDuPortail
{
    private static EntrepriseId Entreprise(ClauseDbContext db) => db.Contexte.EntrepriseId ?? EntrepriseId.De(Guid.Empty);

    /// <summary>The lots the company holds in any role (attributaire, co-traitant, sous-traitant) that receive contrats (with a clause, launched or in execution).</summary>
    public static async Task<IReadOnlyList<SelectListItem>> LotsAsync(ClauseDbContext db, LotId? selection, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var entrepriseId = Entreprise(db);
        var ouverts = AccesContrats.StatutsLotOuverts;
        var lots = await (from a in db.Attributions.AsNoTracking()
                          join l in db.Lots on a.LotId equals l.Id
                          join m in db.Marches on l.MarcheId equals m.Id
                          where a.StructureId == structureId && a.EntrepriseId == entrepriseId && l.Fondements != Fondement.Aucun && ouverts.Contains(l.Statut)
                          orderby m.Numero, l.Numero
                          select new { l.Id, m.Numero, NumeroLot = l.Numero, l.Libelle })
            .ToListAsync(annulation);
        return lots.Select(l => new SelectListItem(AccesContrats.NomLot(l.Numero, l.NumeroLot, l.Libelle), l.Id.ToString(), l.Id == selection)).ToList();
    }

    /// <summary>
    /// The employers a company may name (DOMAIN.md §6), by name and type only: itself, the holders (attributaire,
    /// co-traitant) of its lots for an embauche directe, and the structure's insertion structures and temporary-work
    /// agencies for the other modalities. Never the structure's other ordinary companies. The fit of the employer to
    /// the modality and the lot is the contrat's rule (Contrat.VerifierDonnees), checked when the form is posted.
    /// </summary>
    public static async Task<IReadOnlyList<SelectListItem>> EmployeursAsync(ClauseDbContext db, EntrepriseId? selection, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var entrepriseId = Entreprise(db);
        var sesLots = db.Attributions.Where(a => a.StructureId == structureId && a.EntrepriseId == entrepriseId).Select(a => a.LotId);
        var titulaires = db.Attributions
            .Where(a => a.StructureId == structureId && sesLots.Contains(a.LotId) && (a.Role == RoleAttribution.Attributaire || a.Role == RoleAttribution.CoTraitant))
            .Select(a => a.EntrepriseId);
        var employeurs = await db.Entreprises.AsNoTracking()
            .Where(e => e.StructureId == structureId && (e.Id == entrepriseId || titulaires.Contains(e.Id) || e.TypeEmployeur != TypeEmployeur.Classique))
            .OrderBy(e => e.Id != entrepriseId).ThenBy(e => e.RaisonSociale).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.RaisonSociale, e.TypeEmployeur })
            .ToListAsync(annulation);
        return employeurs.Select(e => new SelectListItem(e.Id == entrepriseId ? $"{e.RaisonSociale} (votre entreprise)" : $"{e.RaisonSociale} ({e.TypeEmployeur.Libelle()})",
            e.Id.ToString(), e.Id == selection)).ToList();
    }

    /// <summary>The company's own proposals (or the one of <paramref name="seule"/> among them), the most recent first, with the contrat's status once linked (the contrat is then the truth).</summary>
    public static IQueryable<PropositionDuPortail> Propositions(ClauseDbContext db, PropositionEmbaucheId? seule = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var entrepriseId = Entreprise(db);
        var propositions = db.PropositionsEmbauche.AsNoTracking().Where(p => p.StructureId == structureId && p.EntrepriseId == entrepriseId);
        // Filtered before the projection: EF cannot filter on a positional record's members.
        if (seule is { } id) propositions = propositions.Where(p => p.Id == id);
        return from p in propositions
               join l in db.Lots on p.LotId equals l.Id
               join m in db.Marches on l.MarcheId equals m.Id
               join c in db.Contrats on p.ContratId equals (ContratId?)c.Id into contrats
               from c in contrats.DefaultIfEmpty()
               orderby p.ProposeeLe descending, p.Id
               select new PropositionDuPortail(p.Id, p.Prenom + " " + p.Nom, "Marché " + m.Numero + " – Lot " + l.Numero + " – " + l.Libelle, p.Poste, p.DateDebut,
                   p.ProposeeLe,
                   SuiviProposition.PourLEntreprise(p.Statut, c == null ? null : (StatutContrat?)c.Statut),
                   SuiviProposition.Motif(p.MotifRefus, c == null ? null : c.MotifRefus));
    }
}

/// <summary>What a company types to propose a hire (property names = the domain's field names, so a refusal shows beside its field).</summary>
public sealed record SaisiePropositionEmbauche
{
    [Required(ErrorMessage = "Le champ « Lot » est obligatoire.")]
    [Display(Name = "Lot")]
    public LotId? LotId { get; set; }

    [Required(ErrorMessage = "Le champ « Nom » est obligatoire.")]
    [StringLength(Participant.NomLongueurMax, ErrorMessage = "Le champ « Nom » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Nom")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "Le champ « Prénom » est obligatoire.")]
    [StringLength(Participant.PrenomLongueurMax, ErrorMessage = "Le champ « Prénom » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Prénom")]
    public string? Prenom { get; set; }

    [Required(ErrorMessage = "Le champ « Date de naissance » est obligatoire.")]
    [Display(Name = "Date de naissance")]
    public DateOnly? DateNaissance { get; set; }

    [StringLength(PropositionEmbauche.EmailLongueurMax, ErrorMessage = "Le champ « E-mail » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "E-mail")]
    [AdresseEmail]
    public string? Email { get; set; }

    [StringLength(PropositionEmbauche.TelephoneLongueurMax, ErrorMessage = "Le champ « Téléphone » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Téléphone")]
    public string? Telephone { get; set; }

    [Required(ErrorMessage = "Le champ « Poste » est obligatoire.")]
    [StringLength(Contrat.PosteLongueurMax, ErrorMessage = "Le champ « Poste » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Poste")]
    public string? Poste { get; set; }

    [Required(ErrorMessage = "Le champ « Type de contrat » est obligatoire.")]
    [Display(Name = "Type de contrat")]
    public TypeContrat? TypeContrat { get; set; }

    [Required(ErrorMessage = "Le champ « Date de début » est obligatoire.")]
    [Display(Name = "Date de début")]
    public DateOnly? DateDebut { get; set; }

    // Not [Required]: a CDI has none (DOMAIN.md §6); the contrat's rule asks it of every other type, naming the field.
    [Display(Name = "Fin prévue")]
    public DateOnly? FinPrevue { get; set; }

    [StringLength(20, ErrorMessage = "Le champ « Heures hebdomadaires » ne doit pas dépasser {1} caractères.")]
    [Display(Name = "Heures hebdomadaires")]
    public string? HeuresHebdo { get; set; }

    [Required(ErrorMessage = "Le champ « Modalité » est obligatoire.")]
    [Display(Name = "Modalité")]
    public ModaliteContrat? Modalite { get; set; }

    [Required(ErrorMessage = "Le champ « Employeur » est obligatoire.")]
    [Display(Name = "Employeur")]
    public EntrepriseId? EmployeurId { get; set; }

    public PersonneProposee Personne() => new(Nom, Prenom, DateNaissance, Email, Telephone);

    /// <summary>The contrat's data (weekly hours that could not be read: none, their error stays in ModelState).</summary>
    public DonneesContrat VersDonnees(ModelStateDictionary etat)
    {
        // Hours that could not be read are passed as none (optional): their error is in ModelState, nothing is saved.
        var hebdo = new LectureSaisie(etat).Heures(HeuresHebdo, nameof(HeuresHebdo), "Heures hebdomadaires");
        return new DonneesContrat(Modalite, TypeContrat, DateDebut, FinPrevue, null, hebdo, Poste);
    }
}
