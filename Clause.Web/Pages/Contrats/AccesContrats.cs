using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Participants;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// One contrat in a list (the contrats page, and the sections of the lot, company and participant pages). Built by
/// member initialisation so that EF can still filter and sort on its members after the projection.
/// </summary>
public sealed record LigneContrat
{
    public ContratId Id { get; init; }

    public ParticipantId ParticipantId { get; init; }

    public string NomParticipant { get; init; } = string.Empty;

    public string PrenomParticipant { get; init; } = string.Empty;

    public LotId LotId { get; init; }

    public string NumeroMarche { get; init; } = string.Empty;

    public int NumeroLot { get; init; }

    public string LibelleLot { get; init; } = string.Empty;

    public EntrepriseId EmployeurId { get; init; }

    public string Employeur { get; init; } = string.Empty;

    public ModaliteContrat Modalite { get; init; }

    public TypeContrat TypeContrat { get; init; }

    public DateOnly DateDebut { get; init; }

    public DateOnly? FinPrevue { get; init; }

    public DateOnly? FinReelle { get; init; }

    public StatutContrat Statut { get; init; }

    public StatutEligibilite Eligibilite { get; init; }

    public bool EligibiliteValide { get; init; }

    public bool AvecDerogation { get; init; }

    public string Participant => $"{PrenomParticipant} {NomParticipant}";

    /// <summary>« Marché 2026-001 – Lot 1 – Gros œuvre ».</summary>
    public string Lot => AccesContrats.NomLot(NumeroMarche, NumeroLot, LibelleLot);

    public string EligibiliteAffichee => AccesContrats.LibelleEligibilite(Statut, Eligibilite, EligibiliteValide, AvecDerogation);
}

/// <summary>The contrats shown in a section of another page, and whether there are more (then a link to the list).</summary>
public sealed record SectionContrats(IReadOnlyList<LigneContrat> Lignes, bool Autres, string LienListe);

/// <summary>What <c>_TableauContrats.cshtml</c> shows: the section, its caption, the text when empty, the columns that are not the page's own record.</summary>
public sealed record TableauContrats(SectionContrats Section, string Legende, string Sans, bool ColonneParticipant, bool ColonneLot, bool ColonneEmployeur);

/// <summary>
/// Who sees which contrat (DOMAIN.md §11) and the shared reads of the feature. Direction and Facilitateur see every
/// contrat of the structure; a Referent only the contrats of his or her own participants (the participants' rule,
/// <see cref="AccesParticipants.Visibles"/>); other roles are refused by the folder's policy. The structure is
/// compared explicitly, not only through the tenant filter.
/// </summary>
public static class AccesContrats
{
    /// <summary>Lots that receive contrats: with a clause, in « Lancement » or « En exécution ».</summary>
    public static readonly StatutLot[] StatutsLotOuverts = [StatutLot.Lancement, StatutLot.EnExecution];

    public static bool PeutGerer(ClaimsPrincipal utilisateur) => Droits.Peut(utilisateur, Politiques.GestionClause);

    /// <summary>Lot and company pages are for Direction and Facilitateur: a Referent gets plain text, not links.</summary>
    public static bool VoitLotsEtEntreprises(ClaimsPrincipal utilisateur) => AccesParticipants.VoitTout(utilisateur);

    public static IQueryable<Contrat> Visibles(ClauseDbContext db, ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var contrats = db.Contrats.AsNoTracking().Where(c => c.StructureId == structureId);
        if (AccesParticipants.VoitTout(utilisateur)) return contrats;
        var participants = AccesParticipants.Visibles(db, utilisateur).Select(p => p.Id);
        return contrats.Where(c => participants.Contains(c.ParticipantId));
    }

    /// <summary>The list projection, in one query (participant, lot with its marché, employer joined).</summary>
    public static IQueryable<LigneContrat> Projeter(ClauseDbContext db, IQueryable<Contrat> contrats)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from c in contrats
               join p in db.Participants on c.ParticipantId equals p.Id
               join l in db.Lots on c.LotId equals l.Id
               join m in db.Marches on l.MarcheId equals m.Id
               join e in db.Entreprises on c.EmployeurId equals e.Id
               select new LigneContrat
               {
                   Id = c.Id,
                   ParticipantId = p.Id,
                   NomParticipant = p.Nom,
                   PrenomParticipant = p.Prenom,
                   LotId = l.Id,
                   NumeroMarche = m.Numero,
                   NumeroLot = l.Numero,
                   LibelleLot = l.Libelle,
                   EmployeurId = e.Id,
                   Employeur = e.RaisonSociale,
                   Modalite = c.Modalite,
                   TypeContrat = c.TypeContrat,
                   DateDebut = c.DateDebut,
                   FinPrevue = c.FinPrevue,
                   FinReelle = c.FinReelle,
                   Statut = c.Statut,
                   Eligibilite = c.Eligibilite,
                   EligibiliteValide = c.EligibiliteValide,
                   AvecDerogation = c.MotifDerogation != null,
               };
    }

    /// <summary>How many contrats a section of another page lists before sending to the filtered list.</summary>
    public const int TailleSection = 50;

    /// <summary>
    /// The contrats of a section of another page (lot, company, participant), « à valider » first then the most recent
    /// starts, in one query; <see cref="SectionContrats.Autres"/> says that more exist (the section links to the list).
    /// </summary>
    public static async Task<SectionContrats> SectionAsync(ClauseDbContext db, IQueryable<Contrat> contrats, string lienListe,
        CancellationToken annulation = default)
    {
        var lignes = await Projeter(db, contrats)
            .OrderBy(c => c.Statut == StatutContrat.Propose ? 0 : 1).ThenByDescending(c => c.DateDebut).ThenBy(c => c.Id)
            .Take(TailleSection + 1)
            .ToListAsync(annulation);
        return new SectionContrats(lignes.Take(TailleSection).ToList(), lignes.Count > TailleSection, lienListe);
    }

    public static string NomLot(string numeroMarche, int numeroLot, string libelle) => $"Marché {numeroMarche} – Lot {numeroLot} – {libelle}";

    /// <summary>The eligibility flag of a contrat, in words (never by colour only).</summary>
    public static string LibelleEligibilite(StatutContrat statut, StatutEligibilite eligibilite, bool eligibiliteValide, bool avecDerogation) =>
        statut switch
        {
            StatutContrat.Refuse => "—",
            StatutContrat.Valide when eligibiliteValide && avecDerogation => "Compte (avec dérogation)",
            StatutContrat.Valide when eligibiliteValide => "Compte",
            StatutContrat.Valide => "Ne compte pas : hors fenêtre sans dérogation",
            _ => eligibilite switch
            {
                StatutEligibilite.Couvert => "Dans la fenêtre",
                StatutEligibilite.HorsFenetre => "Hors fenêtre : dérogation à prévoir",
                _ => "Éligibilité non validée",
            },
        };

    /// <summary>A contrat of the current structure, tracked for a change; null → 404.</summary>
    public static Task<Contrat?> ChargerAsync(ClauseDbContext db, ContratId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        return db.Contrats.FirstOrDefaultAsync(c => c.Id == id && c.StructureId == structureId, annulation);
    }

    /// <summary>The contrat's participant with the decisions (the eligibility check needs them).</summary>
    public static Task<Participant> ParticipantAsync(ClauseDbContext db, ParticipantId participantId, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        return db.Participants.Include(p => p.Decisions).FirstAsync(p => p.Id == participantId && p.StructureId == structureId, annulation);
    }

    /// <summary>The modalities with the employer each calls for, as a hint beside the select.</summary>
    public static IReadOnlyList<(ModaliteContrat Modalite, string Libelle, string Employeur)> Modalites() =>
        Libelles.Tous<ModaliteContrat>().Select(m => (m.Valeur, m.Libelle, m.Valeur.EmployeurAttendu())).ToList();
}
