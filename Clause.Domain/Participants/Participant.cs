using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Structures;

namespace Clause.Domain.Participants;

/// <summary>What a facilitateur types to register or correct a participant (field names = the page's input names).</summary>
public sealed record DonneesParticipant(
    string? Nom,
    string? Prenom,
    Sexe? Sexe,
    DateOnly? DateNaissance,
    string? Adresse,
    string? CodePostal,
    string? Commune,
    bool ResidentQpv,
    string? CodeQpv,
    NiveauQualification? NiveauQualification,
    Prescripteur? Prescripteur,
    Guid? ReferentId,
    string? IdentifiantFranceTravail,
    DateOnly? DateInformation);

/// <summary>
/// A person far from employment followed by the structure (DOMAIN.md §5), identity kept to the minimum.
/// Aggregate root of the eligibility decisions: only a facilitateur validates one, and a contract counts
/// only if it starts inside a decision's window (<see cref="Verifier"/>).
/// Fields marked <see cref="SensibleAttribute"/> are masked in the audit trail: everything that the
/// anonymisation of §12 removes or coarsens (names, birth date, address, commune, QPV code, France
/// Travail id), so the journal never outlives the active base with identities in clear.
/// </summary>
public sealed class Participant : Racine<ParticipantId>, IAppartientStructure
{
    public const int NomLongueurMax = 100;
    public const int PrenomLongueurMax = 100;
    public const int AdresseLongueurMax = 250;
    public const int CodePostalLongueur = 5;
    public const int CommuneLongueurMax = 100;
    // The column keeps its 9 characters: codes written under the former participant rule (7 digits) stay readable.
    public const int CodeQpvLongueurMax = 9;
    public const int IdentifiantFranceTravailLongueurMin = 7;
    public const int IdentifiantFranceTravailLongueurMax = 11;
    public const int AgeMinimumInscription = 16;
    public const int AgeMaximumInscription = 80;

    private readonly List<DecisionEligibilite> _decisions = [];

    private Participant()
    {
        Nom = string.Empty;
        Prenom = string.Empty;
        CodePostal = string.Empty;
        Commune = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    [Sensible] public string Nom { get; private set; }

    [Sensible] public string Prenom { get; private set; }

    public Sexe Sexe { get; private set; }

    [Sensible] public DateOnly DateNaissance { get; private set; }

    [Sensible] public string? Adresse { get; private set; }

    [Sensible] public string CodePostal { get; private set; }

    [Sensible] public string Commune { get; private set; }

    /// <summary>
    /// The name and first name as searched (<see cref="TexteRecherche"/>, rule <see cref="RechercheDe"/>), kept by
    /// <see cref="Modifier"/> and <see cref="Anonymiser"/>: what every list and combobox compares a term with.
    /// </summary>
    [Sensible, Derive] public string Recherche { get; private set; } = string.Empty;

    /// <summary>The commune as searched (the list's commune filter), kept with <see cref="Commune"/>.</summary>
    [Sensible, Derive] public string RechercheCommune { get; private set; } = string.Empty;

    public bool ResidentQpv { get; private set; }

    /// <summary>The QPV code (rule: <see cref="ReglesQpv"/>), present exactly when <see cref="ResidentQpv"/>.</summary>
    [Sensible] public string? CodeQpv { get; private set; }

    public NiveauQualification NiveauQualification { get; private set; }

    /// <summary>Who sent the participant, when known (DOMAIN.md §5 does not require it; an avis motivé names its own).</summary>
    public Prescripteur? Prescripteur { get; private set; }

    /// <summary>A staff user of the structure with the role Referent (checked by the page), or none.</summary>
    public Guid? ReferentId { get; private set; }

    [Sensible] public string? IdentifiantFranceTravail { get; private set; }

    /// <summary>Date the participant received the information notice (DOMAIN.md §12), when known.</summary>
    public DateOnly? DateInformation { get; private set; }

    /// <summary>Registration date: the plausibility of the birth date is judged on it.</summary>
    public DateOnly InscritLe { get; private set; }

    /// <summary>
    /// When the participant was anonymised (DOMAIN.md §12, <see cref="Anonymiser"/>); from then on the record is read
    /// only: <see cref="Modifier"/> and <see cref="ValiderEligibilite"/> refuse.
    /// </summary>
    public DateTimeOffset? AnonymiseLe { get; private set; }

    public bool EstAnonymise => AnonymiseLe is not null;

    public IReadOnlyList<DecisionEligibilite> Decisions => _decisions;

    /// <summary>The most recent decision (by validation date), or none.</summary>
    public DecisionEligibilite? DerniereDecision => _decisions.MaxBy(d => d.DateValidation);

    public static Participant Creer(StructureId structureId, DonneesParticipant donnees, DateOnly aujourdhui)
    {
        var participant = new Participant
        {
            StructureId = Garde.Identifiant(structureId, nameof(StructureId), "Structure"),
            InscritLe = aujourdhui,
        };
        participant.Modifier(donnees, aujourdhui);
        return participant;
    }

    /// <summary>
    /// Sets every field; each rule is checked and every refusal thrown at once (<see cref="Verification"/>), before anything
    /// changes: a form with four wrong fields shows four errors.
    /// </summary>
    public void Modifier(DonneesParticipant donnees, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(donnees);
        RefuserSiAnonymise();
        var v = new Verification();
        var nom = v.Verifier(() => Garde.Requis(donnees.Nom, nameof(Nom), "Nom", NomLongueurMax), string.Empty);
        var prenom = v.Verifier(() => Garde.Requis(donnees.Prenom, nameof(Prenom), "Prénom", PrenomLongueurMax), string.Empty);
        var sexe = v.Verifier(() => Garde.Defini(donnees.Sexe ?? throw Obligatoire(nameof(Sexe), "Sexe"), nameof(Sexe), "Sexe"));
        var naissance = v.Verifier(() => VerifierNaissance(donnees.DateNaissance ?? throw Obligatoire(nameof(DateNaissance), "Date de naissance"), aujourdhui, InscritLe));
        var adresse = v.Verifier(() => Garde.Optionnel(donnees.Adresse, nameof(Adresse), "Adresse", AdresseLongueurMax));
        var codePostal = v.Verifier(() =>
        {
            var cp = Garde.Requis(donnees.CodePostal, nameof(CodePostal), "Code postal", CodePostalLongueur + 5).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (cp.Length != CodePostalLongueur || !cp.All(char.IsAsciiDigit))
                throw new RegleMetierException(nameof(CodePostal), "Le code postal doit comporter 5 chiffres.");
            return cp;
        }, string.Empty);
        var commune = v.Verifier(() => Garde.Requis(donnees.Commune, nameof(Commune), "Commune", CommuneLongueurMax), string.Empty);
        var codeQpv = donnees.ResidentQpv
            ? v.Verifier(() => ReglesQpv.Verifier(donnees.CodeQpv, nameof(CodeQpv), "Le code du quartier prioritaire (QPV) est obligatoire pour un résident QPV."))
            : null;
        var niveau = v.Verifier(() => Garde.Defini(donnees.NiveauQualification ?? throw Obligatoire(nameof(NiveauQualification), "Niveau de qualification"),
            nameof(NiveauQualification), "Niveau de qualification"));
        var prescripteur = donnees.Prescripteur is { } p ? v.Verifier(() => (Prescripteur?)Garde.Defini(p, nameof(Prescripteur), "Prescripteur")) : null;
        var identifiant = v.Verifier(() => VerifierIdentifiantFranceTravail(donnees.IdentifiantFranceTravail));
        if (donnees.DateInformation is { } information && information > aujourdhui)
            v.Verifier(() => throw new RegleMetierException(nameof(DateInformation), "La date de remise de la notice d'information ne peut pas être dans le futur."));
        v.Lever();

        Nom = nom;
        Prenom = prenom;
        Sexe = sexe;
        DateNaissance = naissance;
        Adresse = adresse;
        CodePostal = codePostal;
        Commune = commune;
        ResidentQpv = donnees.ResidentQpv;
        CodeQpv = codeQpv;
        NiveauQualification = niveau;
        Prescripteur = prescripteur;
        ReferentId = donnees.ReferentId == Guid.Empty ? null : donnees.ReferentId;
        IdentifiantFranceTravail = identifiant;
        DateInformation = donnees.DateInformation;
        ActualiserRecherche();
    }

    /// <summary>The search text of a participant: name then first name, normalised (<see cref="TexteRecherche.De"/>).</summary>
    public static string RechercheDe(string? nom, string? prenom) => TexteRecherche.De(nom, prenom);

    private void ActualiserRecherche()
    {
        Recherche = RechercheDe(Nom, Prenom);
        RechercheCommune = TexteRecherche.Normaliser(Commune);
    }

    /// <summary>The name given in place of the real one: « Anonyme » and a number (shown « Anonyme 17 »).</summary>
    public const string NomAnonyme = "Anonyme";

    /// <summary>What an anonymisation leaves in place of a free text about the person (a candidature's, a parcours').</summary>
    public const string TexteAnonymise = "(anonymisé)";

    /// <summary>
    /// The anonymisation of DOMAIN.md §12 (docs/domain.md « Conservation et anonymisation »): nom → « Anonyme », prénom → a
    /// number given by the caller (the structure's running count, never derived from the name), address and France
    /// Travail id removed, birth date → 1 January of its year, commune → its département (postal code → the
    /// département's « 000 » code). What the totals read stays: sexe, QPV, niveau, prescripteur, référent, decisions.
    /// The age at the start of each of <paramref name="contrats"/> is frozen on the contrat first
    /// (<see cref="Contrat.FigerAgeAuDebut"/>), so the bilans' age bands do not move with the coarsened birth date, and
    /// their free-text reasons (override, refusal), which may name the person, are purged (<see cref="Contrat.PurgerMotifs"/>).
    /// The QPV code is kept: the database requires it of a QPV resident and it names a quartier, not a person.
    /// Once anonymised, the record can no longer be changed; a second call is refused.
    /// </summary>
    public void Anonymiser(int numero, IEnumerable<Contrat> contrats, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(contrats);
        RefuserSiAnonymise();
        if (numero <= 0) throw new ArgumentOutOfRangeException(nameof(numero), "Le numéro d'anonymisation commence à 1.");
        foreach (var contrat in contrats)
        {
            if (contrat.ParticipantId != Id) throw new ArgumentException("Ce contrat n'est pas celui de ce participant.", nameof(contrats));
            contrat.FigerAgeAuDebut(AgeLe(contrat.DateDebut));
            contrat.PurgerMotifs();
        }
        var departement = Departement(CodePostal);
        Nom = NomAnonyme;
        Prenom = numero.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Adresse = null;
        IdentifiantFranceTravail = null;
        DateNaissance = new DateOnly(DateNaissance.Year, 1, 1);
        CodePostal = departement switch
        {
            "2A" or "2B" => "20000",
            { Length: 3 } => departement + "00",
            _ => departement + "000",
        };
        Commune = "Département " + departement;
        AnonymiseLe = le;
        ActualiserRecherche();
    }

    /// <summary>The département of a postal code: its first two digits, three overseas (97x, 98x), 2A / 2B for Corsica (20xxx).</summary>
    public static string Departement(string codePostal)
    {
        ArgumentNullException.ThrowIfNull(codePostal);
        if (codePostal.Length < 3) return codePostal;
        if (codePostal.StartsWith("97", StringComparison.Ordinal) || codePostal.StartsWith("98", StringComparison.Ordinal)) return codePostal[..3];
        if (codePostal.StartsWith("20", StringComparison.Ordinal)) return string.CompareOrdinal(codePostal, "20200") < 0 ? "2A" : "2B";
        return codePostal[..2];
    }

    private void RefuserSiAnonymise()
    {
        if (AnonymiseLe is not null)
            throw new RegleMetierException(nameof(AnonymiseLe), "Ce participant a été anonymisé : sa fiche n'est plus modifiable.");
    }

    /// <summary>Age in whole years on a date.</summary>
    public int AgeLe(DateOnly date) => CategoriesEligibilite.Age(DateNaissance, date);

    /// <summary>
    /// Records an eligibility decision. Only a Facilitateur may call this (the page restricts the role):
    /// the validator's identity is stored with the decision.
    /// </summary>
    public DecisionEligibilite ValiderEligibilite(DateOnly? dateValidation, IReadOnlyCollection<CategorieSaisie> categories,
        Prescripteur? prescripteurAvis, string? motifAvis, Guid validateurId, string? validateurNom, Reglages reglages, DateOnly aujourdhui)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        RefuserSiAnonymise();
        // Every refusal at once (Verification): the date and every category of the decision, before anything changes.
        var v = new Verification();
        var date = v.Verifier<DateOnly?>(() =>
        {
            var d = dateValidation ?? throw Obligatoire(nameof(DecisionEligibilite.DateValidation), "Date de validation");
            if (d > aujourdhui)
                throw new RegleMetierException(nameof(DecisionEligibilite.DateValidation), "La date de validation ne peut pas être dans le futur.");
            if (d < DateNaissance)
                throw new RegleMetierException(nameof(DecisionEligibilite.DateValidation), "La date de validation ne peut pas précéder la date de naissance.");
            if (_decisions.Any(x => x.DateValidation == d))
                throw new RegleMetierException(nameof(DecisionEligibilite.DateValidation), "Une décision d'éligibilité est déjà enregistrée à cette date pour ce participant.");
            return d;
        });
        var decision = DecisionEligibilite.Creer(this, date, categories, prescripteurAvis, motifAvis, validateurId, validateurNom, reglages, v);
        v.Lever();
        _decisions.Add(decision);
        Lever(new DecisionEligibiliteEnregistree(Id));
        return decision;
    }

    /// <summary>The most recent decision whose window contains <paramref name="debutContrat"/>, or none.</summary>
    public DecisionEligibilite? DecisionCouvrant(DateOnly debutContrat, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        return _decisions.Where(d => d.Couvre(debutContrat, reglages.FenetreEligibiliteMois)).MaxBy(d => d.DateValidation);
    }

    /// <summary>Reads, without refusing, how a contract starting on <paramref name="debutContrat"/> stands (for display and flags).</summary>
    public ControleEligibilite Controler(DateOnly debutContrat, Reglages reglages)
    {
        var couvrant = DecisionCouvrant(debutContrat, reglages);
        if (couvrant is not null) return new ControleEligibilite(StatutEligibilite.Couvert, couvrant, null);
        var proche = DecisionLaPlusProche(debutContrat);
        return proche is null
            ? new ControleEligibilite(StatutEligibilite.SansDecision, null, null)
            : new ControleEligibilite(StatutEligibilite.HorsFenetre, proche, null);
    }

    /// <summary>
    /// The eligibility check of a contract (DOMAIN.md §5): it counts when it STARTS inside a decision's
    /// window; outside every window it counts only with a written override (≥ 10 characters), which is
    /// returned to be stored on the contract (and so audited). Without any decision nothing can count.
    /// Refusals are <see cref="RegleMetierException"/> naming <paramref name="champDate"/> or <paramref name="champMotif"/>.
    /// </summary>
    public ControleEligibilite Verifier(DateOnly debutContrat, Reglages reglages, string? motifDerogation, Guid parId, string? parNom,
        DateTimeOffset le, string champDate = "DateDebut", string champMotif = "MotifDerogation")
    {
        var controle = Controler(debutContrat, reglages);
        switch (controle.Statut)
        {
            case StatutEligibilite.Couvert:
                return controle;
            case StatutEligibilite.SansDecision:
                throw new RegleMetierException(champDate,
                    "Ce participant n'a aucune décision d'éligibilité validée : un facilitateur doit d'abord valider son éligibilité.");
            default:
                var decision = controle.Decision!;
                if (string.IsNullOrWhiteSpace(motifDerogation))
                {
                    var fenetre = decision.Fenetre(reglages.FenetreEligibiliteMois);
                    throw new RegleMetierException(champDate,
                        $"Le contrat débute le {Texte(debutContrat)}, hors de la fenêtre d'éligibilité (décision du {Texte(fenetre.Debut)}, "
                        + $"fenêtre jusqu'au {Texte(fenetre.Fin)}) : une dérogation motivée est nécessaire.");
                }
                return controle with { Derogation = Derogation.Creer(motifDerogation, parId, parNom, le, champMotif) };
        }
    }

    /// <summary>Outside every window: the latest decision before the date, else the first one after it.</summary>
    private DecisionEligibilite? DecisionLaPlusProche(DateOnly date) =>
        _decisions.Where(d => d.DateValidation <= date).MaxBy(d => d.DateValidation)
        ?? _decisions.MinBy(d => d.DateValidation);

    /// <summary>
    /// Not in the future; plausible (16 to 80 years old) on the registration date, also when corrected later. Internal:
    /// a company's hire proposal checks the birth date it sends with this same rule (PropositionEmbauche).
    /// </summary>
    internal static DateOnly VerifierNaissance(DateOnly naissance, DateOnly aujourdhui, DateOnly inscritLe)
    {
        if (naissance > aujourdhui)
            throw new RegleMetierException(nameof(DateNaissance), "La date de naissance ne peut pas être dans le futur.");
        var age = CategoriesEligibilite.Age(naissance, inscritLe);
        if (age < AgeMinimumInscription || age > AgeMaximumInscription)
            throw new RegleMetierException(nameof(DateNaissance),
                $"La date de naissance donne {age} ans à l'inscription : l'âge doit être compris entre {AgeMinimumInscription} et {AgeMaximumInscription} ans.");
        return naissance;
    }

    private static string? VerifierIdentifiantFranceTravail(string? saisie)
    {
        var id = saisie?.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(id)) return null;
        if (id.Length is < IdentifiantFranceTravailLongueurMin or > IdentifiantFranceTravailLongueurMax || !id.All(char.IsAsciiLetterOrDigit))
            throw new RegleMetierException(nameof(IdentifiantFranceTravail),
                $"L'identifiant France Travail doit comporter de {IdentifiantFranceTravailLongueurMin} à {IdentifiantFranceTravailLongueurMax} lettres ou chiffres.");
        return id;
    }

    private static RegleMetierException Obligatoire(string champ, string libelle) =>
        new(champ, $"Le champ « {libelle} » est obligatoire.");

    internal static string Texte(DateOnly date) => date.ToString("dd/MM/yyyy", FormatFrancais.Culture);
}
