using Bogus.DataSets;
using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// Demo participants: about 170 people with the profile mix of the 2016 PLIE entrants (seed-digest §6.4:
/// 50 % women, 13 % under 26, 30 % over 45, levels VI/Vbis 35 %, V 33 %, IV 17 %; RSA 43 %, DELD 31 %, TH 4 %),
/// 35 % QPV residents, decisions validated from 2024 to 2026 by the demo facilitateur, a dozen renewals,
/// and eight windows closing within 60 days of 27/11/2026 (for the home page).
/// </summary>
public sealed partial class SemeurDemo
{
    public const int NombreParticipantsDemo = 170;
    public const int FenetresFermantBientotDemo = 8;
    public const int RenouvellementsDemo = 12;
    public const int SansDecisionDemo = 10;

    /// <summary>The demo's "today": the home page's 60-day horizon starts here.</summary>
    public static readonly DateOnly DateReferenceDemo = new(2026, 11, 27);

    private static readonly (string Commune, string CodePostal, string? Qpv)[] CommunesParticipants =
    [
        ("Saint-Aubin-sur-Loire", "37540", "QP037041"), // Les Rives de Loire
        ("Saint-Aubin-sur-Loire", "37540", "QP037042"), // La Croix-Verte
        ("Saint-Aubin-sur-Loire", "37540", null),
        ("Montlouis-la-Forêt", "37270", "QP037044"),    // Les Jardins du Cher
        ("Montlouis-la-Forêt", "37270", null),
        ("Joué-sur-Cher", "37300", "QP037045"),         // La Rabière-Est
        ("Joué-sur-Cher", "37300", null),
        ("Vouvray-les-Coteaux", "37210", null),
        ("Chambray-sur-Indre", "37170", null),
        ("Fondettes-la-Vallée", "37230", null),
        ("Ballan-le-Lac", "37510", null),
    ];

    private static readonly string[] MotifsAvisDemo =
    [
        "Longue période sans activité après un congé parental, sans inscription à France Travail.",
        "Arrivée récente en France, français en progression, aucune expérience professionnelle reconnue.",
        "Sortie de détention, suivi par le SPIP, besoin d'une première expérience de travail.",
        "Hébergé en CHRS, parcours d'insertion engagé avec le travailleur social.",
    ];

    private async Task SemerParticipantsAsync(StructureId structureId, CancellationToken annulation)
    {
        var facilitateur = await utilisateurs.FindByEmailAsync($"facilitateur@{Domaine}").ConfigureAwait(false);
        var referent = await utilisateurs.FindByEmailAsync($"referent@{Domaine}").ConfigureAwait(false);
        var validateurId = facilitateur?.Id ?? Guid.Parse("0193a000-0000-7000-8000-00000000fac1");
        var validateurNom = facilitateur?.NomComplet ?? "Facilitateur démo";
        var reglages = await db.Reglages.FirstAsync(r => r.StructureId == structureId, annulation).ConfigureAwait(false);
        var fermantBientot = Domain.Participants.DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(
            DateReferenceDemo, DateReferenceDemo.AddDays(60), reglages.FenetreEligibiliteMois)!.Value;

        for (var i = 0; i < NombreParticipantsDemo; i++)
        {
            // Situations in a fixed order so each kind is present whatever the draws: the first ones await
            // validation, then windows closing soon, then renewals, then the ordinary case.
            var sansDecision = i < SansDecisionDemo;
            var fermeBientot = !sansDecision && i < SansDecisionDemo + FenetresFermantBientotDemo;
            var renouvele = !sansDecision && !fermeBientot && i < SansDecisionDemo + FenetresFermantBientotDemo + RenouvellementsDemo;

            DateOnly premiereValidation;
            if (sansDecision) premiereValidation = _faker.Date.BetweenDateOnly(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 25));
            else if (fermeBientot) premiereValidation = _faker.Date.BetweenDateOnly(fermantBientot.Debut, fermantBientot.Fin);
            else if (renouvele) premiereValidation = _faker.Date.BetweenDateOnly(new DateOnly(2024, 1, 8), new DateOnly(2024, 6, 28));
            else
            {
                do premiereValidation = _faker.Date.BetweenDateOnly(new DateOnly(2024, 1, 8), new DateOnly(2026, 11, 20));
                while (fermantBientot.Contient(premiereValidation));
            }
            var inscription = sansDecision ? premiereValidation : premiereValidation.AddDays(-_faker.Random.Int(0, 21));

            var participant = Participant.Creer(structureId, IdentiteDemo(inscription, referent?.Id), inscription);
            db.Participants.Add(participant);
            if (sansDecision) continue;

            participant.ValiderEligibilite(premiereValidation, CategoriesDemo(participant, premiereValidation, reglages.AgeSenior, out var avis),
                avis?.Prescripteur, avis?.Motif, validateurId, validateurNom, reglages, premiereValidation);
            if (renouvele)
            {
                var seconde = _faker.Date.BetweenDateOnly(new DateOnly(2026, 1, 5), new DateOnly(2026, 10, 30));
                participant.ValiderEligibilite(seconde, CategoriesDemo(participant, seconde, reglages.AgeSenior, out var avis2),
                    avis2?.Prescripteur, avis2?.Motif, validateurId, validateurNom, reglages, seconde);
            }
        }
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    private DonneesParticipant IdentiteDemo(DateOnly inscription, Guid? referentId)
    {
        var femme = _faker.Random.Bool();
        var age = _faker.Random.WeightedRandom([_faker.Random.Int(18, 25), _faker.Random.Int(26, 44), _faker.Random.Int(45, 54), _faker.Random.Int(55, 64)],
            [0.13f, 0.57f, 0.22f, 0.08f]);
        var naissance = inscription.AddYears(-age).AddDays(-_faker.Random.Int(1, 360));
        var residence = _faker.Random.Bool(0.35f)
            ? _faker.PickRandom(CommunesParticipants.Where(c => c.Qpv is not null))
            : _faker.PickRandom(CommunesParticipants.Where(c => c.Qpv is null));
        var niveau = _faker.Random.WeightedRandom(
            [NiveauQualification.Infra3, NiveauQualification.Niveau3, NiveauQualification.Niveau4, NiveauQualification.Niveau5,
             NiveauQualification.Niveau6, NiveauQualification.Niveau7, NiveauQualification.NonRenseigne],
            [0.35f, 0.33f, 0.17f, 0.05f, 0.02f, 0.02f, 0.06f]);
        var prescripteur = age < 26 && _faker.Random.Bool(0.7f)
            ? Prescripteur.MissionLocale
            : _faker.Random.WeightedRandom(
                [Prescripteur.FranceTravail, Prescripteur.Plie, Prescripteur.MaisonEmploi, Prescripteur.CapEmploi, Prescripteur.Siae, Prescripteur.Autre],
                [0.45f, 0.25f, 0.1f, 0.06f, 0.08f, 0.06f]);
        return new DonneesParticipant(
            _faker.Name.LastName(),
            _faker.Name.FirstName(femme ? Name.Gender.Female : Name.Gender.Male),
            femme ? Sexe.F : Sexe.M,
            naissance,
            _faker.Random.Bool(0.95f) ? _faker.Address.StreetAddress() : "Domiciliation CCAS",
            residence.CodePostal,
            residence.Commune,
            residence.Qpv is not null,
            residence.Qpv,
            niveau,
            prescripteur,
            referentId is not null && (prescripteur == Prescripteur.Plie || _faker.Random.Bool(0.35f)) ? referentId : null,
            _faker.Random.Bool(0.75f) ? _faker.Random.ReplaceNumbers("#######") + _faker.Random.Char('A', 'Z') : null,
            inscription);
    }

    /// <summary>Categories drawn with the 2016 shares; age categories only when the age allows them.</summary>
    private List<CategorieSaisie> CategoriesDemo(Participant participant, DateOnly le, int ageSenior, out (Prescripteur Prescripteur, string Motif)? avis)
    {
        var age = participant.AgeLe(le);
        var categories = new List<CategorieEligibilite>();
        void Tirer(CategorieEligibilite categorie, float probabilite)
        {
            if (_faker.Random.Bool(probabilite)) categories.Add(categorie);
        }

        Tirer(CategorieEligibilite.RSA, 0.43f);
        var deld = _faker.Random.Float();
        if (deld < 0.07f) categories.Add(CategorieEligibilite.DETLD24);
        else if (deld < 0.20f) categories.Add(CategorieEligibilite.DELD12);
        Tirer(CategorieEligibilite.TH, 0.04f);
        Tirer(CategorieEligibilite.AAH, 0.015f);
        Tirer(CategorieEligibilite.PensionInvalidite, 0.01f);
        Tirer(CategorieEligibilite.SecteurAdapte, 0.01f);
        Tirer(CategorieEligibilite.ASS, 0.05f);
        Tirer(CategorieEligibilite.AllocationInsertion, 0.01f);
        Tirer(CategorieEligibilite.SalarieSiae, 0.05f);
        Tirer(CategorieEligibilite.SalarieGeiq, 0.01f);
        Tirer(CategorieEligibilite.RegieQuartier, 0.01f);
        if (age < 26)
        {
            categories.Add(CategorieEligibilite.Jeune26);
            Tirer(CategorieEligibilite.E2c, 0.06f);
            Tirer(CategorieEligibilite.Epide, 0.04f);
        }
        if (age >= ageSenior) Tirer(CategorieEligibilite.Senior50, 0.6f);
        Tirer(CategorieEligibilite.AvisMotive, 0.03f);
        // Nobody is validated without a category: the rest are long-term job seekers or "autres publics en difficulté".
        if (categories.Count == 0)
            categories.Add(_faker.Random.WeightedRandom(
                [CategorieEligibilite.DELD12, CategorieEligibilite.AvisMotive, CategorieEligibilite.ASS, CategorieEligibilite.SalarieSiae],
                [0.4f, 0.2f, 0.2f, 0.2f]));

        avis = categories.Contains(CategorieEligibilite.AvisMotive)
            ? (_faker.PickRandom(CategoriesEligibilite.PrescripteursAvisMotive.Where(p => p != Prescripteur.Mdph)), _faker.PickRandom(MotifsAvisDemo))
            : null;
        return categories.Select(c => new CategorieSaisie(c,
                _faker.Random.Bool(0.8f) ? c.JustificatifSuggere() : c.Justificatifs()[^1],
                c.EstSensible() && _faker.Random.Bool(0.7f) ? le.AddYears(_faker.Random.Int(1, 5)) : null))
            .ToList();
    }
}
