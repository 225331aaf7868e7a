using Clause.Domain.Commun;
using Clause.Domain.Entreprises;

namespace Clause.Tests.Domain;

public class EntrepriseTests
{
    private static readonly StructureId StructureId = StructureId.De(Guid.CreateVersion7());

    private static Entreprise UneEntreprise(string? codeNaf = null) =>
        Entreprise.Creer(StructureId, "Maçonnerie Rabelais", "73282932000074", TypeEmployeur.Classique,
            codeNaf, TrancheEffectif.De10A19, "12 rue Nationale", "37000", "Tours");

    [Theory]
    [InlineData("4120A", "4120A")]
    [InlineData("41.20A", "4120A")]
    [InlineData("41.20a", "4120A")]
    [InlineData(" 43.34 Z ", "4334Z")]
    public void Code_NAF_est_normalise_sans_point_en_majuscules(string saisie, string attendu) =>
        Assert.Equal(attendu, UneEntreprise(saisie).CodeNaf);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Code_NAF_est_facultatif(string? saisie) => Assert.Null(UneEntreprise(saisie).CodeNaf);

    [Theory]
    [InlineData("412A")]
    [InlineData("41200")]
    [InlineData("4120AB")]
    [InlineData("A120A")]
    [InlineData("4.120A")]
    [InlineData("41-20A")]
    public void Code_NAF_mal_forme_est_refuse_avec_un_message_francais(string saisie)
    {
        var erreur = Assert.Throws<RegleMetierException>(() => UneEntreprise(saisie));
        Assert.Equal(nameof(Entreprise.CodeNaf), erreur.Champ);
        Assert.Contains("4 chiffres suivis d'une lettre", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_NAF_s_affiche_avec_le_point_de_l_INSEE() => Assert.Equal("41.20A", Entreprise.AfficherCodeNaf("4120A"));

    [Fact]
    public void Creation_garde_tous_les_champs_et_normalise_le_siret()
    {
        var e = Entreprise.Creer(StructureId, "  Loire Peinture  ", "732 829 320 00074", TypeEmployeur.EI, "43.34Z", TrancheEffectif.De3A5, "3 quai Paul Bert", "37 100", "Tours");
        Assert.Equal("Loire Peinture", e.RaisonSociale);
        Assert.Equal("73282932000074", e.Siret);
        Assert.Equal(TypeEmployeur.EI, e.TypeEmployeur);
        Assert.Equal("4334Z", e.CodeNaf);
        Assert.Equal(TrancheEffectif.De3A5, e.TrancheEffectif);
        Assert.Equal("37100", e.CodePostal);
        Assert.Equal("Tours", e.Commune);
    }

    [Fact]
    public void Ancienne_signature_de_creation_et_de_modification_reste_utilisable()
    {
        var e = Entreprise.Creer(StructureId, "Bâtiments du Val", "73282932000074", TypeEmployeur.Classique);
        e.Modifier("Bâtiments du Val", "73282932000074", TypeEmployeur.Classique, "4399C", TrancheEffectif.De20A49, null, "37540", "Saint-Cyr-sur-Loire");
        e.Modifier("Bâtiments du Val SAS", "35600000049837", TypeEmployeur.GEIQ);
        Assert.Equal("Bâtiments du Val SAS", e.RaisonSociale);
        Assert.Equal(TypeEmployeur.GEIQ, e.TypeEmployeur);
        Assert.Equal("4399C", e.CodeNaf); // the three-field edit keeps the other fields
        Assert.Equal("37540", e.CodePostal);
    }

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("35600000049837", true)] // La Poste: sum of the 14 digits is a multiple of 5
    [InlineData("73282932000075", false)]
    public void Siret_de_l_exemple_du_domaine(string siret, bool valide)
    {
        if (valide)
            Assert.Equal(siret, Entreprise.Creer(StructureId, "X", siret, TypeEmployeur.Classique).Siret);
        else
            Assert.Equal(nameof(Entreprise.Siret), Assert.Throws<RegleMetierException>(() => Entreprise.Creer(StructureId, "X", siret, TypeEmployeur.Classique)).Champ);
    }

    [Theory]
    [InlineData("3700")]
    [InlineData("370000")]
    [InlineData("37A00")]
    public void Code_postal_doit_avoir_cinq_chiffres(string codePostal)
    {
        var erreur = Assert.Throws<RegleMetierException>(() =>
            Entreprise.Creer(StructureId, "X", "73282932000074", TypeEmployeur.Classique, null, null, null, codePostal, null));
        Assert.Equal(nameof(Entreprise.CodePostal), erreur.Champ);
    }

    [Fact]
    public void Modification_refusee_ne_change_rien()
    {
        var e = UneEntreprise("4120A");
        Assert.Throws<RegleMetierException>(() =>
            e.Modifier("Nouveau nom", "73282932000074", TypeEmployeur.ACI, "mauvais", null, null, null, null));
        Assert.Equal("Maçonnerie Rabelais", e.RaisonSociale);
        Assert.Equal(TypeEmployeur.Classique, e.TypeEmployeur);
        Assert.Equal("4120A", e.CodeNaf);
    }

    [Fact]
    public void Type_d_employeur_inconnu_est_refuse() =>
        Assert.Equal(nameof(Entreprise.TypeEmployeur),
            Assert.Throws<RegleMetierException>(() => Entreprise.Creer(StructureId, "X", "73282932000074", (TypeEmployeur)99)).Champ);

    [Fact]
    public void Tranche_d_effectif_inconnue_est_refusee() =>
        Assert.Equal(nameof(Entreprise.TrancheEffectif),
            Assert.Throws<RegleMetierException>(() => Entreprise.Creer(StructureId, "X", "73282932000074", TypeEmployeur.Classique, null, (TrancheEffectif)99, null, null, null)).Champ);

    [Fact]
    public void Tranches_d_effectif_ont_le_code_INSEE()
    {
        Assert.Equal("00", TrancheEffectif.AucunSalarie.CodeInsee());
        Assert.Equal("12", TrancheEffectif.De20A49.CodeInsee());
        Assert.Equal("53", TrancheEffectif.Plus10000.CodeInsee());
        Assert.Equal(Enum.GetValues<TrancheEffectif>().Length, Enum.GetValues<TrancheEffectif>().Select(t => t.CodeInsee()).Distinct().Count());
    }

    [Theory]
    [InlineData(TypeEmployeur.ACI, true, false)]
    [InlineData(TypeEmployeur.AI, true, false)]
    [InlineData(TypeEmployeur.EI, true, false)]
    [InlineData(TypeEmployeur.ETTI, true, false)]
    [InlineData(TypeEmployeur.RegieQuartier, true, false)]
    [InlineData(TypeEmployeur.EA, false, true)]
    [InlineData(TypeEmployeur.EATT, false, true)]
    [InlineData(TypeEmployeur.ESAT, false, true)]
    [InlineData(TypeEmployeur.GEIQ, false, false)]
    [InlineData(TypeEmployeur.ETT, false, false)]
    [InlineData(TypeEmployeur.Classique, false, false)]
    public void Familles_d_employeurs_selon_le_domaine(TypeEmployeur type, bool siae, bool secteurAdapte)
    {
        Assert.Equal(siae, type.EstSiae());
        Assert.Equal(secteurAdapte, type.EstSecteurAdapte());
    }

    [Fact]
    public void Chaque_type_d_employeur_est_classe_par_le_test_des_familles() =>
        // Eleven types (§4); a new one must be placed on purpose in the families above.
        Assert.Equal(11, Enum.GetValues<TypeEmployeur>().Length);

    [Fact]
    public void Contact_ajoute_modifie_puis_retire()
    {
        var e = UneEntreprise();
        var contact = e.AjouterContact(" Claire Martin ", RoleContactEntreprise.ConducteurTravaux, "claire.martin@rabelais.fr", "02 47 12 34 56");
        Assert.Equal("Claire Martin", contact.Nom);
        Assert.Equal(e.Id.Valeur, contact.RacineId);

        e.ModifierContact(contact.Id, "Claire Martin", RoleContactEntreprise.Tuteur, null, "+33 6 12 34 56 78");
        Assert.Equal(RoleContactEntreprise.Tuteur, e.Contacts[0].Role);
        Assert.Null(e.Contacts[0].Email);

        e.RetirerContact(contact.Id);
        Assert.Empty(e.Contacts);
    }

    [Theory]
    [InlineData("", "claire@rabelais.fr", "0247", "Nom")]
    [InlineData("Claire Martin", "claire.rabelais.fr", "0247", "Email")]
    [InlineData("Claire Martin", "claire@rabelais", "0247", "Email")]
    [InlineData("Claire Martin", null, "02 47 AB", "Telephone")]
    public void Contact_invalide_est_refuse_en_nommant_le_champ(string nom, string? email, string telephone, string champ)
    {
        var e = UneEntreprise();
        var erreur = Assert.Throws<RegleMetierException>(() => e.AjouterContact(nom, RoleContactEntreprise.RH, email, telephone));
        Assert.Equal(champ, erreur.Champ);
        Assert.Empty(e.Contacts);
    }

    [Fact]
    public void Modification_de_contact_refusee_ne_change_rien()
    {
        var e = UneEntreprise();
        var contact = e.AjouterContact("Claire Martin", RoleContactEntreprise.RH, "claire@rabelais.fr", null);
        Assert.Throws<RegleMetierException>(() => e.ModifierContact(contact.Id, "Claire Dupont", RoleContactEntreprise.Tuteur, "pas-un-mail", null));
        Assert.Equal("Claire Martin", contact.Nom);
        Assert.Equal(RoleContactEntreprise.RH, contact.Role);
    }

    [Fact]
    public void Contact_d_une_autre_entreprise_est_refuse()
    {
        var autre = UneEntreprise().AjouterContact("Paul Durand", RoleContactEntreprise.Dirigeant, null, null);
        var e = UneEntreprise();
        Assert.Equal(nameof(Entreprise.Contacts), Assert.Throws<RegleMetierException>(() => e.RetirerContact(autre.Id)).Champ);
        Assert.Throws<RegleMetierException>(() => e.ModifierContact(autre.Id, "X", RoleContactEntreprise.RH, null, null));
    }

    [Fact]
    public void Roles_de_contact_ont_un_libelle_francais()
    {
        Assert.Equal("Conducteur de travaux", RoleContactEntreprise.ConducteurTravaux.Libelle());
        Assert.Equal("Chef d'équipe", RoleContactEntreprise.ChefEquipe.Libelle());
        Assert.Equal("20 à 49 salariés", TrancheEffectif.De20A49.Libelle());
    }
}
