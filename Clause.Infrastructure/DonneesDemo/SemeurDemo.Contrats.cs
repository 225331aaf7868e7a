using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// Demo contrats and monthly hours (DOMAIN.md §6, §7): about 250 contrats on the lots in execution or closed, with
/// eligible participants (a few outside their window with a written override, a few flagged after a corrected start),
/// employers fitting the modality, and the monthly hours from the start of each lot to the month before today —
/// some lots ahead of their target, some behind, a few rejected lines with their motive, corrections, the last month
/// mostly pending, sous-traitance declared by invoiced amount and converted. Runs last: it reads the lots, the
/// companies and the participants already saved.
/// </summary>
public sealed partial class SemeurDemo
{
    public const int ContratsDemoCible = 250;
    private const int ContratsParLotMax = 4;
    private const int DerogationsDemo = 5;
    private const int SignalementsDemo = 3;
    private const int ParticipantsMinimumDemo = 60;

    private static readonly string[] MotifsRejetDemo =
    [
        "Relevé d'heures non signé par le salarié.",
        "Heures déjà déclarées sur un autre lot pour le même mois.",
        "Absence de justificatif (bulletin de paie ou relevé de mission).",
        "Heures d'un jour férié non travaillé comptées par erreur.",
    ];

    private static readonly (string Poste, string Rome)[] PostesDemo =
    [
        ("Maçon", "F1703"), ("Manœuvre du BTP", "F1704"), ("Peintre en bâtiment", "F1606"), ("Plaquiste", "F1604"),
        ("Agent de propreté", "K2204"), ("Ouvrier paysagiste", "A1203"), ("Électricien du bâtiment", "F1602"),
        ("Plombier chauffagiste", "F1603"), ("Coffreur bancheur", "F1701"), ("Ouvrier de voirie", "F1702"),
        ("Menuisier poseur", "F1607"), ("Agent d'entretien des bâtiments", "I1203"),
    ];

    private async Task SemerContratsAsync(StructureId structureId, CancellationToken annulation)
    {
        var reglages = await db.Reglages.AsNoTracking().SingleAsync(r => r.StructureId == structureId, annulation).ConfigureAwait(false);
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().Date);
        var dernierMois = Mois.De(aujourdhui.AddMonths(-1));
        var maintenant = horloge.GetUtcNow();

        var facilitateurCompte = await utilisateurs.FindByEmailAsync($"facilitateur@{Domaine}").ConfigureAwait(false);
        var entrepriseCompte = await utilisateurs.FindByEmailAsync($"entreprise@{Domaine}").ConfigureAwait(false);
        var facilitateur = new Auteur(facilitateurCompte?.Id ?? Guid.Parse("0193a000-0000-7000-8000-00000000fac1"), facilitateurCompte?.NomComplet ?? "Facilitateur démo", true);
        var saisieEntreprise = new Auteur(entrepriseCompte?.Id ?? Guid.Parse("0193a000-0000-7000-8000-0000000000e1"), entrepriseCompte?.NomComplet ?? "Service RH", false);
        _entrepriseDemo = entrepriseCompte?.EntrepriseId;

        StatutLot[] executes = [StatutLot.EnExecution, StatutLot.ClotureAVerifier, StatutLot.CloseConforme, StatutLot.CloseNonConforme];
        var lots = await db.Lots.AsNoTracking().Include(l => l.Attributions)
            .Where(l => l.StructureId == structureId && executes.Contains(l.Statut) && l.HeuresDuesMinutes > 0)
            .ToListAsync(annulation).ConfigureAwait(false);
        // A stable order (ids are time-based), then shuffled: the lots left without contrat once the target is reached are any.
        lots = _faker.Random.Shuffle(lots.OrderBy(l => l.DebutExecution).ThenBy(l => l.MontantHTCentimes).ThenBy(l => l.Libelle, StringComparer.Ordinal)).ToList();
        // The lots in execution first (a stable sort keeps the shuffle inside each group): the home page shows them. A first
        // pass gives each of them one contrat, so most of them have hours; a second pass, over every lot (in execution first),
        // adds the next contrats of a lot — up to ContratsParLotMax — while the target lasts; the closed lots take what is left.
        lots = lots.OrderBy(l => l.Statut == StatutLot.EnExecution ? 0 : 1).ToList();
        var parcours = lots.Where(l => l.Statut == StatutLot.EnExecution).Select(l => (Lot: l, Jusqua: 1))
            .Concat(lots.Select(l => (Lot: l, Jusqua: ContratsParLotMax))).ToList();
        var etats = new Dictionary<LotId, (double Profil, long Realise, DateOnly Suivant, int Contrats)>();
        var entreprises = await db.Entreprises.AsNoTracking().Where(e => e.StructureId == structureId)
            .ToListAsync(annulation).ConfigureAwait(false);
        entreprises = entreprises.OrderBy(e => e.RaisonSociale, StringComparer.Ordinal).ThenBy(e => e.Siret, StringComparer.Ordinal).ToList();
        var participants = await ParticipantsEligiblesAsync(structureId, reglages, annulation).ConfigureAwait(false);
        if (lots.Count == 0 || participants.Count == 0) return;

        var charges = participants.ToDictionary(p => p.Id, _ => new List<(DateOnly Fin, int Hebdo)>());
        var minutesDuMois = new Dictionary<(ParticipantId, int), long>();
        var curseur = 0;
        var contrats = 0;
        var derogations = 0;
        var signalements = 0;
        var enCours = new List<object>();

        foreach (var (lot, jusqua) in parcours)
        {
            if (contrats >= ContratsDemoCible) break;
            var finVisible = Min(lot.FinExecution, dernierMois.Dernier);
            // Draws first, once per lot: ahead (×1,15–1,4), on track (×0,9–1,05), behind (×0,45–0,75) or in difficulty
            // (×0,12–0,3) of the straight target line.
            if (!etats.TryGetValue(lot.Id, out var etat))
            {
                var tire = _faker.Random.WeightedRandom(
                    [_faker.Random.Double(1.15, 1.4), _faker.Random.Double(0.9, 1.05), _faker.Random.Double(0.45, 0.75), _faker.Random.Double(0.12, 0.3)],
                    [0.25f, 0.4f, 0.25f, 0.1f]);
                etat = (tire, 0, default, 0);
            }
            var profil = etat.Profil;
            if (finVisible < lot.DebutExecution.AddDays(20))
            {
                etats[lot.Id] = etat;
                continue;
            }
            var fraction = (double)(finVisible.DayNumber - lot.DebutExecution.DayNumber + 1) / (lot.FinExecution.DayNumber - lot.DebutExecution.DayNumber + 1);
            var cible = (long)(lot.HeuresDuesMinutes * fraction * profil);
            var realise = etat.Realise;
            // The pace the profile asks for: below a full-time month, the lot employs part-time.
            var moisVisibles = Math.Max(1, (finVisible.DayNumber - lot.DebutExecution.DayNumber + 1) / 30);
            var rythme = cible / moisVisibles;
            var suivant = etat.Contrats == 0 ? lot.DebutExecution.AddDays(_faker.Random.Int(-10, 25)) : etat.Suivant;
            var k = etat.Contrats;
            for (; k < jusqua && realise < cible && contrats < ContratsDemoCible; k++)
            {
                // Contrats follow one another over the lot's execution (sometimes overlapping).
                var debut = Max(suivant, lot.DebutExecution.AddDays(-reglages.AnticipationDebutContratJours));
                var duree = _faker.Random.Int(6, 18);
                var hebdo = (int)Math.Clamp(rythme * 12 / 52 / 60 * _faker.Random.Double(0.9, 1.2), 12, 35);
                var (modalite, employeur) = ModaliteEtEmployeur(lot, entreprises);
                var poste = _faker.PickRandom(PostesDemo);
                // A small lot is not flooded: no longer than its remaining target needs, plus two months.
                var mensuelPrevu = hebdo * 60L * 52 / 12;
                duree = (int)Math.Min(duree, 2 + ((cible - realise) / mensuelPrevu));
                suivant = debut.AddMonths(duree).AddDays(_faker.Random.Int(-30, 30));
                if (debut > finVisible.AddDays(-20)) break;
                var fin = Min(debut.AddMonths(duree).AddDays(-1), lot.FinExecution);

                var (participant, controle) = ChoisirParticipant(participants, charges, debut, hebdo, reglages, ref curseur, derogations < DerogationsDemo);
                if (participant is null) break;
                var donnees = new DonneesContrat(modalite, TypeContratDemo(modalite), debut, fin, fin < aujourdhui && _faker.Random.Bool(0.3f) ? fin : null,
                    Duree.Heures(hebdo), poste.Poste, poste.Rome);
                // A CDI has no planned end (DOMAIN.md §6): one whose demo duration is over has ended, the others run on.
                if (donnees.TypeContrat!.Value.ADureeIndeterminee())
                    donnees = donnees with { FinPrevue = null, FinReelle = fin < aujourdhui ? fin : null };
                var contrat = Contrat.Proposer(participant, lot, employeur, donnees, reglages,
                    _faker.Random.Bool(0.6f) ? saisieEntreprise : facilitateur, maintenant);
                var derogation = controle == StatutEligibilite.HorsFenetre
                    ? "Embauche prévue avant la fin de la fenêtre, décalée par l'entreprise ; parcours suivi par le PLIE sans interruption."
                    : null;
                contrat.Valider(participant, reglages, derogation, facilitateur, maintenant);
                if (derogation is not null) derogations++;
                // A few starts corrected after validation fall past the window: the contrat is flagged, its hours do not count.
                var fenetre = participant.DecisionCouvrant(debut, reglages)?.Fenetre(reglages.FenetreEligibiliteMois);
                if (derogation is null && signalements < SignalementsDemo && fenetre is { } f && f.Fin < fin.AddDays(-40) && f.Fin.AddDays(10) <= finVisible)
                {
                    contrat.Modifier(donnees with { DateDebut = f.Fin.AddDays(10) }, lot, employeur, participant, reglages);
                    signalements++;
                }
                enCours.Add(contrat);
                charges[participant.Id].Add((contrat.Periode.Fin, hebdo));
                contrats++;
                realise += SemerHeures(contrat, lot, reglages, dernierMois, hebdo, minutesDuMois, facilitateur, saisieEntreprise, maintenant, enCours);
            }
            etats[lot.Id] = (profil, realise, suivant, k);
            if (enCours.Count >= 600)
            {
                await EnregistrerLotDemoAsync(enCours, annulation).ConfigureAwait(false);
            }
        }

        SemerPropositions(lots, entreprises, participants, charges, reglages, aujourdhui, facilitateur, saisieEntreprise, maintenant, ref curseur, enCours);
        await EnregistrerLotDemoAsync(enCours, annulation).ConfigureAwait(false);
    }

    /// <summary>The company of the demo Entreprise account: late with its last two months, and one line of it to correct (its portal shows both).</summary>
    private EntrepriseId? _entrepriseDemo;

    private bool _rejetDemoFait;

    private async Task EnregistrerLotDemoAsync(List<object> entites, CancellationToken annulation)
    {
        db.AddRange(entites);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        entites.Clear();
    }

    /// <summary>The monthly lines of a validated contrat up to the month before today; returns the minutes entered.</summary>
    private long SemerHeures(Contrat contrat, Lot lot, Reglages reglages, Mois dernierMois, int hebdo, Dictionary<(ParticipantId, int), long> minutesDuMois,
        Auteur facilitateur, Auteur saisieEntreprise, DateTimeOffset maintenant, List<object> entites)
    {
        long total = 0;
        var mensuel = hebdo * 60L * 52 / 12;
        var parMontant = contrat.Modalite.AccepteMontantFacture() && _faker.Random.Bool(0.6f);
        var dernier = Min(contrat.Periode.Fin, dernierMois.Dernier);
        for (var mois = Mois.De(contrat.DateDebut); mois.Premier <= dernier; mois = mois.Suivant)
        {
            var debut = Max(mois.Premier, contrat.DateDebut);
            var fin = Min(mois.Dernier, contrat.Periode.Fin);
            var jours = fin.DayNumber - debut.DayNumber + 1;
            var alea = _faker.Random.Double(0.8, 1.05);
            var parEntreprise = _faker.Random.Bool(0.75f);
            var tirageStatut = _faker.Random.Int(1, 100);
            var motif = _faker.PickRandom(MotifsRejetDemo);
            var minutes = Math.Min(reglages.MaxMinutesParMois, (long)(mensuel * jours / mois.Dernier.Day * alea) / 15 * 15);
            // After the draws, so the random sequence of everything else stays the same: the demo company's last two months
            // on its lots in execution are not declared yet (§7.7: one already late, the other late after the 10th).
            var demo = contrat.EmployeurId == _entrepriseDemo && lot.Statut == StatutLot.EnExecution;
            if (demo && mois >= Mois.De(dernierMois.Premier.AddMonths(-1))) continue;
            if (minutes <= 0) continue;
            var cle = (contrat.ParticipantId, mois.Code);
            var autres = minutesDuMois.GetValueOrDefault(cle);
            if (autres + minutes > reglages.MaxMinutesParMois) continue;

            var saisie = parMontant
                ? SaisieHeures.ParMontant(new Montant(minutes * lot.CoutHoraireEffectif(reglages).Centimes * Taux.Cent / (60L * lot.PartMainOeuvrePdb) / 100 * 100))
                : SaisieHeures.EnHeures(new Duree(minutes));
            var aRejeter = demo && !_rejetDemoFait && mois == Mois.De(dernierMois.Premier.AddMonths(-2));
            var ligne = DeclarationHeures.Declarer(contrat, lot, mois, saisie, new SituationMois(autres), reglages,
                parEntreprise || aRejeter ? saisieEntreprise : facilitateur, maintenant);
            // The last month is mostly still awaiting validation.
            var enAttente = mois == dernierMois && tirageStatut <= 75;
            if (ligne.Statut == StatutDeclaration.Declaree && !enAttente)
            {
                if (aRejeter)
                {
                    // One line the demo company has to correct, with the facilitateur's reason.
                    ligne.Rejeter(MotifsRejetDemo[0], facilitateur, maintenant);
                    _rejetDemoFait = true;
                }
                else if (tirageStatut <= 5)
                {
                    ligne.Rejeter(motif, facilitateur, maintenant);
                    // Half the rejected lines were corrected by the company and validated.
                    if (tirageStatut <= 2)
                    {
                        ligne.Corriger(contrat, lot, SaisieHeures.EnHeures(new Duree(ligne.Minutes * 9 / 10 / 15 * 15)), "Relevé corrigé après rejet",
                            new SituationMois(autres), reglages, saisieEntreprise, maintenant);
                        ligne.Valider(facilitateur, maintenant);
                    }
                }
                else ligne.Valider(facilitateur, maintenant);
            }
            entites.Add(ligne);
            if (ligne.Statut != StatutDeclaration.Rejetee) minutesDuMois[cle] = autres + ligne.Minutes;
            total += ligne.Minutes;
        }
        return total;
    }

    /// <summary>A modality drawn with the usual shares, and an employer that fits it (the lot's titulaire when none does).</summary>
    private (ModaliteContrat, Entreprise) ModaliteEtEmployeur(Lot lot, List<Entreprise> entreprises)
    {
        var modalite = _faker.Random.WeightedRandom(
            [ModaliteContrat.EmbaucheDirecte, ModaliteContrat.MiseADispositionEtti, ModaliteContrat.MiseADispositionAi, ModaliteContrat.MiseADispositionGeiq,
             ModaliteContrat.MiseADispositionEtt, ModaliteContrat.SousTraitanceSiae, ModaliteContrat.CoTraitanceSiae, ModaliteContrat.SousTraitanceEaEsat,
             ModaliteContrat.Formation],
            [0.4f, 0.15f, 0.07f, 0.07f, 0.05f, 0.13f, 0.03f, 0.05f, 0.05f]);
        var tirage = _faker.Random.Int(0, 1_000);
        var titulaires = lot.Attributions.Where(a => a.EstTitulaire).Select(a => a.EntrepriseId).ToHashSet();
        var soustraitants = lot.Attributions.Where(a => a.Role == RoleAttribution.SousTraitant).Select(a => a.EntrepriseId).ToHashSet();
        var candidats = modalite switch
        {
            ModaliteContrat.EmbaucheDirecte => entreprises.Where(e => titulaires.Contains(e.Id)).ToList(),
            ModaliteContrat.Formation => entreprises.Where(e => e.TypeEmployeur == TypeEmployeur.Classique).ToList(),
            // The lot's declared sous-traitant when it fits, else any structure of the right kind.
            _ => entreprises.Where(e => modalite.AccepteEmployeur(e.TypeEmployeur) && soustraitants.Contains(e.Id)).ToList() is { Count: > 0 } declares
                ? declares
                : entreprises.Where(e => modalite.AccepteEmployeur(e.TypeEmployeur)).ToList(),
        };
        if (candidats.Count > 0) return (modalite, candidats[tirage % candidats.Count]);
        var titulaire = entreprises.First(e => titulaires.Contains(e.Id));
        return (ModaliteContrat.EmbaucheDirecte, titulaire);
    }

    // A pending proposal lasts six months at most; a CDI, having no planned end, is proposed without one.
    private DonneesContrat ProposeeDemo(ModaliteContrat modalite, DateOnly debut, Lot lot, string poste, string rome)
    {
        var type = TypeContratDemo(modalite);
        return new DonneesContrat(modalite, type, debut, type.ADureeIndeterminee() ? null : Min(debut.AddMonths(6), lot.FinExecution), null,
            Duree.Heures(35), poste, rome);
    }

    private TypeContrat TypeContratDemo(ModaliteContrat modalite) => modalite switch
    {
        ModaliteContrat.EmbaucheDirecte => _faker.PickRandom(TypeContrat.CDD, TypeContrat.CDD, TypeContrat.CDDChantier, TypeContrat.CDI, TypeContrat.ContratPro, TypeContrat.Apprentissage),
        ModaliteContrat.MiseADispositionEtti => TypeContrat.InterimInsertion,
        ModaliteContrat.MiseADispositionAi => TypeContrat.MiseADispositionAi,
        ModaliteContrat.MiseADispositionGeiq => TypeContrat.Geiq,
        ModaliteContrat.MiseADispositionEtt => TypeContrat.Interim,
        ModaliteContrat.SousTraitanceSiae or ModaliteContrat.CoTraitanceSiae => _faker.PickRandom(TypeContrat.CDDI, TypeContrat.CDDI, TypeContrat.CDIInclusion),
        ModaliteContrat.SousTraitanceEaEsat => TypeContrat.CDD,
        _ => TypeContrat.Autre,
    };

    /// <summary>
    /// The next participant (round robin) with room for <paramref name="hebdo"/> more weekly hours (at most 39 h across
    /// their contrats running at the start) whose eligibility window covers the start; when overrides are still to be
    /// shown, one whose window closed before the start may be taken (with an override).
    /// </summary>
    private static (Participant? Participant, StatutEligibilite Statut) ChoisirParticipant(List<Participant> participants,
        Dictionary<ParticipantId, List<(DateOnly Fin, int Hebdo)>> charges, DateOnly debut, int hebdo, Reglages reglages, ref int curseur, bool derogationPossible)
    {
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[(curseur + i) % participants.Count];
            if (charges[participant.Id].Where(c => c.Fin >= debut).Sum(c => c.Hebdo) + hebdo > 39) continue;
            var statut = participant.Controler(debut, reglages).Statut;
            var horsFenetreApres = statut == StatutEligibilite.HorsFenetre && participant.Decisions.All(d => d.DateValidation < debut);
            if (statut == StatutEligibilite.Couvert || (derogationPossible && horsFenetreApres))
            {
                curseur = (curseur + i + 1) % participants.Count;
                return (participant, statut);
            }
        }
        return (null, StatutEligibilite.SansDecision);
    }

    /// <summary>Proposals awaiting validation on lots in execution, and a few refusals with their reason.</summary>
    private void SemerPropositions(List<Lot> lots, List<Entreprise> entreprises, List<Participant> participants, Dictionary<ParticipantId, List<(DateOnly Fin, int Hebdo)>> charges,
        Reglages reglages, DateOnly aujourdhui, Auteur facilitateur, Auteur saisieEntreprise, DateTimeOffset maintenant, ref int curseur, List<object> entites)
    {
        var ouverts = lots.Where(l => l.Statut == StatutLot.EnExecution && l.FinExecution > aujourdhui.AddMonths(2)).ToList();
        for (var i = 0; i < Math.Min(8, ouverts.Count); i++)
        {
            var lot = ouverts[i * ouverts.Count / 8];
            var debut = Max(aujourdhui.AddDays(_faker.Random.Int(5, 30)), lot.DebutExecution);
            var (modalite, employeur) = ModaliteEtEmployeur(lot, entreprises);
            var poste = _faker.PickRandom(PostesDemo);
            var refuse = i >= 6;
            var (participant, _) = ChoisirParticipant(participants, charges, debut, 35, reglages, ref curseur, false);
            if (participant is null) return;
            var contrat = Contrat.Proposer(participant, lot, employeur,
                ProposeeDemo(modalite, debut, lot, poste.Poste, poste.Rome),
                reglages, saisieEntreprise, maintenant);
            if (refuse) contrat.Refuser(_faker.PickRandom("Le poste proposé ne relève pas du lot.", "Le participant a retrouvé un emploi durable avant le démarrage.",
                "Doublon d'une proposition déjà validée."), facilitateur, maintenant);
            charges[participant.Id].Add((contrat.Periode.Fin, 35));
            entites.Add(contrat);
        }
    }

    /// <summary>
    /// The participants with a decision, read back (the participants step runs before); on a database without them, a
    /// small set is registered here so the contrats have someone to employ.
    /// </summary>
    private async Task<List<Participant>> ParticipantsEligiblesAsync(StructureId structureId, Reglages reglages, CancellationToken annulation)
    {
        var existants = await db.Participants.AsNoTracking().Include(p => p.Decisions)
            .Where(p => p.StructureId == structureId && p.Decisions.Any())
            .ToListAsync(annulation).ConfigureAwait(false);
        if (existants.Count < ParticipantsMinimumDemo)
        {
            var nouveaux = new List<Participant>();
            for (var i = 0; i < 2 * ParticipantsMinimumDemo; i++)
            {
                var validation = new DateOnly(2024, 1, 8).AddDays(_faker.Random.Int(0, 900));
                var femme = _faker.Random.Bool();
                var participant = Participant.Creer(structureId, new DonneesParticipant(_faker.Name.LastName(),
                    _faker.Name.FirstName(femme ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male), femme ? Sexe.F : Sexe.M,
                    validation.AddYears(-_faker.Random.Int(20, 58)).AddDays(-_faker.Random.Int(1, 360)), _faker.Address.StreetAddress(), "37540",
                    "Saint-Aubin-sur-Loire", false, null, NiveauQualification.Niveau3, Prescripteur.FranceTravail, null, null, validation), validation);
                participant.ValiderEligibilite(validation, [new CategorieSaisie(CategorieEligibilite.RSA, CategorieEligibilite.RSA.JustificatifSuggere())],
                    null, null, Guid.Parse("0193a000-0000-7000-8000-00000000fac1"), "Facilitateur démo", reglages, validation);
                nouveaux.Add(participant);
            }
            db.Participants.AddRange(nouveaux);
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            existants.AddRange(nouveaux);
        }
        return existants.OrderBy(p => p.Nom, StringComparer.Ordinal).ThenBy(p => p.Prenom, StringComparer.Ordinal).ThenBy(p => p.DateNaissance).ToList();
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
