using Clause.Domain.Commun;
using Clause.Domain.Entreprises;

namespace Clause.Infrastructure.DonneesDemo;

/// <summary>
/// Demo companies of one département (Indre-et-Loire): about 80 building and service firms with NAF codes
/// matching their trade, size bands, addresses and 1 to 3 contacts, and a realistic mix of employers —
/// mostly classic firms, about ten SIAE (ACI, AI, EI, ETTI, régies de quartier), two GEIQ, an EA and an
/// ESAT, three temp agencies. The first four are the historic demo companies (the Entreprise account
/// points to the first).
/// </summary>
public sealed partial class SemeurDemo
{
    private const int NombreEntreprisesClassiques = 60;

    private static readonly (string Commune, string CodePostal)[] CommunesEntreprises =
    [
        ("Tours", "37000"), ("Tours", "37100"), ("Tours", "37200"), ("Joué-lès-Tours", "37300"), ("Saint-Cyr-sur-Loire", "37540"),
        ("Saint-Pierre-des-Corps", "37700"), ("Saint-Avertin", "37550"), ("Chambray-lès-Tours", "37170"), ("La Riche", "37520"),
        ("Fondettes", "37230"), ("Ballan-Miré", "37510"), ("Amboise", "37400"), ("Chinon", "37500"), ("Loches", "37600"),
        ("Montlouis-sur-Loire", "37270"), ("Vouvray", "37210"), ("Bléré", "37150"), ("Château-Renault", "37110"), ("Langeais", "37130"),
        ("Azay-le-Rideau", "37190"), ("Monts", "37260"), ("Sorigny", "37250"), ("Esvres", "37320"), ("Luynes", "37230"),
        ("Parçay-Meslay", "37210"), ("Bourgueil", "37140"), ("Sainte-Maure-de-Touraine", "37800"), ("Descartes", "37160"),
        ("Saint-Aubin-sur-Loire", "37540"), ("Montlouis-la-Forêt", "37270"), ("Joué-sur-Cher", "37300"),
    ];

    /// <summary>Local "pays" used in firm names: the name alone ({P}) and with its article ({D}).</summary>
    private static readonly (string Nom, string De)[] Pays =
    [
        ("Touraine", "de Touraine"), ("Val de Loire", "du Val de Loire"), ("Loire", "de Loire"), ("Cher", "du Cher"),
        ("Indre", "de l'Indre"), ("Chinonais", "du Chinonais"), ("Lochois", "du Lochois"), ("Véron", "du Véron"),
    ];

    private static readonly string[] ZonesActivite =
    [
        "ZA des Grands Champs", "ZI du Menneton", "ZA de la Bergeonnerie", "Parc d'activités des Perrières", "ZA du Bois de l'Arche", "ZI des Aubuis",
    ];

    private static readonly string[] RuesActivite =
    [
        "rue Denis Papin", "rue Gustave Eiffel", "allée des Artisans", "rue de l'Industrie", "rue Nicéphore Niépce", "avenue du Danemark",
    ];

    /// <summary>Surnames that read as a place or a brand in a firm's name.</summary>
    private static readonly HashSet<string> NomsEcartes = new(StringComparer.OrdinalIgnoreCase) { "Paris", "Renault", "France", "Lorraine" };

    private static readonly HashSet<string> MotsVides = new(StringComparer.Ordinal) { "de", "du", "des", "la", "le", "les", "l", "d", "et", "sarl", "sas", "eurl", "sa" };

    private static readonly string[] FormesJuridiques = ["", "", "", " SARL", " SAS", " EURL", " SA"];

    /// <summary>A trade: its NAF codes, how firms of that trade are named ({N} a surname, {P} a pays), usual sizes.</summary>
    private sealed record Metier(int Nombre, string[] CodesNaf, string[] Modeles, TrancheEffectif[] Tranches);

    private static readonly Metier[] Metiers =
    [
        new(10, ["4399C", "4399C", "4120A", "4120B", "4311Z"],
            ["Maçonnerie {N}", "{N} Bâtiment", "Entreprise {N} et Fils", "{N} Construction", "{N} Gros Œuvre", "Bâti {P}", "Maçons {D}"],
            [TrancheEffectif.De6A9, TrancheEffectif.De10A19, TrancheEffectif.De20A49, TrancheEffectif.De20A49, TrancheEffectif.De50A99, TrancheEffectif.De100A199]),
        new(8, ["4334Z"],
            ["Peinture {N}", "{N} Décoration", "{N} Peinture et Revêtements", "Atelier {N} Finitions", "Peintres {D}"],
            [TrancheEffectif.De1A2, TrancheEffectif.De3A5, TrancheEffectif.De6A9, TrancheEffectif.De10A19, TrancheEffectif.De20A49]),
        new(8, ["4332A", "4332A", "4332B"],
            ["Menuiserie {N}", "{N} Agencement", "{N} Fermetures", "Atelier Bois {N}", "Menuiseries {D}"],
            [TrancheEffectif.De3A5, TrancheEffectif.De6A9, TrancheEffectif.De10A19, TrancheEffectif.De20A49]),
        new(8, ["4322A", "4322B"],
            ["{N} Plomberie Chauffage", "Sanitaires {N}", "{N} Thermique", "Eau et Chaleur {P}", "{N} Génie Climatique"],
            [TrancheEffectif.De1A2, TrancheEffectif.De3A5, TrancheEffectif.De6A9, TrancheEffectif.De10A19, TrancheEffectif.De20A49]),
        new(8, ["4321A"],
            ["Électricité {N}", "{N} Élec", "{N} Courants Forts", "Élec {P}", "{N} Électricité Générale"],
            [TrancheEffectif.De3A5, TrancheEffectif.De6A9, TrancheEffectif.De10A19, TrancheEffectif.De20A49, TrancheEffectif.De50A99]),
        new(6, ["4211Z", "4312A", "4221Z"],
            ["{N} Travaux Publics", "TP {N}", "Terrassements {N}", "{P} VRD", "{N} Routes et Réseaux"],
            [TrancheEffectif.De10A19, TrancheEffectif.De20A49, TrancheEffectif.De50A99, TrancheEffectif.De100A199, TrancheEffectif.De250A499]),
        new(6, ["8130Z"],
            ["{N} Paysages", "Jardins {N}", "{N} Espaces Verts", "Paysagistes {D}"],
            [TrancheEffectif.De1A2, TrancheEffectif.De3A5, TrancheEffectif.De6A9, TrancheEffectif.De10A19]),
        new(6, ["8121Z", "8121Z", "8122Z"],
            ["{N} Propreté", "Net {P}", "{N} Services Nettoyage", "Clair Net {P}"],
            [TrancheEffectif.De20A49, TrancheEffectif.De50A99, TrancheEffectif.De100A199, TrancheEffectif.De250A499]),
    ];

    /// <summary>Employers of the insertion and adapted sectors, temp agencies and GEIQ of the territory.</summary>
    private static readonly (string Nom, TypeEmployeur Type, string Naf, TrancheEffectif Tranche)[] StructuresEmployeuses =
    [
        ("Atelier chantier d'insertion Bâti Réemploi", TypeEmployeur.ACI, "4339Z", TrancheEffectif.De10A19),
        ("Chantier école du Lochois", TypeEmployeur.ACI, "8899B", TrancheEffectif.De20A49),
        ("Association intermédiaire Partage Emploi Touraine", TypeEmployeur.AI, "7830Z", TrancheEffectif.De50A99),
        ("AI Val d'Amboise Services", TypeEmployeur.AI, "7830Z", TrancheEffectif.De20A49),
        ("Touraine Insertion Peinture", TypeEmployeur.EI, "4334Z", TrancheEffectif.De10A19),
        ("Net Solidaire 37", TypeEmployeur.EI, "8121Z", TrancheEffectif.De20A49),
        ("Tremplin Intérim Insertion", TypeEmployeur.ETTI, "7820Z", TrancheEffectif.De20A49),
        ("Régie de quartier des Rives du Cher", TypeEmployeur.RegieQuartier, "8899B", TrancheEffectif.De20A49),
        ("Régie de quartier Les Fontaines", TypeEmployeur.RegieQuartier, "8130Z", TrancheEffectif.De10A19),
        ("GEIQ Bâtiment Val de Loire", TypeEmployeur.GEIQ, "7830Z", TrancheEffectif.De20A49),
        ("GEIQ Propreté Centre", TypeEmployeur.GEIQ, "7830Z", TrancheEffectif.De10A19),
        ("Les Ateliers du Cher (entreprise adaptée)", TypeEmployeur.EA, "8130Z", TrancheEffectif.De50A99),
        ("ESAT Les Tilleuls", TypeEmployeur.ESAT, "8810C", TrancheEffectif.De100A199),
        ("Touraine Intérim BTP", TypeEmployeur.ETT, "7820Z", TrancheEffectif.De10A19),
        ("Loire Travail Temporaire", TypeEmployeur.ETT, "7820Z", TrancheEffectif.De20A49),
        ("Intérim Bâtiment Services 37", TypeEmployeur.ETT, "7820Z", TrancheEffectif.De6A9),
    ];

    /// <summary>Completes the four historic companies, then adds the rest of the territory's firms to <paramref name="liste"/>.</summary>
    private void CompleterEntreprisesDuDepartement(StructureId structureId, List<Entreprise> liste)
    {
        (string Naf, TrancheEffectif Tranche, string Commune, string CodePostal)[] historiques =
        [
            ("4399C", TrancheEffectif.De20A49, "Saint-Aubin-sur-Loire", "37540"),
            ("4334Z", TrancheEffectif.De10A19, "Joué-lès-Tours", "37300"),
            ("8130Z", TrancheEffectif.De20A49, "Saint-Aubin-sur-Loire", "37540"),
            ("7820Z", TrancheEffectif.De50A99, "Tours", "37000"),
        ];
        for (var i = 0; i < liste.Count && i < historiques.Length; i++)
        {
            var e = liste[i];
            var h = historiques[i];
            e.Modifier(e.RaisonSociale, e.Siret, e.TypeEmployeur, h.Naf, h.Tranche, AdresseDemo(), h.CodePostal, h.Commune);
            AjouterContactsDemo(e);
        }

        var noms = liste.Select(e => e.RaisonSociale).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sirets = liste.Select(e => e.Siret).ToHashSet(StringComparer.Ordinal);
        foreach (var metier in Metiers)
        {
            for (var n = 0; n < metier.Nombre; n++)
            {
                var nom = NomUnique(metier, noms);
                var (commune, codePostal) = _faker.PickRandom(CommunesEntreprises);
                var entreprise = Entreprise.Creer(structureId, nom, SiretUnique(sirets), TypeEmployeur.Classique,
                    _faker.PickRandom(metier.CodesNaf), _faker.PickRandom(metier.Tranches), AdresseDemo(), codePostal, commune);
                AjouterContactsDemo(entreprise);
                liste.Add(entreprise);
            }
        }
        foreach (var (nom, type, naf, tranche) in StructuresEmployeuses)
        {
            var (commune, codePostal) = _faker.PickRandom(CommunesEntreprises);
            var entreprise = Entreprise.Creer(structureId, nom, SiretUnique(sirets), type, naf, tranche, AdresseDemo(), codePostal, commune);
            noms.Add(nom);
            AjouterContactsDemo(entreprise);
            liste.Add(entreprise);
        }
    }

    /// <summary>A firm name not yet used, ignoring the legal form ("Peinture Simon SARL" and "Peinture Simon SAS" are one).</summary>
    private string NomUnique(Metier metier, HashSet<string> noms)
    {
        while (true)
        {
            var patronyme = _faker.Name.LastName();
            if (NomsEcartes.Contains(patronyme)) continue;
            var pays = _faker.PickRandom(Pays);
            var nom = _faker.PickRandom(metier.Modeles)
                .Replace("{N}", patronyme, StringComparison.Ordinal)
                .Replace("{P}", pays.Nom, StringComparison.Ordinal)
                .Replace("{D}", pays.De, StringComparison.Ordinal);
            if (noms.Add(nom)) return nom + _faker.PickRandom(FormesJuridiques);
        }
    }

    /// <summary>A street address; building firms are often in an activity zone.</summary>
    private string AdresseDemo() => _faker.Random.Bool(0.3f)
        ? $"{_faker.Random.Int(1, 40)} {_faker.PickRandom(RuesActivite)}, {_faker.PickRandom(ZonesActivite)}"
        : $"{_faker.Random.Int(1, 120)} {_faker.Address.StreetName()}";

    /// <summary>"Brun Peinture et Revêtements SA" → "brun-peinture-revetements.fr".</summary>
    private static string DomaineMail(string raisonSociale)
    {
        var mots = raisonSociale.Normalize(System.Text.NormalizationForm.FormD)
            .Split([' ', '\'', '’', '(', ')', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(m => new string(m.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(m => m.Length > 0 && !MotsVides.Contains(m))
            .Take(3);
        return string.Join('-', mots) + ".fr";
    }

    private string SiretUnique(HashSet<string> sirets)
    {
        while (true)
        {
            var siret = SiretAleatoire();
            if (sirets.Add(siret)) return siret;
        }
    }

    /// <summary>A dirigeant first, then one or two people the facilitateur works with, by kind of employer.</summary>
    private void AjouterContactsDemo(Entreprise entreprise)
    {
        RoleContactEntreprise[] autresRoles = entreprise.TypeEmployeur switch
        {
            TypeEmployeur.Classique => [RoleContactEntreprise.ConducteurTravaux, RoleContactEntreprise.RH, RoleContactEntreprise.ChefEquipe],
            TypeEmployeur.ETT => [RoleContactEntreprise.RH, RoleContactEntreprise.Autre],
            _ => [RoleContactEntreprise.Tuteur, RoleContactEntreprise.ChefEquipe, RoleContactEntreprise.RH],
        };
        var petite = entreprise.TrancheEffectif is TrancheEffectif.AucunSalarie or TrancheEffectif.De1A2;
        var nombre = petite ? 1 : _faker.Random.Int(1, 3);
        var domaineMail = DomaineMail(entreprise.RaisonSociale);
        var roles = new[] { RoleContactEntreprise.Dirigeant }.Concat(_faker.Random.Shuffle(autresRoles)).Take(nombre);
        foreach (var role in roles)
        {
            var prenom = _faker.Name.FirstName();
            var nomFamille = _faker.Name.LastName();
            var telephone = role == RoleContactEntreprise.Dirigeant || _faker.Random.Bool()
                ? $"02 47 {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)}"
                : $"06 {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)} {_faker.Random.Int(10, 99)}";
            entreprise.AjouterContact($"{prenom} {nomFamille}", role, $"{Ascii(prenom)}.{Ascii(nomFamille)}@{domaineMail}", telephone);
        }
    }
}
