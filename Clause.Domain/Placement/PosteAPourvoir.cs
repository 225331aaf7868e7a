using System.ComponentModel;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;

namespace Clause.Domain.Placement;

[TypeConverter(typeof(ConvertisseurTexteIdentifiant<PosteId>))]
public readonly record struct PosteId(Guid Valeur) : IIdentifiant<PosteId>
{
    public static PosteId De(Guid valeur) => new(valeur);

    public override string ToString() => Valeur.ToString();

    public string ToString(string? format, IFormatProvider? formatProvider) => Valeur.ToString(format, formatProvider);
}

/// <summary>Where a poste à pourvoir stands (issue 14 item 2).</summary>
public enum StatutPoste
{
    [Libelle("Ouvert")] Ouvert,
    [Libelle("Pourvu")] Pourvu,
    [Libelle("Annulé")] Annule,
}

/// <summary>What is typed to record a need (field names = the page's input names).</summary>
public sealed record DonneesPoste(
    string? Intitule,
    string? CodeRome,
    int? Nombre,
    TypeContrat? TypeContrat,
    DateOnly? DateDebut,
    Duree? HeuresHebdo,
    string? Lieu,
    string? Exigences);

/// <summary>
/// A job to fill on a lot (issue 14 item 2): the need of one company holding the lot, recorded by the company in its
/// portal or by a facilitateur. Only on a lot that receives hires (launched or in execution: never a lot closed or still to
/// notify), starting inside the lot's execution period. The weekly hours and the ROME code follow the contrat's rules
/// (<see cref="Contrat.VerifierHeuresHebdo"/>, <see cref="Contrat.NormaliserCodeRome"/>): a retained candidate's contrat
/// is pre-filled from here. Status <c>Ouvert → Pourvu | Annulé</c>, a filled poste may be reopened.
/// </summary>
public sealed class PosteAPourvoir : Racine<PosteId>, IAppartientStructure
{
    public const int LieuLongueurMax = 200;
    public const int ExigencesLongueurMax = 2000;
    public const int NombreMax = 999;

    /// <summary>The lot statuses that take postes (and hires): launched or in execution.</summary>
    public static readonly IReadOnlyList<StatutLot> StatutsLotOuverts = [StatutLot.Lancement, StatutLot.EnExecution];

    private PosteAPourvoir()
    {
        Intitule = string.Empty;
        CreeParNom = string.Empty;
    }

    public StructureId StructureId { get; private set; }

    public LotId LotId { get; private set; }

    /// <summary>The company whose need it is (it holds the lot, in any role); its portal alone sees the poste.</summary>
    public EntrepriseId EntrepriseId { get; private set; }

    public string Intitule { get; private set; }

    public string? CodeRome { get; private set; }

    public int Nombre { get; private set; }

    public TypeContrat TypeContrat { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public long? HeuresHebdoMinutes { get; private set; }

    public Duree? HeuresHebdo => HeuresHebdoMinutes is { } m ? new Duree(m) : null;

    public string? Lieu { get; private set; }

    public string? Exigences { get; private set; }

    public StatutPoste Statut { get; private set; }

    public Guid CreeParId { get; private set; }

    public string CreeParNom { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    /// <summary>
    /// Records a need of <paramref name="entreprise"/> on <paramref name="lot"/>. Every refusal at once (<see cref="Verification"/>):
    /// the lot (open, held by the company), the poste, the number (1 to 999), the contract type, the start date inside the
    /// lot's execution, the weekly hours, the place and the requirements.
    /// </summary>
    public static PosteAPourvoir Creer(Lot lot, EntrepriseId entreprise, DonneesPoste donnees, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(donnees);
        ArgumentNullException.ThrowIfNull(par);
        var v = new Verification();
        v.Verifier(() =>
        {
            if (!StatutsLotOuverts.Contains(lot.Statut))
                throw new RegleMetierException(nameof(LotId),
                    $"Ce lot est « {lot.Statut.Libelle()} » : un poste ne s'enregistre que sur un lot en lancement ou en exécution.");
        });
        v.Verifier(() =>
        {
            if (entreprise.Valeur == Guid.Empty)
                throw new RegleMetierException(nameof(EntrepriseId), "Le champ « Entreprise » est obligatoire.");
            if (!lot.Attributions.Any(a => a.EntrepriseId == entreprise))
                throw new RegleMetierException(nameof(EntrepriseId), "Cette entreprise ne tient pas ce lot : choisissez une entreprise attributaire, co-traitante ou sous-traitante du lot.");
        });
        var intitule = v.Verifier(() => Garde.Requis(donnees.Intitule, nameof(Intitule), "Poste", Contrat.PosteLongueurMax), string.Empty);
        var rome = v.Verifier(() => Contrat.NormaliserCodeRome(donnees.CodeRome));
        var nombre = v.Verifier(() => donnees.Nombre switch
        {
            null => throw new RegleMetierException(nameof(Nombre), "Le champ « Nombre de postes » est obligatoire."),
            <= 0 or > NombreMax => throw new RegleMetierException(nameof(Nombre), $"Le nombre de postes doit être compris entre 1 et {NombreMax}."),
            { } n => n,
        });
        var type = v.Verifier<TypeContrat?>(() => Garde.Defini(
            donnees.TypeContrat ?? throw new RegleMetierException(nameof(TypeContrat), "Le champ « Type de contrat » est obligatoire."),
            nameof(TypeContrat), "Type de contrat"));
        var debut = v.Verifier<DateOnly?>(() =>
        {
            var d = donnees.DateDebut ?? throw new RegleMetierException(nameof(DateDebut), "Le champ « Date de début » est obligatoire.");
            if (d < lot.DebutExecution || d > lot.FinExecution)
                throw new RegleMetierException(nameof(DateDebut),
                    $"La date de début doit être comprise dans la période d'exécution du lot, du {Texte(lot.DebutExecution)} au {Texte(lot.FinExecution)}.");
            return d;
        });
        v.Verifier(() => Contrat.VerifierHeuresHebdo(donnees.HeuresHebdo));
        var lieu = v.Verifier(() => Garde.Optionnel(donnees.Lieu, nameof(Lieu), "Lieu", LieuLongueurMax));
        var exigences = v.Verifier(() => Garde.Optionnel(donnees.Exigences, nameof(Exigences), "Exigences", ExigencesLongueurMax));
        var parId = v.Verifier(() => par.IdVerifie(nameof(CreeParId)));
        var parNom = v.Verifier(() => par.NomVerifie(nameof(CreeParNom)), string.Empty);
        v.Lever();
        return new PosteAPourvoir
        {
            StructureId = lot.StructureId,
            LotId = lot.Id,
            EntrepriseId = entreprise,
            Intitule = intitule,
            CodeRome = rome,
            Nombre = nombre,
            TypeContrat = type!.Value,
            DateDebut = debut!.Value,
            HeuresHebdoMinutes = donnees.HeuresHebdo?.Minutes,
            Lieu = lieu,
            Exigences = exigences,
            Statut = StatutPoste.Ouvert,
            CreeParId = parId,
            CreeParNom = parNom,
            CreeLe = le,
        };
    }

    /// <summary>The statuses reachable from the current one.</summary>
    public IReadOnlyList<StatutPoste> StatutsAccessibles() => Statut switch
    {
        StatutPoste.Ouvert => [StatutPoste.Pourvu, StatutPoste.Annule],
        StatutPoste.Pourvu => [StatutPoste.Ouvert],
        _ => [],
    };

    /// <summary>Ouvert → Pourvu | Annulé; Pourvu → Ouvert (reopened); Annulé is final.</summary>
    public void ChangerStatut(StatutPoste cible)
    {
        Garde.Defini(cible, nameof(Statut), "Statut");
        if (!StatutsAccessibles().Contains(cible))
            throw new RegleMetierException(nameof(Statut), $"Un poste « {Statut.Libelle()} » ne peut pas passer à « {cible.Libelle()} ».");
        Statut = cible;
    }

    /// <summary>The contrat's data a retained candidate starts from: the poste's type, start, weekly hours, title and ROME code.</summary>
    public DonneesContrat DonneesContrat(ModaliteContrat? modalite, DateOnly? finPrevue) =>
        new(modalite, TypeContrat, DateDebut, finPrevue, null, HeuresHebdo, Intitule, CodeRome);

    private static string Texte(DateOnly date) => date.ToString("dd/MM/yyyy", FormatFrancais.Culture);
}
