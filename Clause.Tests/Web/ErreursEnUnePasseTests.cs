using System.Net;
using AngleSharp.Html.Dom;
using Clause.Domain.Commun;
using Clause.Domain.Securite;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Web;

/// <summary>
/// Every error of a form in one pass (issue 15 item 5): the binding's refusals and the domain's are shown together,
/// each field in error carries aria-invalid and aria-describedby pointing to its message, the summary links each message
/// to its field, and what was typed is kept. Nothing is written.
/// </summary>
public class ErreursEnUnePasseTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private static readonly Mois Janvier = new(2026, 1);
    private static readonly Mois Fevrier = new(2026, 2);
    private static readonly Mois Mars = new(2026, 3);

    [Fact]
    public async Task Un_formulaire_avec_quatre_champs_faux_affiche_les_quatre_erreurs_a_la_fois_liees_a_leur_champ()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);

        // « Nom » is refused by the form ([Required]); the other three by the domain (Participant.Modifier).
        var reponse = await FabriqueClause.PosterAsync(client, "/Participants/Creer", new()
        {
            ["Saisie.Nom"] = "",
            ["Saisie.Prenom"] = "Yasmina",
            ["Saisie.Sexe"] = "F",
            ["Saisie.DateNaissance"] = "2030-04-12",
            ["Saisie.CodePostal"] = "ABC",
            ["Saisie.Commune"] = "Saint-Aubin-sur-Loire",
            ["Saisie.ResidentQpv"] = "false",
            ["Saisie.NiveauQualification"] = "Niveau3",
            ["Saisie.DateInformation"] = "2026-04-01",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        var attendues = new Dictionary<string, string>
        {
            ["Saisie_Nom"] = "Le champ « Nom » est obligatoire.",
            ["Saisie_DateNaissance"] = "La date de naissance ne peut pas être dans le futur.",
            ["Saisie_CodePostal"] = "Le code postal doit comporter 5 chiffres.",
            ["Saisie_DateInformation"] = "La date de remise de la notice d'information ne peut pas être dans le futur.",
        };
        var liens = page.QuerySelectorAll("#resume-erreurs li a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(4, page.QuerySelectorAll("#resume-erreurs li").Length);
        foreach (var (id, message) in attendues)
        {
            var champ = page.GetElementById(id)!;
            Assert.Equal("true", champ.GetAttribute("aria-invalid"));
            var decrit = champ.GetAttribute("aria-describedby")!.Split(' ');
            Assert.Contains(id + "-erreur", decrit);
            Assert.Equal(message, page.GetElementById(id + "-erreur")!.TextContent.Trim());
            Assert.Contains(("#" + id, message), liens);
        }
        // A field without error is not marked; what was typed is kept.
        Assert.Null(page.GetElementById("Saisie_Commune")!.GetAttribute("aria-invalid"));
        Assert.Equal("ABC", page.GetElementById("Saisie_CodePostal")!.GetAttribute("value"));
        Assert.Equal("Yasmina", page.GetElementById("Saisie_Prenom")!.GetAttribute("value"));
        Assert.Equal(0, await app.LireBaseAsync(db => db.Participants.IgnoreQueryFilters().CountAsync(p => p.StructureId == structure.Id)));
    }

    [Fact]
    public async Task La_grille_d_heures_annonce_en_une_passe_les_valeurs_illisibles_negatives_et_le_depassement_du_maximum()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id));

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "abc",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "-5",
            [HeuresDeTest.Cellule(contrat.Id, Mars)] = "251",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.StartsWith("Léa Martin en janvier 2026 : la valeur « abc » doit être", page.ErreurCellule(contrat.Id, Janvier), StringComparison.Ordinal);
        Assert.StartsWith("Léa Martin en février 2026 : la valeur « -5 » doit être", page.ErreurCellule(contrat.Id, Fevrier), StringComparison.Ordinal);
        Assert.Equal("Léa Martin en mars 2026 : 251,00 h dépasse le maximum de 250,00 h par mois pour une ligne.", page.ErreurCellule(contrat.Id, Mars));
        foreach (var mois in new[] { Janvier, Fevrier, Mars })
        {
            var id = HeuresDeTest.IdCellule(contrat.Id, mois);
            Assert.Equal("true", page.GetElementById(id)!.GetAttribute("aria-invalid"));
            Assert.Contains(id + "-erreur", page.GetElementById(id)!.GetAttribute("aria-describedby")!.Split(' '));
            Assert.NotNull(page.QuerySelector($"#resume-erreurs a[href='#{id}']"));
        }
        Assert.Equal("251", page.GetElementById(HeuresDeTest.IdCellule(contrat.Id, Mars))!.GetAttribute("value"));
        Assert.Equal(0, await app.CompterLignesAsync(lot.Lot.Id));
    }

    [Fact]
    public async Task Une_grille_dont_une_case_est_illisible_n_ecrit_pas_les_cases_valides()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id));

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "abc",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "35",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal(string.Empty, (await AcheteursDeTest.DocumentAsync(reponse)).ErreurCellule(contrat.Id, Fevrier));
        Assert.Equal(0, await app.CompterLignesAsync(lot.Lot.Id));
    }

    [Fact]
    public async Task Une_grille_de_trois_cases_fausses_pour_trois_raisons_montre_les_trois_messages_chacun_a_sa_case_et_n_ecrit_rien()
    {
        var (client, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Facilitateur);
        var lot = await app.SemerLotAsync(structure.Id);
        var contrat = await app.SemerContratAsync(lot, await app.SemerParticipantAsync(structure.Id));
        await app.SemerHeuresAsync(lot, contrat, null, (Mars, 35));

        var reponse = await client.PosterGrilleAsync(lot.Lot.Id, new()
        {
            [HeuresDeTest.Cellule(contrat.Id, Janvier)] = "0",
            [HeuresDeTest.Cellule(contrat.Id, Fevrier)] = "251",
            [HeuresDeTest.Cellule(contrat.Id, Mars)] = "",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Léa Martin en janvier 2026 : Les heures doivent être supérieures à 0.", page.ErreurCellule(contrat.Id, Janvier));
        Assert.Equal("Léa Martin en février 2026 : 251,00 h dépasse le maximum de 250,00 h par mois pour une ligne.", page.ErreurCellule(contrat.Id, Fevrier));
        Assert.StartsWith("Léa Martin en mars 2026 : Des heures déjà déclarées ne peuvent pas être effacées", page.ErreurCellule(contrat.Id, Mars),
            StringComparison.Ordinal);
        foreach (var mois in new[] { Janvier, Fevrier, Mars })
            Assert.Equal("true", page.GetElementById(HeuresDeTest.IdCellule(contrat.Id, mois))!.GetAttribute("aria-invalid"));
        var ligne = Assert.Single(await app.LignesAsync(contrat.Id));
        Assert.Equal((Mars, 35 * 60L, 1), (ligne.Mois, ligne.Minutes, ligne.VersionCourante));
    }

    [Fact]
    public async Task L_invitation_sans_adresse_montre_aussi_les_refus_du_rattachement()
    {
        var (admin, structure, _) = await app.NouvelUtilisateurConnecteAsync(Roles.Administrateur);
        var entreprise = await app.CreerEntrepriseAsync(structure.Id, "Bâtiments du Val", AcheteursDeTest.NouveauSiret());
        var nom = $"Camille Girard {Guid.NewGuid():N}";

        // The address is refused by the form ([Required]); the structure and the company by the role's rules (Rattachement).
        var reponse = await FabriqueClause.PosterAsync(admin, "/Admin/Utilisateurs/Inviter", new()
        {
            ["Saisie.Email"] = "",
            ["Saisie.NomComplet"] = nom,
            ["Saisie.Role"] = Roles.Facilitateur,
            ["Saisie.StructureId"] = "",
            ["Saisie.EntrepriseId"] = entreprise.Id.ToString(),
            ["Saisie.DonneurOrdreId"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = await AcheteursDeTest.DocumentAsync(reponse);
        Assert.Equal("Le champ « Adresse e-mail » est obligatoire.", page.ErreurDuChamp("Saisie.Email"));
        Assert.Equal("Le champ « Structure » est obligatoire pour le rôle « Facilitateur ».", page.ErreurDuChamp("Saisie.StructureId"));
        Assert.Equal("Ne choisissez une entreprise que pour le rôle « Entreprise ».", page.ErreurDuChamp("Saisie.EntrepriseId"));
        Assert.Equal(3, page.QuerySelectorAll("#resume-erreurs li").Length);
        Assert.False(await app.LireBaseAsync(db => db.Users.AnyAsync(u => u.NomComplet == nom)));
    }
}
