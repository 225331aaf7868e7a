using Bogus;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>A demo account printed at start-up and listed in the README.</summary>
public sealed record CompteDemo(string Role, string Email, string MotDePasse);

/// <summary>
/// Seeds one realistic structure on an empty database (Development only), deterministically: a fixed
/// random seed gives the same names every time. Each feature adds its own step to <see cref="SemerAsync"/>,
/// growing toward an average facilitation structure of the 2016 figures.
/// </summary>
public sealed partial class SemeurDemo(ClauseDbContext db, UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole<Guid>> roles, TimeProvider horloge,
    Pieces.StockagePieces stockagePieces)
{
    public const string MotDePasse = "Clause-demo-2026";
    public const int Graine = 2016;

    /// <summary>
    /// The demo accounts that must use a second factor (Administrateur, Direction) are enrolled with this fixed, public
    /// authenticator key (README): add it to any authenticator app, or compute the code with <c>oathtool --totp -b</c>.
    /// Demo data only (Development, empty database); a real account's key is random (ResetAuthenticatorKeyAsync).
    /// </summary>
    public const string CleDoubleFacteurDemo = "CLAUSEDEMOTOTPCLAUSEDEMOTOTPDEMO";
    private const string Domaine = "clause.demo";

    private readonly Faker _faker = new("fr") { Random = new Randomizer(Graine) };

    public static IReadOnlyList<CompteDemo> Comptes { get; } =
    [
        new(Roles.Administrateur, $"admin@{Domaine}", MotDePasse),
        new(Roles.Direction, $"direction@{Domaine}", MotDePasse),
        new(Roles.Facilitateur, $"facilitateur@{Domaine}", MotDePasse),
        new(Roles.Referent, $"referent@{Domaine}", MotDePasse),
        new(Roles.Entreprise, $"entreprise@{Domaine}", MotDePasse),
        new(Roles.DonneurOrdre, $"acheteur@{Domaine}", MotDePasse),
    ];

    /// <summary>Seeds when the database holds no structure yet; returns true when it seeded.</summary>
    public async Task<bool> SemerAsync(CancellationToken annulation = default)
    {
        db.Contexte.DefinirSysteme("donnees-demo");
        if (await db.Structures.AnyAsync(annulation).ConfigureAwait(false)) return false;

        var structure = Structure.Creer("PLIE Loire Vallée", TypeStructure.Plie, "Saint-Aubin-sur-Loire");
        db.Structures.Add(structure);
        // Every later step reads the rows it just wrote (companies, lots…): it acts within this one structure.
        db.Contexte.DefinirTache("donnees-demo", structure.Id);
        db.Reglages.Add(Reglages.ParDefaut(structure.Id));
        var donneurs = SemerDonneursOrdre(structure.Id);
        var entreprises = SemerEntreprises(structure.Id);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        // Opérations, marchés, lots: AFTER the entreprises step (and its save), since attributions pick among
        // every company already saved (type Classique for titulaires, insertion structures for sous-traitants).
        await SemerMarchesAsync(structure.Id, donneurs, annulation).ConfigureAwait(false);

        await SemerComptesAsync(structure.Id, entreprises[0].Id, donneurs[0].Id).ConfigureAwait(false);
        await SemerParticipantsAsync(structure.Id, annulation).ConfigureAwait(false);
        await SemerContratsAsync(structure.Id, annulation).ConfigureAwait(false);
        await SemerEmbauchesAsync(structure.Id, annulation).ConfigureAwait(false);
        await SemerPiecesAsync(structure.Id, annulation).ConfigureAwait(false);
        await SemerSoumissionsAsync(structure.Id, annulation).ConfigureAwait(false);
        return true;
    }

    private async Task SemerComptesAsync(StructureId structureId, EntrepriseId entrepriseId, DonneurOrdreId donneurOrdreId)
    {
        foreach (var role in Roles.Tous)
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                await roles.CreateAsync(new IdentityRole<Guid>(role)).ConfigureAwait(false);

        foreach (var compte in Comptes)
        {
            var utilisateur = new Utilisateur
            {
                Id = SourceIdentifiants.Nouveau(), // like every other id: the scale generator's source gives the same one each time
                UserName = compte.Email,
                Email = compte.Email,
                EmailConfirmed = true,
                NomComplet = $"{_faker.Name.FirstName()} {_faker.Name.LastName()}",
                StructureId = compte.Role == Roles.Administrateur ? null : structureId,
                EntrepriseId = compte.Role == Roles.Entreprise ? entrepriseId : null,
                DonneurOrdreId = compte.Role == Roles.DonneurOrdre ? donneurOrdreId : null,
                CreeLe = horloge.GetUtcNow(),
                LockoutEnabled = true,
            };
            Verifier(await utilisateurs.CreateAsync(utilisateur, compte.MotDePasse).ConfigureAwait(false));
            Verifier(await utilisateurs.AddToRoleAsync(utilisateur, compte.Role).ConfigureAwait(false));
            if (DoubleFacteur.Requis(compte.Role, tousRolesDuPersonnel: false))
            {
                Verifier(await utilisateurs.SetAuthenticationTokenAsync(utilisateur, CodesRecuperation.Fournisseur, CodesRecuperation.NomCle, CleDoubleFacteurDemo)
                    .ConfigureAwait(false));
                Verifier(await utilisateurs.SetTwoFactorEnabledAsync(utilisateur, true).ConfigureAwait(false));
            }
        }
    }

    private List<DonneurOrdre> SemerDonneursOrdre(StructureId structureId)
    {
        (string Nom, TypeDonneurOrdre Type, string Commune, string CodePostal)[] acheteurs =
        [
            ("Ville de Saint-Aubin-sur-Loire", TypeDonneurOrdre.Commune, "Saint-Aubin-sur-Loire", "37540"),
            ("Ville de Montlouis-la-Forêt", TypeDonneurOrdre.Commune, "Montlouis-la-Forêt", "37270"),
            ("Communauté d'agglomération Loire Vallée", TypeDonneurOrdre.Epci, "Saint-Aubin-sur-Loire", "37540"),
            ("Département du Val de Loire", TypeDonneurOrdre.Departement, "Saint-Aubin-sur-Loire", "37000"),
            ("Région Centre-Val de Loire", TypeDonneurOrdre.Region, "Orléans", "45000"),
            ("Loire Vallée Habitat (OPH)", TypeDonneurOrdre.BailleurSocial, "Saint-Aubin-sur-Loire", "37540"),
            ("Habitat Solidaire du Val (ESH)", TypeDonneurOrdre.BailleurSocial, "Joué-sur-Cher", "37300"),
            ("Centre hospitalier de Saint-Aubin", TypeDonneurOrdre.Hopital, "Saint-Aubin-sur-Loire", "37540"),
            ("SEM Loire Vallée Aménagement", TypeDonneurOrdre.Sem, "Saint-Aubin-sur-Loire", "37540"),
            ("Université Loire Vallée", TypeDonneurOrdre.EtablissementPublic, "Saint-Aubin-sur-Loire", "37200"),
            ("Direction départementale des territoires", TypeDonneurOrdre.Etat, "Saint-Aubin-sur-Loire", "37000"),
            ("Bâtir Ouest Promotion SAS", TypeDonneurOrdre.EntreprisePrivee, "Nantes", "44000"),
        ];
        var roles = Enum.GetValues<RoleContactDonneurOrdre>();
        var liste = new List<DonneurOrdre>();
        foreach (var (nom, type, commune, codePostal) in acheteurs)
        {
            var donneur = DonneurOrdre.Creer(structureId, nom, type, SiretAleatoire(),
                _faker.Address.StreetAddress(), codePostal, commune);
            var domaineMail = new string(nom.ToLowerInvariant().Where(char.IsAsciiLetterLower).Take(12).ToArray()) + ".fr";
            foreach (var _ in Enumerable.Range(0, _faker.Random.Int(1, 3)))
            {
                var prenom = _faker.Name.FirstName();
                var nomFamille = _faker.Name.LastName();
                donneur.AjouterContact($"{prenom} {nomFamille}", _faker.PickRandom(roles),
                    $"{Ascii(prenom)}.{Ascii(nomFamille)}@{domaineMail}",
                    $"02 47 {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)}");
            }
            db.DonneursOrdre.Add(donneur);
            liste.Add(donneur);
        }
        return liste;
    }

    private List<Entreprise> SemerEntreprises(StructureId structureId)
    {
        (string Nom, TypeEmployeur Type)[] entreprises =
        [
            ("Bâtiments du Val SARL", TypeEmployeur.Classique),
            ("Loire Peinture et Décoration", TypeEmployeur.Classique),
            ("Chantier d'insertion Les Jardins de Loire", TypeEmployeur.ACI),
            ("Intérim Solidaire 37 (ETTI)", TypeEmployeur.ETTI),
        ];
        var liste = entreprises.Select(e => Entreprise.Creer(structureId, e.Nom, SiretAleatoire(), e.Type)).ToList();
        CompleterEntreprisesDuDepartement(structureId, liste);
        db.Entreprises.AddRange(liste);
        return liste;
    }

    /// <summary>A SIRET whose SIREN and SIRET both pass the Luhn check (DOMAIN.md §4).</summary>
    private string SiretAleatoire()
    {
        var siren = Siret.AvecCle(_faker.Random.ReplaceNumbers("########"));
        return Siret.AvecCle(siren + _faker.Random.ReplaceNumbers("####"));
    }

    private static string Ascii(string texte) =>
        new string(texte.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c)).ToArray()).ToLowerInvariant();

    private static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
            throw new InvalidOperationException("Données de démonstration : " + string.Join(" ", resultat.Errors.Select(e => e.Description)));
    }
}
