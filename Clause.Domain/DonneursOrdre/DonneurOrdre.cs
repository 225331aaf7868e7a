using Clause.Domain.Commun;

namespace Clause.Domain.DonneursOrdre;

public enum TypeDonneurOrdre
{
    [Libelle("État")] Etat,
    [Libelle("Région")] Region,
    [Libelle("Département")] Departement,
    [Libelle("Commune")] Commune,
    [Libelle("EPCI (intercommunalité)")] Epci,
    [Libelle("Établissement public")] EtablissementPublic,
    [Libelle("Bailleur social")] BailleurSocial,
    [Libelle("SEM / SPL")] Sem,
    [Libelle("Hôpital")] Hopital,
    [Libelle("Entreprise privée")] EntreprisePrivee,
}

/// <summary>
/// A public (or private) buyer that writes the clause into its contracts (DOMAIN.md §3).
/// The SIRET is required for public buyers, optional for private ones, and unique within a structure.
/// </summary>
public sealed class DonneurOrdre : Racine<DonneurOrdreId>, IAppartientStructure
{
    public const int RaisonSocialeLongueurMax = 200;
    public const int AdresseLongueurMax = 250;
    public const int CodePostalLongueur = 5;
    public const int CommuneLongueurMax = 100;

    private readonly List<ContactDonneurOrdre> _contacts = [];

    private DonneurOrdre() { RaisonSociale = string.Empty; }

    public StructureId StructureId { get; private set; }

    public string RaisonSociale { get; private set; }

    /// <summary>The raison sociale and the commune as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier"/>; the SIRET is searched on its own column.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    public TypeDonneurOrdre Type { get; private set; }

    /// <summary>14 digits without spaces, or null (private buyer).</summary>
    public string? Siret { get; private set; }

    public string? Adresse { get; private set; }

    public string? CodePostal { get; private set; }

    public string? Commune { get; private set; }

    public IReadOnlyList<ContactDonneurOrdre> Contacts => _contacts;

    public static DonneurOrdre Creer(StructureId structureId, string? raisonSociale, TypeDonneurOrdre type, string? siret,
        string? adresse, string? codePostal, string? commune)
    {
        var donneur = new DonneurOrdre { StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure") };
        donneur.Modifier(raisonSociale, type, siret, adresse, codePostal, commune);
        return donneur;
    }

    public void Modifier(string? raisonSociale, TypeDonneurOrdre type, string? siret, string? adresse, string? codePostal, string? commune)
    {
        // Every rule is checked and every refusal thrown at once (Verification), before anything changes.
        var v = new Verification();
        var raison = v.Verifier(() => Garde.Requis(raisonSociale, nameof(RaisonSociale), "Raison sociale", RaisonSocialeLongueurMax), string.Empty);
        var typeValide = v.Verifier(() => (TypeDonneurOrdre?)Garde.Defini(type, nameof(Type), "Type"));
        var siretValide = v.Verifier(() =>
        {
            var siretSaisi = Garde.Optionnel(siret, nameof(Siret), "SIRET", 20);
            // The public-buyer rule needs a valid type: a refused type is already an error of its own.
            if (siretSaisi is null && typeValide is { } t && t != TypeDonneurOrdre.EntreprisePrivee)
                throw new RegleMetierException(nameof(Siret), "Le SIRET est obligatoire pour un acheteur public.");
            return siretSaisi is null ? null : Commun.Siret.Parse(siretSaisi, nameof(Siret)).Valeur;
        });
        var adresseValide = v.Verifier(() => Garde.Optionnel(adresse, nameof(Adresse), "Adresse", AdresseLongueurMax));
        var cp = v.Verifier(() =>
        {
            var valeur = Garde.Optionnel(codePostal, nameof(CodePostal), "Code postal", CodePostalLongueur);
            if (valeur is not null && (valeur.Length != CodePostalLongueur || !valeur.All(char.IsAsciiDigit)))
                throw new RegleMetierException(nameof(CodePostal), "Le code postal doit comporter 5 chiffres.");
            return valeur;
        });
        var communeValide = v.Verifier(() => Garde.Optionnel(commune, nameof(Commune), "Commune", CommuneLongueurMax));
        v.Lever();

        RaisonSociale = raison;
        Type = typeValide!.Value;
        Siret = siretValide;
        Adresse = adresseValide;
        CodePostal = cp;
        Commune = communeValide;
        Recherche = RechercheDe(RaisonSociale, Commune);
    }

    /// <summary>The search text of a donneur d'ordre: raison sociale then commune, normalised.</summary>
    public static string RechercheDe(string? raisonSociale, string? commune) => TexteRecherche.De(raisonSociale, commune);

    public ContactDonneurOrdre AjouterContact(string? nom, RoleContactDonneurOrdre role, string? email, string? telephone)
    {
        var contact = new ContactDonneurOrdre(StructureId, Id, nom, role, email, telephone);
        _contacts.Add(contact);
        return contact;
    }

    public void ModifierContact(Guid contactId, string? nom, RoleContactDonneurOrdre role, string? email, string? telephone) =>
        TrouverContact(contactId).Modifier(nom, role, email, telephone);

    public void RetirerContact(Guid contactId) => _contacts.Remove(TrouverContact(contactId));

    private ContactDonneurOrdre TrouverContact(Guid contactId) =>
        _contacts.FirstOrDefault(c => c.Id == contactId)
        ?? throw new RegleMetierException(nameof(Contacts), "Ce contact n'appartient pas à ce donneur d'ordre.");
}

public enum RoleContactDonneurOrdre
{
    [Libelle("Élu")] Elu,
    [Libelle("Service marchés")] ServiceMarches,
    [Libelle("Technicien")] Technicien,
    [Libelle("Direction")] Direction,
    [Libelle("Autre")] Autre,
}

/// <summary>A person to write to at the buyer. Part of the <see cref="DonneurOrdre"/> aggregate.</summary>
public sealed class ContactDonneurOrdre : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int NomLongueurMax = 150;
    public const int EmailLongueurMax = 254;
    public const int TelephoneLongueurMax = 20;

    private ContactDonneurOrdre() { Nom = string.Empty; }

    internal ContactDonneurOrdre(StructureId structureId, DonneurOrdreId donneurOrdreId, string? nom, RoleContactDonneurOrdre role, string? email, string? telephone)
    {
        StructureId = structureId;
        DonneurOrdreId = donneurOrdreId;
        Nom = string.Empty;
        Modifier(nom, role, email, telephone);
    }

    public StructureId StructureId { get; private set; }

    public DonneurOrdreId DonneurOrdreId { get; private set; }

    public Guid RacineId => DonneurOrdreId.Valeur;

    public string Nom { get; private set; }

    public RoleContactDonneurOrdre Role { get; private set; }

    public string? Email { get; private set; }

    public string? Telephone { get; private set; }

    internal void Modifier(string? nom, RoleContactDonneurOrdre role, string? email, string? telephone)
    {
        var v = new Verification();
        var nomValide = v.Verifier(() => Garde.Requis(nom, nameof(Nom), "Nom", NomLongueurMax), string.Empty);
        var roleValide = v.Verifier(() => Garde.Defini(role, nameof(Role), "Rôle"));
        var emailValide = v.Verifier(() => Garde.Email(email, nameof(Email), "E-mail", EmailLongueurMax));
        var tel = v.Verifier(() =>
        {
            var valeur = Garde.Optionnel(telephone, nameof(Telephone), "Téléphone", TelephoneLongueurMax);
            if (valeur is not null && !valeur.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
                throw new RegleMetierException(nameof(Telephone), "Le téléphone ne doit contenir que des chiffres, espaces, points, tirets ou « + ».");
            return valeur;
        });
        v.Lever();
        Nom = nomValide;
        Role = roleValide;
        Email = emailValide;
        Telephone = tel;
    }
}
