using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Import;

// Participants, contrats and hours: the sheets that carry personal data (no value of theirs in a log, only in the report
// shown to the importing facilitateur or direction).
internal sealed partial class ExecutionImport
{
    private static readonly Dictionary<string, string> ColonnesParticipant = new()
    {
        ["ResidentQpv"] = "Qpv",
        ["NiveauQualification"] = "Niveau",
        ["DateValidation"] = "DateValidationEligibilite",
        ["Categories"] = "Categories",
        ["PrescripteurAvis"] = "Categories",
        ["MotifAvis"] = "Categories",
        [""] = "Ref",
    };

    // ---------------------------------------------------------------- Participants
    private async Task ParticipantsAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        var ids = LiensPropres(lignes, "Participants").Select(ParticipantId.De).ToList();
        var existants = new Dictionary<Guid, Participant>();
        foreach (var lot in Lots(ids))
            foreach (var p in await db.Participants.Include(x => x.Decisions).ThenInclude(d => d.Categories).Where(x => lot.Contains(x.Id))
                         .AsSplitQuery().ToListAsync(annulation).ConfigureAwait(false))
                existants[p.Id.Valeur] = p;
        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var nom = ligne.Texte("Nom");
            var prenom = ligne.Texte("Prenom");
            var sexe = ligne.Valeur("Sexe", ConversionsImport.Code<Sexe>);
            var naissance = ligne.Valeur("DateNaissance", ConversionsImport.Date);
            var codePostal = ligne.Texte("CodePostal");
            var commune = ligne.Texte("Commune");
            var qpv = ligne.Valeur("Qpv", ConversionsImport.Booleen) ?? false;
            var codeQpv = ligne.Texte("CodeQpv");
            var niveau = ligne.Valeur("Niveau", ConversionsImport.Code<NiveauQualification>);
            var categories = ligne.Liste("Categories", ConversionsImport.Codes<CategorieEligibilite>);
            var validation = ligne.Valeur("DateValidationEligibilite", ConversionsImport.Date);
            if (ligne.Ref is null || sexe is null || naissance is null || categories is null || validation is null || !ligne.Valide) { Conclure(ligne); continue; }
            var existant = Lien("Participants", ligne.Ref) is { } id && existants.TryGetValue(id, out var e) ? e : null;
            var participant = existant;
            var donnees = new DonneesParticipant(nom, prenom, sexe, naissance, existant?.Adresse, codePostal, commune, qpv, codeQpv,
                niveau ?? existant?.NiveauQualification ?? NiveauQualification.NonRenseigne, existant?.Prescripteur, existant?.ReferentId,
                existant?.IdentifiantFranceTravail, existant?.DateInformation);
            var v = new Verification();
            v.Verifier(() =>
            {
                if (existant is null) participant = Participant.Creer(structureId, donnees, _aujourdhui);
                else existant.Modifier(donnees, _aujourdhui);
            });
            // The eligibility decision the structure already took (IMPORT.md): validated by the importer, through the same
            // method as the eligibility page. A decision already recorded at that date is kept as it is.
            if (participant is not null && !participant.Decisions.Any(d => d.DateValidation == validation.Value))
                v.Verifier(() => participant.ValiderEligibilite(validation, categories.Select(c => new CategorieSaisie(c, Justificatif(c))).ToList(), null, null,
                    par.Id, par.Nom, reglages, _aujourdhui));
            Domaine(ligne, v.Lever, ColonnesParticipant, "Ref");
            Conclure(ligne);
            if (!ligne.Valide) continue;
            if (existant is null)
            {
                db.Participants.Add(participant!);
                Lier("Participants", ligne.Ref, participant!.Id.Valeur);
            }
            _participants[ligne.Ref] = participant!;
            suivis.Add(new Suivi(participant!, existant is null, participant!.Id.Valeur));
        }
        Compter(compteur, suivis);
    }

    /// <summary>The justificatif the workbook cannot carry: the structure checked the proof before the import.</summary>
    internal const string JustificatifImport = "Reprise de données : justificatif vérifié par la structure avant l'import";

    /// <summary>
    /// The proof type of an imported category: <see cref="JustificatifImport"/>; a sensitive category takes only a proof of
    /// its fixed list (nothing about health is written, §5), its first one (docs/domain.md, « Import »).
    /// </summary>
    private static string Justificatif(CategorieEligibilite categorie) =>
        categorie.EstSensible() ? categorie.JustificatifSuggere() : JustificatifImport;

    /// <summary>Ids in slices (an IN list stays under the providers' parameter limits).</summary>
    private static IEnumerable<List<T>> Lots<T>(IReadOnlyList<T> ids)
    {
        for (var i = 0; i < ids.Count; i += 500) yield return ids.Skip(i).Take(500).ToList();
    }

    // ---------------------------------------------------------------- Contrats
    private static readonly Dictionary<string, string> ColonnesContrat = new()
    {
        ["FinPrevue"] = "DateFin",
        ["FinReelle"] = "DateFin",
        ["EmployeurId"] = "Employeur",
        ["ParticipantId"] = "Participant",
        ["LotId"] = "Lot",
        ["MotifDerogation"] = "Derogation",
        ["Statut"] = "Ref",
        [""] = "Ref",
    };

    private async Task ContratsAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        // The records an earlier import linked that this sheet names without their row here.
        foreach (var lot in Lots(LiensVers(lignes, "Participant", "Participants").Select(ParticipantId.De).ToList()))
            foreach (var p in await db.Participants.Include(x => x.Decisions).Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                _participants[RefDe("Participants", p.Id.Valeur)] = p;
        foreach (var lot in Lots(LiensVers(lignes, "Lot", "Lots").Select(LotId.De).ToList()))
            foreach (var l in await db.Lots.Include(x => x.Attributions).Include(x => x.Obligations).Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                _lots[RefDe("Lots", l.Id.Valeur)] = l;
        foreach (var lot in Lots(LiensVers(lignes, "Employeur", "Entreprises").Select(EntrepriseId.De).ToList()))
            foreach (var en in await db.Entreprises.Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                _entreprises[RefDe("Entreprises", en.Id.Valeur)] = en;
        var existants = new Dictionary<Guid, Contrat>();
        foreach (var lot in Lots(LiensPropres(lignes, "Contrats").Select(ContratId.De).ToList()))
            foreach (var c in await db.Contrats.Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                existants[c.Id.Valeur] = c;

        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var participant = Reference(ligne, "Participant", _participants);
            var lot = Reference(ligne, "Lot", _lots);
            var employeur = Reference(ligne, "Employeur", _entreprises);
            var modalite = ligne.Valeur("Modalite", ConversionsImport.Code<ModaliteContrat>);
            var type = ligne.Valeur("TypeContrat", ConversionsImport.Code<TypeContrat>);
            var debut = ligne.Valeur("DateDebut", ConversionsImport.Date);
            var fin = ligne.Valeur("DateFin", ConversionsImport.Date);
            var derogation = ligne.Texte("Derogation");
            if (ligne.Ref is null || participant is null || lot is null || employeur is null || !ligne.Valide) { Conclure(ligne); continue; }
            // The workbook's one end date: the planned end of a fixed-term contract, the actual end of a CDI (which has no
            // planned end, DOMAIN.md §6).
            var sansFinPrevue = type is { } t && t.ADureeIndeterminee();
            var donnees = new DonneesContrat(modalite, type, debut, sansFinPrevue ? null : fin, sansFinPrevue ? fin : null);
            var existant = Lien("Contrats", ligne.Ref) is { } id && existants.TryGetValue(id, out var e) ? e : null;
            var contrat = existant;
            Domaine(ligne, () =>
            {
                if (existant is null)
                {
                    // Imported contrats are validated (IMPORT.md), with the written override of a start outside the window.
                    contrat = Contrat.Enregistrer(participant, lot, employeur, donnees, reglages, validerImmediatement: true, derogation, par, _maintenant);
                    return;
                }
                if (existant.ParticipantId != participant.Id || existant.LotId != lot.Id)
                    throw new RegleMetierException(existant.LotId != lot.Id ? "LotId" : "ParticipantId",
                        "Un contrat ne change ni de participant ni de lot : créez une nouvelle ligne avec une autre référence.");
                existant.Modifier(donnees, lot, employeur, participant, reglages);
                if (!existant.EligibiliteValide && !string.IsNullOrWhiteSpace(derogation) && existant.Statut == StatutContrat.Valide)
                    existant.Deroger(participant, reglages, derogation, par, _maintenant);
            }, ColonnesContrat, "Ref");
            Conclure(ligne);
            if (!ligne.Valide) continue;
            if (existant is null)
            {
                db.Contrats.Add(contrat!);
                Lier("Contrats", ligne.Ref, contrat!.Id.Valeur);
            }
            _contrats[ligne.Ref] = contrat!;
            suivis.Add(new Suivi(contrat!, existant is null, contrat!.Id.Valeur));
        }
        Compter(compteur, suivis);
    }

    // ---------------------------------------------------------------- Heures
    private static readonly Dictionary<string, string> ColonnesHeures = new()
    {
        ["MontantFacture"] = "MontantFactureHT",
        ["PartMainOeuvre"] = "MontantFactureHT",
        ["CoutHoraire"] = "MontantFactureHT",
        ["ContratId"] = "Contrat",
        ["Statut"] = "Statut",
        [""] = "Mois",
    };

    private async Task HeuresAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        foreach (var lot in Lots(LiensVers(lignes, "Contrat", "Contrats").Select(ContratId.De).ToList()))
            foreach (var c in await db.Contrats.Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                _contrats[RefDe("Contrats", c.Id.Valeur)] = c;
        var lotsManquants = _contrats.Values.Select(c => c.LotId).Distinct().Where(id => _lots.Values.All(l => l.Id != id)).ToList();
        var lotsDesContrats = _lots.Values.ToDictionary(l => l.Id);
        foreach (var lot in Lots(lotsManquants))
            foreach (var l in await db.Lots.Where(x => lot.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
                lotsDesContrats[l.Id] = l;

        // 1. The rows read; the months they name, per contrat.
        var cellules = new List<(LigneImport Ligne, Contrat Contrat, Mois Mois, SaisieHeures Saisie, StatutDeclaration Statut)>();
        var vues = new Dictionary<(ContratId, Mois), int>();
        foreach (var ligne in lignes)
        {
            var contrat = Reference(ligne, "Contrat", _contrats);
            var moisLu = ligne.Valeur("Mois", ConversionsImport.Mois);
            var heures = ligne.Valeur("Heures", ConversionsImport.Heures);
            var montant = ligne.Valeur("MontantFactureHT", ConversionsImport.Montant);
            var statut = ligne.Valeur("Statut", ConversionsImport.Code<StatutDeclaration>) ?? StatutDeclaration.Validee;
            if (statut == StatutDeclaration.Rejetee)
                ligne.Erreur("Statut", "Une ligne importée est « Validee » (par défaut) ou « Declaree » : une ligne rejetée ne s'importe pas.");
            if (contrat is null || moisLu is not { } leMois || !ligne.Valide) continue;
            if (vues.TryGetValue((contrat.Id, leMois), out var autre))
            {
                ligne.Erreur("Mois", $"Ce contrat a déjà une ligne pour {leMois} (ligne {autre} de cette feuille) : une seule ligne par contrat et par mois.");
                continue;
            }
            vues[(contrat.Id, leMois)] = ligne.Numero;
            cellules.Add((ligne, contrat, leMois, new SaisieHeures(heures, montant), statut));
        }
        if (cellules.Count == 0)
        {
            compteur.Crees = compteur.Modifies = compteur.Inchanges = 0;
            return;
        }

        // 2. What the grid needs, loaded once (as ServiceHeures.SaisirGrilleAsync): the existing lines of these contrats, and
        // the participants' minutes of these months on every lot (§7.1, the maximum counts across lots).
        var contrats = cellules.Select(c => c.Contrat).DistinctBy(c => c.Id).ToList();
        var idsContrats = contrats.Where(c => db.Entry(c).State != EntityState.Added).Select(c => c.Id).ToList();
        var mois = cellules.Select(c => c.Mois).Distinct().ToList();
        var existantes = new List<DeclarationHeures>();
        foreach (var lot in Lots(idsContrats))
            existantes.AddRange(await db.DeclarationsHeures.Include(d => d.Versions).Where(d => lot.Contains(d.ContratId) && mois.Contains(d.Mois))
                .ToListAsync(annulation).ConfigureAwait(false));
        var participants = contrats.Select(c => c.ParticipantId).Distinct().ToList();
        var minutes = new List<MinutesParticipant>();
        foreach (var lot in Lots(participants))
            minutes.AddRange(await db.DeclarationsHeures.AsNoTracking()
                .Where(d => lot.Contains(d.ParticipantId) && mois.Contains(d.Mois))
                .Where(Comptage.PeseSurLeMaximumMensuel)
                .Select(d => new MinutesParticipant(d.ParticipantId, d.Mois, d.ContratId, d.Minutes))
                .ToListAsync(annulation).ConfigureAwait(false));

        // 3. Every cell through the grid of the facilitateur (declare, or correct when the month has a line; the same value
        // writes nothing). A « Declaree » line is entered as a declaration awaiting validation, not as the facilitateur's own.
        var grille = new GrilleHeures(contrats.Select(c => lotsDesContrats[c.LotId]).DistinctBy(l => l.Id), reglages, contrats, existantes, minutes);
        var lignesExistantes = existantes.ToDictionary(d => (d.ContratId, d.Mois));
        var declarant = par with { EstFacilitateur = false };
        var versions = lignesExistantes.ToDictionary(l => l.Key, l => l.Value.VersionCourante);
        foreach (var (_, contrat, m, saisie, statut) in cellules)
            grille.Appliquer(contrat.Id, m, saisie, statut == StatutDeclaration.Declaree ? declarant : par, _maintenant);
        foreach (var refus in grille.Refus)
        {
            var ligne = cellules.First(c => c.Contrat.Id == refus.ContratId && c.Mois == refus.Mois).Ligne;
            foreach (var e in refus.Erreur.Toutes) ligne.Erreur(ColonneDe(FormatImport.Heures, e.Champ, ColonnesHeures, "Mois"), e.Message);
        }
        db.DeclarationsHeures.AddRange(grille.Nouvelles);
        var nouvelles = grille.Nouvelles.ToDictionary(d => (d.ContratId, d.Mois));
        foreach (var (ligne, contrat, m, _, _) in cellules.Where(c => c.Ligne.Valide))
        {
            if (nouvelles.TryGetValue((contrat.Id, m), out var nouvelle))
            {
                compteur.Crees++;
                Signaler(ligne, nouvelle);
            }
            else if (lignesExistantes.TryGetValue((contrat.Id, m), out var existante))
            {
                if (existante.VersionCourante != versions[(contrat.Id, m)]) compteur.Modifies++;
                else compteur.Inchanges++;
                Signaler(ligne, existante);
            }
        }
    }

    /// <summary>A line kept but out of the contrat's or the lot's period is flagged, as on the pages (§7.2): a warning, not an error.</summary>
    private void Signaler(LigneImport ligne, DeclarationHeures declaration)
    {
        if (declaration.HorsPeriode)
            Avertissements.Add(new ErreurImport(ligne.Feuille.Nom, ligne.Numero, "Mois",
                $"{declaration.Mois} est hors des dates du contrat ou de l'exécution du lot : la ligne est gardée, marquée « hors période », et ne compte pas."));
    }
}
