using Clause.Domain.Commun;

namespace Clause.Domain.Entreprises;

/// <summary>Type of employer (DOMAIN.md §4).</summary>
public enum TypeEmployeur
{
    [Libelle("Entreprise classique")] Classique,
    [Libelle("ACI — atelier et chantier d'insertion")] ACI,
    [Libelle("AI — association intermédiaire")] AI,
    [Libelle("EI — entreprise d'insertion")] EI,
    [Libelle("ETTI — entreprise de travail temporaire d'insertion")] ETTI,
    [Libelle("GEIQ")] GEIQ,
    [Libelle("EA — entreprise adaptée")] EA,
    [Libelle("EATT — entreprise adaptée de travail temporaire")] EATT,
    [Libelle("ESAT")] ESAT,
    [Libelle("Régie de quartier")] RegieQuartier,
    [Libelle("ETT — travail temporaire")] ETT,
}

/// <summary>Families of employers that the contrat and heures rules test (DOMAIN.md §6).</summary>
public static class TypesEmployeur
{
    /// <summary>
    /// A SIAE for <c>SousTraitanceSiae</c> / <c>CoTraitanceSiae</c> (§6): ACI, AI, EI, ETTI and régie de quartier.
    /// GEIQ, ETT and the secteur adapté are not SIAE.
    /// </summary>
    public static bool EstSiae(this TypeEmployeur type) =>
        type is TypeEmployeur.ACI or TypeEmployeur.AI or TypeEmployeur.EI or TypeEmployeur.ETTI or TypeEmployeur.RegieQuartier;

    /// <summary>The secteur adapté / protégé for <c>SousTraitanceEaEsat</c> (§6): EA, EATT and ESAT.</summary>
    public static bool EstSecteurAdapte(this TypeEmployeur type) =>
        type is TypeEmployeur.EA or TypeEmployeur.EATT or TypeEmployeur.ESAT;
}

/// <summary>
/// Size band of the salaried workforce, after INSEE's "tranche d'effectif salarié" of the SIRENE register
/// (its two-digit code is given by <see cref="TranchesEffectif.CodeInsee"/>).
/// </summary>
public enum TrancheEffectif
{
    [Libelle("0 salarié")] AucunSalarie,
    [Libelle("1 ou 2 salariés")] De1A2,
    [Libelle("3 à 5 salariés")] De3A5,
    [Libelle("6 à 9 salariés")] De6A9,
    [Libelle("10 à 19 salariés")] De10A19,
    [Libelle("20 à 49 salariés")] De20A49,
    [Libelle("50 à 99 salariés")] De50A99,
    [Libelle("100 à 199 salariés")] De100A199,
    [Libelle("200 à 249 salariés")] De200A249,
    [Libelle("250 à 499 salariés")] De250A499,
    [Libelle("500 à 999 salariés")] De500A999,
    [Libelle("1 000 à 1 999 salariés")] De1000A1999,
    [Libelle("2 000 à 4 999 salariés")] De2000A4999,
    [Libelle("5 000 à 9 999 salariés")] De5000A9999,
    [Libelle("10 000 salariés et plus")] Plus10000,
}

public static class TranchesEffectif
{
    /// <summary>The SIRENE code of the band ("00", "01", … "53"), for imports and exchanges.</summary>
    public static string CodeInsee(this TrancheEffectif tranche) => tranche switch
    {
        TrancheEffectif.AucunSalarie => "00",
        TrancheEffectif.De1A2 => "01",
        TrancheEffectif.De3A5 => "02",
        TrancheEffectif.De6A9 => "03",
        TrancheEffectif.De10A19 => "11",
        TrancheEffectif.De20A49 => "12",
        TrancheEffectif.De50A99 => "21",
        TrancheEffectif.De100A199 => "22",
        TrancheEffectif.De200A249 => "31",
        TrancheEffectif.De250A499 => "32",
        TrancheEffectif.De500A999 => "41",
        TrancheEffectif.De1000A1999 => "42",
        TrancheEffectif.De2000A4999 => "51",
        TrancheEffectif.De5000A9999 => "52",
        TrancheEffectif.Plus10000 => "53",
        _ => throw new ArgumentOutOfRangeException(nameof(tranche)),
    };
}

/// <summary>
/// Any company: attributaire, sous-traitant or employing structure (SIAE, ETT, GEIQ, EA/ESAT) — DOMAIN.md §4.
/// One company per SIRET within a structure (unique index; the page also checks before saving).
/// </summary>
public sealed class Entreprise : Racine<EntrepriseId>, IAppartientStructure
{
    public const int RaisonSocialeLongueurMax = 200;
    public const int AdresseLongueurMax = 250;
    public const int CodePostalLongueur = 5;
    public const int CommuneLongueurMax = 100;
    public const int CodeNafLongueur = 5;

    private readonly List<ContactEntreprise> _contacts = [];

    private Entreprise() { RaisonSociale = string.Empty; Siret = string.Empty; }

    public StructureId StructureId { get; private set; }

    public string RaisonSociale { get; private set; }

    /// <summary>The raison sociale as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier(string?, string?, TypeEmployeur, string?, TrancheEffectif?, string?, string?, string?)"/>; the SIRET is searched on its own column.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    /// <summary>14 digits, validated (DOMAIN.md §4).</summary>
    public string Siret { get; private set; }

    public TypeEmployeur TypeEmployeur { get; private set; }

    /// <summary>APE/NAF code, stored as 4 digits and a capital letter without the dot ("4120A"); optional.</summary>
    public string? CodeNaf { get; private set; }

    public TrancheEffectif? TrancheEffectif { get; private set; }

    public string? Adresse { get; private set; }

    public string? CodePostal { get; private set; }

    public string? Commune { get; private set; }

    public IReadOnlyList<ContactEntreprise> Contacts => _contacts;

    public static Entreprise Creer(StructureId structureId, string? raisonSociale, string? siret, TypeEmployeur type) =>
        Creer(structureId, raisonSociale, siret, type, null, null, null, null, null);

    public static Entreprise Creer(StructureId structureId, string? raisonSociale, string? siret, TypeEmployeur type,
        string? codeNaf, TrancheEffectif? trancheEffectif, string? adresse, string? codePostal, string? commune)
    {
        var entreprise = new Entreprise { StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure") };
        entreprise.Modifier(raisonSociale, siret, type, codeNaf, trancheEffectif, adresse, codePostal, commune);
        return entreprise;
    }

    /// <summary>Changes the identity only (name, SIRET, type); the other fields are kept.</summary>
    public void Modifier(string? raisonSociale, string? siret, TypeEmployeur type) =>
        Modifier(raisonSociale, siret, type, CodeNaf, TrancheEffectif, Adresse, CodePostal, Commune);

    public void Modifier(string? raisonSociale, string? siret, TypeEmployeur type,
        string? codeNaf, TrancheEffectif? trancheEffectif, string? adresse, string? codePostal, string? commune)
    {
        // Every rule is checked and every refusal thrown at once (Verification), before anything changes.
        var v = new Verification();
        var raison = v.Verifier(() => Garde.Requis(raisonSociale, nameof(RaisonSociale), "Raison sociale", RaisonSocialeLongueurMax), string.Empty);
        var siretValide = v.Verifier(() => Commun.Siret.Parse(Garde.Requis(siret, nameof(Siret), "SIRET", 20), nameof(Siret)).Valeur, string.Empty);
        var typeValide = v.Verifier(() => Garde.Defini(type, nameof(TypeEmployeur), "Type d'employeur"));
        var naf = v.Verifier(() => NormaliserCodeNaf(codeNaf));
        if (trancheEffectif is { } tranche) v.Verifier(() => Garde.Defini(tranche, nameof(TrancheEffectif), "Tranche d'effectif"));
        var adresseValide = v.Verifier(() => Garde.Optionnel(adresse, nameof(Adresse), "Adresse", AdresseLongueurMax));
        var cp = v.Verifier(() =>
        {
            var valeur = Garde.Optionnel(codePostal, nameof(CodePostal), "Code postal", 10)?.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (valeur is not null && (valeur.Length != CodePostalLongueur || !valeur.All(char.IsAsciiDigit)))
                throw new RegleMetierException(nameof(CodePostal), "Le code postal doit comporter 5 chiffres.");
            return valeur;
        });
        var communeValide = v.Verifier(() => Garde.Optionnel(commune, nameof(Commune), "Commune", CommuneLongueurMax));
        v.Lever();

        RaisonSociale = raison;
        Recherche = RechercheDe(raison);
        Siret = siretValide;
        TypeEmployeur = typeValide;
        CodeNaf = naf;
        TrancheEffectif = trancheEffectif;
        Adresse = adresseValide;
        CodePostal = cp;
        Commune = communeValide;
    }

    /// <summary>The search text of a company: its raison sociale, normalised.</summary>
    public static string RechercheDe(string? raisonSociale) => TexteRecherche.Normaliser(raisonSociale);

    /// <summary>
    /// "4120A", "41.20A", "41.20 a" → "4120A"; empty → null. Anything else is refused: the NAF rév. 2 code is
    /// four digits and a letter (the dot after the second digit is how INSEE prints it).
    /// </summary>
    public static string? NormaliserCodeNaf(string? saisie)
    {
        var texte = Garde.Optionnel(saisie, nameof(CodeNaf), "Code NAF", 10);
        if (texte is null) return null;
        var compact = new string(texte.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (compact.Length == 6 && compact[2] == '.') compact = compact.Remove(2, 1);
        if (compact.Length != CodeNafLongueur || !compact[..4].All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(compact[4]))
            throw new RegleMetierException(nameof(CodeNaf), "Le code NAF doit comporter 4 chiffres suivis d'une lettre (exemple : 41.20A ou 4120A).");
        return compact;
    }

    /// <summary>The NAF code as INSEE prints it ("41.20A"), or null.</summary>
    public static string? AfficherCodeNaf(string? codeNaf) =>
        codeNaf is { Length: CodeNafLongueur } ? $"{codeNaf[..2]}.{codeNaf[2..]}" : codeNaf;

    public ContactEntreprise AjouterContact(string? nom, RoleContactEntreprise role, string? email, string? telephone)
    {
        var contact = new ContactEntreprise(StructureId, Id, nom, role, email, telephone);
        _contacts.Add(contact);
        return contact;
    }

    public void ModifierContact(Guid contactId, string? nom, RoleContactEntreprise role, string? email, string? telephone) =>
        TrouverContact(contactId).Modifier(nom, role, email, telephone);

    public void RetirerContact(Guid contactId) => _contacts.Remove(TrouverContact(contactId));

    private ContactEntreprise TrouverContact(Guid contactId) =>
        _contacts.FirstOrDefault(c => c.Id == contactId)
        ?? throw new RegleMetierException(nameof(Contacts), "Ce contact n'appartient pas à cette entreprise.");
}

public enum RoleContactEntreprise
{
    [Libelle("Dirigeant")] Dirigeant,
    [Libelle("Ressources humaines")] RH,
    [Libelle("Conducteur de travaux")] ConducteurTravaux,
    [Libelle("Chef d'équipe")] ChefEquipe,
    [Libelle("Tuteur")] Tuteur,
    [Libelle("Autre")] Autre,
}

/// <summary>A person to write to at the company (reminders, hires). Part of the <see cref="Entreprise"/> aggregate.</summary>
public sealed class ContactEntreprise : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int NomLongueurMax = 150;
    public const int EmailLongueurMax = 254;
    public const int TelephoneLongueurMax = 20;

    private ContactEntreprise() { Nom = string.Empty; }

    internal ContactEntreprise(StructureId structureId, EntrepriseId entrepriseId, string? nom, RoleContactEntreprise role, string? email, string? telephone)
    {
        StructureId = structureId;
        EntrepriseId = entrepriseId;
        Nom = string.Empty;
        Modifier(nom, role, email, telephone);
    }

    public StructureId StructureId { get; private set; }

    public EntrepriseId EntrepriseId { get; private set; }

    public Guid RacineId => EntrepriseId.Valeur;

    public string Nom { get; private set; }

    public RoleContactEntreprise Role { get; private set; }

    public string? Email { get; private set; }

    public string? Telephone { get; private set; }

    internal void Modifier(string? nom, RoleContactEntreprise role, string? email, string? telephone)
    {
        var v = new Verification();
        var nomValide = v.Verifier(() => Garde.Requis(nom, nameof(Nom), "Nom", NomLongueurMax), string.Empty);
        var roleValide = v.Verifier(() => Garde.Defini(role, nameof(Role), "Rôle"));
        var emailValide = v.Verifier(() => Garde.Email(email, nameof(Email), "E-mail", EmailLongueurMax));
        var tel = v.Verifier(() => Garde.Telephone(telephone, nameof(Telephone), "Téléphone", TelephoneLongueurMax));
        v.Lever();
        Nom = nomValide;
        Role = roleValide;
        Email = emailValide;
        Telephone = tel;
    }
}
