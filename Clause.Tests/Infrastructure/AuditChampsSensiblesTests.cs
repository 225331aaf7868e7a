using System.Reflection;
using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure;

/// <summary>
/// Meta-test (les-emplois style): every property marked [Sensible] on an entity of the EF model is masked in the audit
/// trail, written through the real <see cref="AuditInterceptor"/> into a real SQLite database. The sensitive
/// properties are found by reflection over the model, so a new [Sensible] field is covered without editing this test;
/// a new entity type carrying one needs its factory below, and the test fails until it has one (never a silent skip).
/// The fields DOMAIN.md §12 names as personal data are also pinned, so removing [Sensible] from one fails too.
/// </summary>
public sealed class AuditChampsSensiblesTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Personal data that must stay out of the journal (DOMAIN.md §5, §6, §12).</summary>
    private static readonly string[] ChampsSensiblesAttendus =
    [
        "Participant.Nom", "Participant.Prenom", "Participant.DateNaissance", "Participant.Adresse", "Participant.CodePostal",
        "Participant.Commune", "Participant.CodeQpv", "Participant.IdentifiantFranceTravail",
        "DecisionEligibilite.MotifAvis",
        "CategorieDecision.Categorie", "CategorieDecision.Justificatif", "CategorieDecision.FinDroits",
        "Contrat.MotifDerogation",
        "PropositionEmbauche.Nom", "PropositionEmbauche.Prenom", "PropositionEmbauche.DateNaissance", "PropositionEmbauche.Email",
        "PropositionEmbauche.Telephone",
        "Alerte.Texte",
        "Parcours.Th", "Parcours.MotifReouverture", "Etape.Bilan",
    ];

    /// <summary>
    /// For each entity type with a [Sensible] property, the records to save so that one of that type is written with
    /// every sensitive property filled (roots carry their parts).
    /// </summary>
    private static readonly Dictionary<Type, Func<SituationsContrats, object[]>> Fabriques = new()
    {
        [typeof(Participant)] = s => [ParticipantComplet(s)],
        [typeof(DecisionEligibilite)] = s => [AvecAvisMotive(s)],
        [typeof(CategorieDecision)] = s => [AvecAvisMotive(s)],
        [typeof(Contrat)] = s =>
        {
            var ancien = s.UnParticipantEligible("Bernard", new DateOnly(2024, 1, 10));
            var contrat = s.UnContratPropose(participant: ancien, debut: new DateOnly(2026, 1, 11));
            contrat.Valider(ancien, s.Reglages, "Embauche décalée d'un jour par l'entreprise (intempéries).", SituationsContrats.Facilitateur,
                SituationsContrats.Maintenant);
            return [ancien, contrat];
        },
        [typeof(Clause.Domain.Alertes.Alerte)] = s =>
        [
            Clause.Domain.Alertes.Alerte.Creer(s.StructureId, Clause.Domain.Alertes.NatureAlerte.FinContrat, Guid.CreateVersion7(), new DateOnly(2026, 4, 1),
                Guid.CreateVersion7(), "Le contrat de Léa Martin finit le 01/04/2026.", "/Contrats", SituationsContrats.Maintenant),
        ],
        [typeof(Clause.Domain.Parcours.Parcours)] = s => ParcoursComplet(s),
        [typeof(Clause.Domain.Parcours.Etape)] = s => ParcoursComplet(s),
        // A candidature validated with a derogation (its start is one day past the window), not retained, then followed up.
        [typeof(Clause.Domain.Placement.Candidature)] = s =>
        {
            var ancien = s.UnParticipantEligible("Bernard", new DateOnly(2024, 1, 10));
            s.Lot.Lancer();
            s.Lot.MettreEnExecution();
            var poste = Clause.Domain.Placement.PosteAPourvoir.Creer(s.Lot, s.Titulaire.Id,
                new Clause.Domain.Placement.DonneesPoste("Maçon VRD", "F1703", 1, TypeContrat.CDD, new DateOnly(2026, 1, 11), Duree.Heures(35), "Tours", null),
                SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            var candidature = Clause.Domain.Placement.Candidature.Proposer(poste, ancien, "paul.bernard@exemple.fr", "06 12 34 56 78", s.Reglages,
                SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            candidature.Valider(poste, ancien, s.Reglages, "Entrée décalée d'un jour par l'entreprise (intempéries).", SituationsContrats.Facilitateur,
                SituationsContrats.Maintenant);
            Clause.Domain.Placement.Candidature.PresenterListe(poste, [candidature], SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            candidature.NePasRetenir(Clause.Domain.Placement.MotifNonRetenu.ProfilInadapte, "Pas de CACES, reconnu à l'entretien.", SituationsContrats.Entreprise,
                SituationsContrats.Maintenant);
            candidature.NoterSuite("Formation CACES prévue en février.", SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
            return [ancien, poste, candidature];
        },
        [typeof(PropositionEmbauche)] = s =>
        [
            PropositionEmbauche.Proposer(s.Titulaire.Id, s.Lot, s.Titulaire,
                new PersonneProposee("Durand", "Inès", new DateOnly(1995, 3, 2), "ines.durand@exemple.fr", "06 12 34 56 78"),
                SituationsContrats.Donnees(), s.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant, new DateOnly(2026, 12, 20)),
        ],
    };

    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private static Participant ParticipantComplet(SituationsContrats s) =>
        Participant.Creer(s.StructureId, ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: "QP037005", nom: "Durand", prenom: "Inès"),
            new DateOnly(2024, 1, 5));

    /// <summary>A TH participant's parcours, closed then reopened with a reason, with an étape and its bilan.</summary>
    private static object[] ParcoursComplet(SituationsContrats s)
    {
        var participant = ParticipantComplet(s);
        participant.Valider(new DateOnly(2025, 1, 10), CategorieEligibilite.TH);
        var referent = Guid.CreateVersion7();
        var parcours = Clause.Domain.Parcours.Parcours.Ouvrir(participant,
            new Clause.Domain.Parcours.DonneesOuverture(referent, new DateOnly(2025, 2, 1), null, Clause.Domain.Parcours.TrancheInactivite.PlusDeCinqAns),
            new Clause.Domain.Parcours.ReferentCandidat(referent, s.StructureId, true), false, new DateOnly(2026, 12, 20));
        parcours.AjouterEtape(new Clause.Domain.Parcours.DonneesEtape(Clause.Domain.Parcours.TypeEtape.Mobilisation, new DateOnly(2025, 2, 3), null,
            "Atelier Tremplin", true, "Difficultés de santé évoquées au bilan."));
        parcours.Cloturer(Clause.Domain.Parcours.TypeSortie.Abandon, new DateOnly(2025, 3, 1), parcours.Composer([], s.Reglages), s.Reglages,
            new DateOnly(2026, 12, 20));
        parcours.Rouvrir("Retour après une hospitalisation.", false, new DateOnly(2026, 12, 20));
        return [participant, parcours];
    }

    private static Participant AvecAvisMotive(SituationsContrats s)
    {
        var participant = ParticipantComplet(s);
        participant.ValiderEligibilite(new DateOnly(2025, 1, 10),
            [new CategorieSaisie(CategorieEligibilite.AvisMotive, "Avis écrit de la conseillère", new DateOnly(2026, 6, 30))],
            Prescripteur.FranceTravail, "Sortie de détention récente, isolement, aucun emploi depuis trois ans.",
            ParticipantsDeTest.FacilitateurId, ParticipantsDeTest.FacilitateurNom, s.Reglages, new DateOnly(2025, 1, 10));
        return participant;
    }

    /// <summary>Entity type → its [Sensible] properties, read from the model of the app's DbContext.</summary>
    private Dictionary<Type, List<PropertyInfo>> ProprietesSensiblesDuModele()
    {
        using var db = _base.Systeme();
        return db.Model.GetEntityTypes()
            .Select(t => (t.ClrType, Proprietes: t.GetProperties()
                .Select(p => p.PropertyInfo)
                .Where(p => p?.GetCustomAttribute<SensibleAttribute>() is not null)
                .Select(p => p!)
                .ToList()))
            .Where(t => t.Proprietes.Count > 0)
            .ToDictionary(t => t.ClrType, t => t.Proprietes);
    }

    [Fact]
    public void Les_donnees_personnelles_connues_sont_marquees_sensibles()
    {
        var marquees = ProprietesSensiblesDuModele().SelectMany(t => t.Value.Select(p => $"{t.Key.Name}.{p.Name}")).ToHashSet();

        Assert.All(ChampsSensiblesAttendus, champ => Assert.True(marquees.Contains(champ), $"{champ} doit porter [Sensible] : il est masqué dans le journal."));
    }

    [Fact]
    public async Task Chaque_propriete_sensible_du_modele_est_masquee_dans_le_journal()
    {
        var sensibles = ProprietesSensiblesDuModele();
        Assert.NotEmpty(sensibles);
        Assert.All(sensibles.Keys, type => Assert.True(Fabriques.ContainsKey(type),
            $"{type.Name} porte des propriétés [Sensible] : ajoutez sa fabrique à {nameof(AuditChampsSensiblesTests)}.{nameof(Fabriques)}."));

        foreach (var (type, proprietes) in sensibles)
        {
            var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
            await using (var systeme = _base.Systeme())
            {
                systeme.Structures.Add(structure);
                await systeme.SaveChangesAsync();
            }
            var s = new SituationsContrats(structure.Id);
            var enregistrements = Fabriques[type](s);
            await using (var db = _base.Pour(structure.Id))
            {
                db.Reglages.Add(s.Reglages);
                db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
                db.Operations.Add(s.Marches.Operation);
                db.Entreprises.Add(s.Titulaire);
                db.Marches.Add(s.Lot.Marche);
                db.AddRange(enregistrements);
                await db.SaveChangesAsync();
            }

            await using var lecture = _base.Pour(structure.Id);
            var lignes = await lecture.JournalAudit.Where(j => j.StructureId == structure.Id && j.TypeEntite == type.Name).ToListAsync();
            Assert.True(lignes.Count > 0, $"La fabrique de {type.Name} n'enregistre aucun {type.Name}.");
            foreach (var ligne in lignes)
            {
                var changements = JsonSerializer.Deserialize<List<ChangementChamp>>(ligne.Changements, Json)!;
                foreach (var propriete in proprietes)
                {
                    var champ = changements.SingleOrDefault(c => c.Champ == propriete.Name);
                    // A derived copy (a search column) is never journalled, not even masked: the fields it comes from are.
                    if (propriete.GetCustomAttribute<DeriveAttribute>() is not null)
                    {
                        Assert.True(champ is null, $"{type.Name}.{propriete.Name} est dérivée : elle ne doit pas figurer au journal.");
                        continue;
                    }
                    Assert.True(champ is not null, $"La fabrique de {type.Name} doit renseigner {propriete.Name} : sinon son masquage n'est pas vérifié.");
                    Assert.True(champ!.Apres == JournalAudit.ValeurMasquee, $"{type.Name}.{propriete.Name} apparaît en clair dans le journal : « {champ.Apres} ».");
                }
            }
        }
    }

    [Fact]
    public async Task Le_motif_d_un_avis_motive_est_masque_dans_le_journal()
    {
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = _base.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var participant = AvecAvisMotive(s);
        await using (var db = _base.Pour(structure.Id))
        {
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(structure.Id);
        var journal = await lecture.JournalAudit.SingleAsync(j => j.TypeEntite == nameof(DecisionEligibilite));
        Assert.DoesNotContain("détention", journal.Changements, StringComparison.OrdinalIgnoreCase);
        var changements = JsonSerializer.Deserialize<List<ChangementChamp>>(journal.Changements, Json)!;
        Assert.Contains(changements, c => c.Champ == nameof(DecisionEligibilite.MotifAvis) && c.Apres == JournalAudit.ValeurMasquee);
        // The prescripteur is not personal data: it stays readable next to the masked motive.
        Assert.Contains(changements, c => c.Champ == nameof(DecisionEligibilite.PrescripteurAvis) && c.Apres == nameof(Prescripteur.FranceTravail));
    }
}
