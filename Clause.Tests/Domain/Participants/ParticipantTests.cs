using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Tests.Support;

namespace Clause.Tests.Domain.Participants;

public class ParticipantTests
{
    private static readonly DateOnly Aujourdhui = new(2026, 3, 15);

    [Fact]
    public void Inscription_avec_identite_minimale_valide()
    {
        var participant = Participant.Creer(StructureId.De(Guid.NewGuid()),
            ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: " qp037004 ") with { IdentifiantFranceTravail = "12345 67a" }, Aujourdhui);

        Assert.Equal("Martin", participant.Nom);
        Assert.Equal("QP037004", participant.CodeQpv);
        Assert.Equal("1234567A", participant.IdentifiantFranceTravail);
        Assert.Equal(Aujourdhui, participant.InscritLe);
        Assert.Empty(participant.Decisions);
    }

    [Fact]
    public void Date_de_naissance_dans_le_futur_refusee()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(naissance: Aujourdhui.AddDays(1)), Aujourdhui));
        Assert.Equal(nameof(Participant.DateNaissance), ex.Champ);
        Assert.Equal("La date de naissance ne peut pas être dans le futur.", ex.Message);
    }

    [Theory]
    [InlineData(2010, 3, 16, 15)] // 15 years old the day before the 16th birthday
    [InlineData(1945, 3, 14, 81)]
    public void Age_invraisemblable_a_l_inscription_refuse(int annee, int mois, int jour, int age)
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(naissance: new DateOnly(annee, mois, jour)), Aujourdhui));
        Assert.Equal(nameof(Participant.DateNaissance), ex.Champ);
        Assert.Contains($"{age} ans", ex.Message, StringComparison.Ordinal);
        Assert.Contains("entre 16 et 80 ans", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2010, 3, 15)] // 16 on the day
    [InlineData(1945, 3, 16)] // still 80
    public void Ages_limites_16_et_80_ans_acceptes(int annee, int mois, int jour)
    {
        var participant = Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(naissance: new DateOnly(annee, mois, jour)), Aujourdhui);
        Assert.InRange(participant.AgeLe(Aujourdhui), 16, 80);
    }

    [Fact]
    public void Resident_QPV_sans_code_refuse()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: "  "), Aujourdhui));
        Assert.Equal(nameof(Participant.CodeQpv), ex.Champ);
        Assert.Contains("obligatoire pour un résident QPV", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QP03700")]
    [InlineData("QX0370045")]
    [InlineData("QP03700A4")]
    [InlineData("QP037004512")]
    [InlineData("QP0370045")]
    [InlineData("QP096001")]
    public void Code_QPV_mal_forme_refuse(string code)
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: code), Aujourdhui));
        Assert.Equal(nameof(Participant.CodeQpv), ex.Champ);
    }

    [Fact]
    public void Code_QPV_des_listes_2015_et_2024_accepte_et_oublie_si_non_resident()
    {
        var resident = Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: "QP037005"), Aujourdhui);
        Assert.Equal("QP037005", resident.CodeQpv);
        // DOMAIN.md §3: one rule for opérations and participants — the 2024 list is accepted here too.
        var resident2024 = Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(residentQpv: true, codeQpv: "QN05901M"), Aujourdhui);
        Assert.Equal("QN05901M", resident2024.CodeQpv);

        var nonResident = Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(residentQpv: false, codeQpv: "QP037004"), Aujourdhui);
        Assert.Null(nonResident.CodeQpv);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("123456789012")]
    [InlineData("12345-67")]
    public void Identifiant_France_Travail_hors_format_refuse(string identifiant)
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees() with { IdentifiantFranceTravail = identifiant }, Aujourdhui));
        Assert.Equal(nameof(Participant.IdentifiantFranceTravail), ex.Champ);
    }

    [Fact]
    public void Champs_obligatoires_nommes_en_francais()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees() with { Sexe = null }, Aujourdhui));
        Assert.Equal(nameof(Participant.Sexe), ex.Champ);
        Assert.Equal("Le champ « Sexe » est obligatoire.", ex.Message);

        var nom = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(nom: " "), Aujourdhui));
        Assert.Equal(nameof(Participant.Nom), nom.Champ);
    }

    [Fact]
    public void Code_postal_doit_avoir_5_chiffres()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees() with { CodePostal = "3754" }, Aujourdhui));
        Assert.Equal(nameof(Participant.CodePostal), ex.Champ);
    }

    [Fact]
    public void Notice_d_information_dans_le_futur_refusee()
    {
        var ex = Assert.Throws<RegleMetierException>(() =>
            Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees() with { DateInformation = Aujourdhui.AddDays(1) }, Aujourdhui));
        Assert.Equal(nameof(Participant.DateInformation), ex.Champ);
    }

    [Fact]
    public void Modifier_juge_l_age_a_la_date_d_inscription()
    {
        var participant = Participant.Creer(StructureId.De(Guid.NewGuid()), ParticipantsDeTest.Donnees(naissance: new DateOnly(2008, 1, 1)), new DateOnly(2024, 6, 1));
        // Corrected two years later to a birth date that gives 15 at the time of registration: refused.
        var ex = Assert.Throws<RegleMetierException>(() =>
            participant.Modifier(ParticipantsDeTest.Donnees(naissance: new DateOnly(2009, 1, 1)), new DateOnly(2026, 6, 1)));
        Assert.Equal(nameof(Participant.DateNaissance), ex.Champ);
    }

    [Fact]
    public void Age_compte_en_annees_revolues_et_29_fevrier()
    {
        Assert.Equal(25, CategoriesEligibilite.Age(new DateOnly(2000, 3, 15), new DateOnly(2026, 3, 14)));
        Assert.Equal(26, CategoriesEligibilite.Age(new DateOnly(2000, 3, 15), new DateOnly(2026, 3, 15)));
        Assert.Equal(25, CategoriesEligibilite.Age(new DateOnly(2000, 2, 29), new DateOnly(2026, 2, 27)));
        Assert.Equal(26, CategoriesEligibilite.Age(new DateOnly(2000, 2, 29), new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Les_champs_personnels_sont_marques_sensibles_pour_l_audit()
    {
        string[] attendus = ["Nom", "Prenom", "DateNaissance", "Adresse", "CodePostal", "Commune", "CodeQpv", "IdentifiantFranceTravail",
            "Recherche", "RechercheCommune"];
        var sensibles = typeof(Participant).GetProperties()
            .Where(p => p.GetCustomAttributes(typeof(SensibleAttribute), false).Length > 0).Select(p => p.Name);
        Assert.Equal(attendus.Order(), sensibles.Order());
        Assert.NotNull(typeof(CategorieDecision).GetProperty(nameof(CategorieDecision.Categorie))!.GetCustomAttributes(typeof(SensibleAttribute), false).SingleOrDefault());
    }
}
