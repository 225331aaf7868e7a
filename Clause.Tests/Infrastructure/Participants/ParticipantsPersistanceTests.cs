using System.Text.Json;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Audit;
using Clause.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Participants;

public sealed class ParticipantsPersistanceTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly BaseDeTest _base = new();

    public void Dispose() => _base.Dispose();

    private async Task<StructureId> NouvelleStructureAsync()
    {
        await using var db = _base.Systeme();
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..6], TypeStructure.Plie, "Tours");
        db.Structures.Add(structure);
        db.Reglages.Add(Reglages.ParDefaut(structure.Id));
        await db.SaveChangesAsync();
        return structure.Id;
    }

    private static Participant AvecDecisionSensible(StructureId structureId)
    {
        var participant = Participant.Creer(structureId,
            ParticipantsDeTest.Donnees(naissance: new DateOnly(1983, 7, 14), residentQpv: true, codeQpv: "QP037004", nom: "Durandeau", prenom: "Sylvie"),
            new DateOnly(2026, 3, 1));
        participant.ValiderEligibilite(new DateOnly(2026, 3, 2),
            [ParticipantsDeTest.Categorie(CategorieEligibilite.TH, new DateOnly(2030, 1, 31)), ParticipantsDeTest.Categorie(CategorieEligibilite.RSA)],
            null, null, ParticipantsDeTest.FacilitateurId, ParticipantsDeTest.FacilitateurNom, Reglages.ParDefaut(structureId), new DateOnly(2026, 3, 2));
        return participant;
    }

    [Fact]
    public async Task Participant_et_decision_relus_avec_leurs_categories()
    {
        var structureId = await NouvelleStructureAsync();
        var participant = AvecDecisionSensible(structureId);
        await using (var db = _base.Pour(structureId))
        {
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(structureId);
        var relu = await lecture.Participants.Include(p => p.Decisions).ThenInclude(d => d.Categories).SingleAsync(p => p.Id == participant.Id);
        var decision = Assert.Single(relu.Decisions);
        Assert.Equal([CategorieEligibilite.RSA, CategorieEligibilite.TH], decision.Categories.Select(c => c.Categorie).Order());
        Assert.Equal(participant.Id, decision.Categories[0].ParticipantId);
        Assert.Equal("QP037004", relu.CodeQpv);
    }

    [Fact]
    public async Task Une_autre_structure_ne_voit_ni_participant_ni_decision_ni_categorie()
    {
        var structureId = await NouvelleStructureAsync();
        var autre = await NouvelleStructureAsync();
        await using (var db = _base.Pour(structureId))
        {
            db.Participants.Add(AvecDecisionSensible(structureId));
            await db.SaveChangesAsync();
        }

        await using var intrus = _base.Pour(autre);
        Assert.Empty(await intrus.Participants.ToListAsync());
        Assert.Empty(await intrus.DecisionsEligibilite.ToListAsync());
        Assert.Empty(await intrus.CategoriesDecision.ToListAsync());
    }

    [Fact]
    public async Task Recherche_par_categorie_par_la_table_des_categories()
    {
        var structureId = await NouvelleStructureAsync();
        var rsa = AvecDecisionSensible(structureId);
        var autre = ParticipantsDeTest.UnParticipant(structureId, nom: "Leroy");
        autre.Valider(new DateOnly(2024, 2, 1), CategorieEligibilite.DELD12);
        await using (var db = _base.Pour(structureId))
        {
            db.Participants.AddRange(rsa, autre);
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Pour(structureId);
        var trouves = await lecture.Participants
            .Where(p => lecture.CategoriesDecision.Any(c => c.ParticipantId == p.Id && c.Categorie == CategorieEligibilite.RSA))
            .Select(p => p.Nom).ToListAsync();
        Assert.Equal(["Durandeau"], trouves);
    }

    [Fact]
    public async Task Le_journal_d_audit_masque_les_donnees_personnelles_et_sensibles()
    {
        var structureId = await NouvelleStructureAsync();
        var participant = AvecDecisionSensible(structureId);
        await using (var db = _base.Pour(structureId))
        {
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            participant.Modifier(ParticipantsDeTest.Donnees(naissance: new DateOnly(1983, 7, 15), nom: "Durandeau-Roy", prenom: "Sylvie"), new DateOnly(2026, 3, 3));
            await db.SaveChangesAsync();
        }

        await using var lecture = _base.Systeme();
        var journal = await lecture.JournalAudit.Where(j => j.RacineId == participant.Id.Valeur).ToListAsync();
        Assert.Equal(["CategorieDecision", "CategorieDecision", "DecisionEligibilite", "Participant", "Participant"], journal.Select(j => j.TypeEntite).Order());
        var changements = journal.SelectMany(j => JsonSerializer.Deserialize<List<ChangementChamp>>(j.Changements, Json)!).ToList();
        // Ids (GUIDs) are left out: their hex digits may spell « 1983 » or « 37540 » by chance.
        var valeurs = string.Join("\n", changements.SelectMany(c => new[] { c.Avant, c.Apres }).Where(v => !Guid.TryParse(v, out _)));
        foreach (var interdit in new[] { "Durandeau", "Sylvie", "1983", "QP037004", "Tanneurs", "37540", "Saint-Aubin", "1234567A", "TH", "RQTH", "2030-01-31", "RSA" })
            Assert.DoesNotContain(interdit, valeurs, StringComparison.Ordinal);
        foreach (var champ in new[] { "Nom", "Prenom", "DateNaissance", "Adresse", "CodePostal", "Commune", "CodeQpv", "IdentifiantFranceTravail", "Categorie", "Justificatif", "FinDroits" })
            Assert.Contains(changements, c => c.Champ == champ && c.Apres == JournalAudit.ValeurMasquee);
        // Non-identifying facts stay readable for the history.
        Assert.Contains(changements, c => c.Champ == "Sexe" && c.Apres == "F");
        Assert.Contains(changements, c => c.Champ == "DateValidation" && c.Apres == "2026-03-02");
        var modification = JsonSerializer.Deserialize<List<ChangementChamp>>(journal.Single(j => j.Action == ActionAudit.Modification).Changements, Json)!;
        Assert.Contains(modification, c => c.Champ == "Nom" && c.Avant == JournalAudit.ValeurMasquee && c.Apres == JournalAudit.ValeurMasquee);
    }

    [Fact]
    public async Task La_base_refuse_un_resident_QPV_sans_code()
    {
        var structureId = await NouvelleStructureAsync();
        await using var db = _base.Systeme();
        var ex = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO Participants (Id, StructureId, Nom, Prenom, Sexe, DateNaissance, CodePostal, Commune, ResidentQpv, CodeQpv,
                NiveauQualification, Prescripteur, InscritLe)
            VALUES ({Guid.NewGuid()}, {structureId.Valeur}, 'X', 'Y', 'F', '1990-01-01', '37000', 'Tours', 1, NULL, 'Niveau3', 'Plie', '2026-01-01')
            """));
        Assert.Contains("CK_Participants_Qpv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deux_decisions_le_meme_jour_refusees_par_la_base()
    {
        var structureId = await NouvelleStructureAsync();
        var participant = ParticipantsDeTest.UnParticipant(structureId);
        participant.Valider(new DateOnly(2024, 2, 1), CategorieEligibilite.RSA);
        await using (var db = _base.Pour(structureId))
        {
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
        }

        await using var systeme = _base.Systeme();
        var ex = await Assert.ThrowsAsync<SqliteException>(() => systeme.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO DecisionsEligibilite (Id, StructureId, ParticipantId, DateValidation, ValideParId, ValideParNom)
            VALUES ({Guid.NewGuid()}, {structureId.Valeur}, {participant.Id.Valeur}, '2024-02-01', {Guid.NewGuid()}, 'X')
            """));
        Assert.Contains("UNIQUE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acces_sensible_consigne_sans_valeur()
    {
        var structureId = await NouvelleStructureAsync();
        var participantId = ParticipantId.De(Guid.NewGuid());
        await using (var db = _base.Pour(structureId, "Direction test"))
            await db.ConsignerAsync(structureId, participantId, JournalisationAccesSensibles.CategoriesSensibles, _base.Horloge.GetUtcNow());

        await using var lecture = _base.Systeme();
        var ligne = await lecture.JournalAccesDonneesSensibles.SingleAsync();
        Assert.Equal(participantId, ligne.ParticipantId);
        Assert.Equal("Direction test", ligne.NomUtilisateur);
        Assert.DoesNotContain("TH", ligne.Quoi, StringComparison.Ordinal);
    }
}
