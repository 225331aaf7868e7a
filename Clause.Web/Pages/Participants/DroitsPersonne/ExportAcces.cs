using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants.DroitsPersonne;

/// <summary>
/// Everything Clause holds about one participant, for the right of access (RGPD art. 15, DOMAIN.md §12): identity, the
/// hire proposals that carried his or her contact details, eligibility decisions with every category (sensitive ones
/// included: the person receives them), contrats, hours per month, proofs (names, not contents), the information notice, the
/// requests he or she made, and the audit trail of the record and of its contrats, proposals and proofs. Collected once by
/// <see cref="CollecterAsync"/>; the page renders it in HTML and <see cref="Json"/> serialises the same object.
/// </summary>
public sealed record DossierAcces(
    DateTimeOffset GenereLe,
    string GenerePar,
    string Structure,
    IdentiteAcces Identite,
    DateOnly? NoteInformationRemiseLe,
    IReadOnlyList<PropositionAcces> PropositionsEmbauche,
    IReadOnlyList<DecisionAcces> DecisionsEligibilite,
    IReadOnlyList<ContratAcces> Contrats,
    IReadOnlyList<MoisAcces> HeuresParMois,
    IReadOnlyList<PieceAcces> Pieces,
    IReadOnlyList<DemandeAcces> Demandes,
    IReadOnlyList<AuditAcces> JournalAudit);

public sealed record IdentiteAcces(Guid Identifiant, string Nom, string Prenom, string Sexe, DateOnly DateNaissance, string? Adresse, string CodePostal,
    string Commune, bool ResidentQpv, string? CodeQpv, string NiveauQualification, string? Prescripteur, string? ReferentParcours,
    string? IdentifiantFranceTravail, DateOnly InscritLe);

/// <summary>A company's hire proposal linked to the participant: the contact details it sent.</summary>
public sealed record PropositionAcces(string Entreprise, string Nom, string Prenom, DateOnly DateNaissance, string? Email, string? Telephone,
    DateTimeOffset ProposeeLe, string Statut);

public sealed record DecisionAcces(DateOnly DateValidation, string ValideePar, IReadOnlyList<CategorieAcces> Categories, string? AvisMotivePrescripteur,
    string? MotifAvis);

public sealed record CategorieAcces(string Code, string Libelle, bool Sensible, string Justificatif, DateOnly? FinDroits);

public sealed record ContratAcces(string Lot, string Entreprise, string Modalite, string TypeContrat, DateOnly DateDebut, DateOnly? FinPrevue,
    DateOnly? FinReelle, string? Poste, string Statut);

/// <summary>A month of hours across contrats, in exact minutes (and as the page shows them).</summary>
public sealed record MoisAcces(string Mois, long MinutesComptees, long MinutesEnAttente, string HeuresComptees, string HeuresEnAttente);

public sealed record PieceAcces(string Nom, string Nature, string? Contrat, string? Mois, DateTimeOffset DeposeeLe, string DeposeePar);

public sealed record DemandeAcces(string Type, DateOnly? DateDemande, DateOnly DateReponse, string Par);

public sealed record AuditAcces(DateTimeOffset Quand, string Par, string Action, IReadOnlyList<ChangementAcces> Changements, string? ViaApi);

public sealed record ChangementAcces(string Champ, string? Avant, string? Apres);

public static class ExportAcces
{
    /// <summary>What the sensitive-data journal records for each export (never a value: §12).</summary>
    public const string QuoiJournal = "Export du droit d'accès (données personnelles, catégories sensibles comprises)";

    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // French text stays readable in the file (« é », not « \u00E9 »); the file is downloaded, never embedded in a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The JSON file: camelCase French names, ISO 8601 dates (System.Text.Json writes DateOnly « 2026-03-10 »).</summary>
    public static byte[] Json(DossierAcces dossier) => JsonSerializer.SerializeToUtf8Bytes(dossier, OptionsJson);

    /// <summary>The requests of the participant (« Demandes de la personne »), oldest first: the page and the export read them here.</summary>
    public static async Task<IReadOnlyList<DemandeAcces>> DemandesAsync(ClauseDbContext db, ParticipantId id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var demandes = await db.DemandesDroits.AsNoTracking()
            .Where(d => d.StructureId == structureId && d.ParticipantId == id)
            .OrderBy(d => d.DateReponse)
            .Select(d => new { d.Type, d.DateDemande, d.DateReponse, d.AuteurNom })
            .ToListAsync(annulation);
        return [.. demandes.Select(d => new DemandeAcces(d.Type.Libelle(), d.DateDemande, d.DateReponse, d.AuteurNom))];
    }

    /// <summary>
    /// Reads the participant <paramref name="id"/> of the current structure whole (one projection per kind of record, no
    /// N+1). Call only once the participant was found in the user's structure.
    /// </summary>
    public static async Task<DossierAcces> CollecterAsync(ClauseDbContext db, RequetesHeures requetes, ParticipantId id, DateTimeOffset maintenant,
        CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requetes);
        var structureId = db.Contexte.StructureId;
        var p = await db.Participants.AsNoTracking().Where(x => x.Id == id && x.StructureId == structureId)
            .Select(x => new
            {
                Participant = x,
                Referent = db.Users.Where(u => u.Id == x.ReferentId).Select(u => u.NomComplet).FirstOrDefault(),
                Structure = db.Structures.Where(s => s.Id == x.StructureId).Select(s => s.Nom).FirstOrDefault(),
            })
            .SingleAsync(annulation);
        var participant = p.Participant;
        var identite = new IdentiteAcces(participant.Id.Valeur, participant.Nom, participant.Prenom, participant.Sexe.Libelle(), participant.DateNaissance,
            participant.Adresse, participant.CodePostal, participant.Commune, participant.ResidentQpv, participant.CodeQpv,
            participant.NiveauQualification.Libelle(), participant.Prescripteur?.Libelle(), p.Referent, participant.IdentifiantFranceTravail,
            participant.InscritLe);

        var decisions = (await db.DecisionsEligibilite.AsNoTracking().Include(d => d.Categories)
                .Where(d => d.ParticipantId == id && d.StructureId == structureId)
                .OrderBy(d => d.DateValidation)
                .ToListAsync(annulation))
            .Select(d => new DecisionAcces(d.DateValidation, d.ValideParNom,
                d.Categories.OrderBy(c => c.Id).Select(c => new CategorieAcces(c.Categorie.ToString(), c.Categorie.Libelle(), c.Categorie.EstSensible(),
                    c.Justificatif, c.FinDroits)).ToList(),
                d.PrescripteurAvis?.Libelle(), d.MotifAvis))
            .ToList();

        var contrats = await db.Contrats.AsNoTracking()
            .Where(c => c.ParticipantId == id && c.StructureId == structureId)
            .OrderBy(c => c.DateDebut)
            .Select(c => new
            {
                c.Id,
                NumeroMarche = db.Lots.Where(l => l.Id == c.LotId).Select(l => l.Marche.Numero).FirstOrDefault(),
                NumeroLot = db.Lots.Where(l => l.Id == c.LotId).Select(l => l.Numero).FirstOrDefault(),
                LibelleLot = db.Lots.Where(l => l.Id == c.LotId).Select(l => l.Libelle).FirstOrDefault(),
                Employeur = db.Entreprises.Where(e => e.Id == c.EmployeurId).Select(e => e.RaisonSociale).FirstOrDefault(),
                c.Modalite,
                c.TypeContrat,
                c.DateDebut,
                c.FinPrevue,
                c.FinReelle,
                c.Poste,
                c.Statut,
            })
            .ToListAsync(annulation);
        var lots = contrats.ToDictionary(c => c.Id, c => AccesContrats.NomLot(c.NumeroMarche ?? string.Empty, c.NumeroLot, c.LibelleLot ?? string.Empty));
        var nomsContrats = contrats.ToDictionary(c => c.Id, c => $"{lots[c.Id]} — {c.Employeur}, du {Affichage.Date(c.DateDebut)}");
        var contratIds = contrats.Select(c => c.Id).ToList();
        var contratsPieces = contratIds.Select(c => (ContratId?)c).ToList();

        var mois = await requetes.ParMoisAsync(
            db.DeclarationsHeures.AsNoTracking().Where(d => d.ParticipantId == id && d.StructureId == structureId), annulation);

        var pieces = await db.PiecesJustificatives.AsNoTracking()
            .Where(x => x.StructureId == structureId && contratsPieces.Contains(x.ContratId))
            .OrderBy(x => x.DeposeeLe)
            .Select(x => new { x.Id, x.NomOriginal, x.Nature, x.ContratId, x.Mois, x.DeposeeLe, x.DeposeeParNom })
            .ToListAsync(annulation);

        var propositions = await db.PropositionsEmbauche.AsNoTracking()
            .Where(x => x.StructureId == structureId && x.ParticipantId == id)
            .OrderBy(x => x.ProposeeLe)
            .Select(x => new
            {
                x.Id,
                Entreprise = db.Entreprises.Where(e => e.Id == x.EntrepriseId).Select(e => e.RaisonSociale).FirstOrDefault(),
                x.Nom,
                x.Prenom,
                x.DateNaissance,
                x.Email,
                x.Telephone,
                x.ProposeeLe,
                x.Statut,
            })
            .ToListAsync(annulation);

        var demandes = await DemandesAsync(db, id, annulation);

        // The record and its parts (decisions, categories, requests), its contrats with their lines of hours, its proposals and proofs.
        var racines = new List<Guid> { id.Valeur };
        racines.AddRange(contratIds.Select(c => c.Valeur));
        racines.AddRange(propositions.Select(x => x.Id.Valeur));
        racines.AddRange(pieces.Select(x => x.Id.Valeur));
        var journal = await Historique.LireToutAsync(db, racines, annulation);

        return new DossierAcces(
            maintenant,
            db.Contexte.NomUtilisateur,
            p.Structure ?? string.Empty,
            identite,
            participant.DateInformation,
            [.. propositions.Select(x => new PropositionAcces(x.Entreprise ?? string.Empty, x.Nom, x.Prenom, x.DateNaissance, x.Email, x.Telephone,
                x.ProposeeLe, x.Statut.Libelle()))],
            decisions,
            [.. contrats.Select(c => new ContratAcces(lots[c.Id], c.Employeur ?? string.Empty, c.Modalite.Libelle(), c.TypeContrat.Libelle(), c.DateDebut, c.FinPrevue, c.FinReelle, c.Poste, c.Statut.Libelle()))],
            [.. mois.OrderBy(m => m.Mois).Select(m => new MoisAcces(m.Mois.ToString(), m.CompteesMinutes, m.EnAttenteMinutes,
                new Duree(m.CompteesMinutes).ToString(), new Duree(m.EnAttenteMinutes).ToString()))],
            [.. pieces.Select(x => new PieceAcces(x.NomOriginal, x.Nature.Libelle(), x.ContratId is { } c && nomsContrats.TryGetValue(c, out var nom) ? nom : null,
                x.Mois?.ToString(), x.DeposeeLe, x.DeposeeParNom))],
            demandes,
            [.. journal.Select(j => new AuditAcces(j.Quand, j.Ligne.Par, j.Ligne.Action,
                [.. j.Ligne.Changements.Select(c => new ChangementAcces(c.Champ, c.Avant, c.Apres))], j.Ligne.NomJeton))]);
    }
}
