using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Operations;
using Clause.Domain.Structures;

namespace Clause.Domain.Marches;

/// <summary>Kind of contract (DOMAIN.md §3).</summary>
public enum TypeMarche
{
    [Libelle("Marché ordinaire")] Ordinaire,
    [Libelle("Accord-cadre à bons de commande")] AccordCadreBonsCommande,
    [Libelle("Accord-cadre à marchés subséquents")] AccordCadreMarchesSubsequents,
    [Libelle("Concession")] Concession,
    [Libelle("Marché privé")] MarchePrive,
}

/// <summary>
/// A lot to create with its marché. Null fields take the marché's value: <see cref="Numero"/> its position
/// (1, 2…), <see cref="Libelle"/> "Lot unique" when it is the only lot, amount and dates the marché's.
/// <see cref="Obligation"/> null means no clause (then <see cref="Fondements"/> must be Aucun).
/// <see cref="PartMainOeuvre"/> and <see cref="CoutHoraireReference"/> (F1 inputs of the lot) null take the
/// structure's réglages, as <see cref="Lot.ModifierParametres"/> would set them.
/// </summary>
public sealed record NouveauLot(
    int? Numero,
    string? Libelle,
    Montant? MontantHT,
    DateOnly? DebutExecution,
    DateOnly? FinExecution,
    Fondement Fondements,
    ParametresObligation? Obligation,
    Taux? PartMainOeuvre = null,
    Montant? CoutHoraireReference = null)
{
    /// <summary>The one lot of a marché not split into lots, with the marché's amount and dates.</summary>
    public static NouveauLot Unique(Fondement fondements, ParametresObligation? obligation) =>
        new(1, LotUnique, null, null, null, fondements, obligation);

    private const string LotUnique = Lot.LibelleLotUnique;
}

/// <summary>
/// A public contract of an opération (DOMAIN.md §3), split into lots. Its number is unique per donneur d'ordre
/// (copied from the opération so the database can index it). Its type is fixed at creation.
/// Created with its lots in one call (<see cref="Creer"/>); <see cref="Modifier"/> needs the lots loaded.
/// </summary>
public sealed class Marche : Racine<MarcheId>, IAppartientStructure
{
    public const int NumeroLongueurMax = 50;
    public const int ObjetLongueurMax = 500;

    /// <summary>Largest marché amount (100 G€), a guard against typing errors.</summary>
    public const long MontantMaxCentimes = 100_000_000_000_00;

    /// <summary>How many lots a marché is created with at most (the creation form offers as many rows).</summary>
    public const int LotsMax = 60;

    private readonly List<Lot> _lots = [];

    private Marche() { Numero = string.Empty; Objet = string.Empty; }

    public StructureId StructureId { get; private set; }

    public OperationId OperationId { get; private set; }

    /// <summary>Navigation for queries (not loaded unless included).</summary>
    public Operation Operation { get; private set; } = null!;

    /// <summary>The opération's donneur d'ordre (the number is unique per donneur d'ordre).</summary>
    public DonneurOrdreId DonneurOrdreId { get; private set; }

    /// <summary>Navigation for queries (not loaded unless included).</summary>
    public DonneurOrdre DonneurOrdre { get; private set; } = null!;

    public string Numero { get; private set; }

    public string Objet { get; private set; }

    /// <summary>The number and the object as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier"/>.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    public TypeMarche Type { get; private set; }

    public bool EstAccordCadre => Type is TypeMarche.AccordCadreBonsCommande or TypeMarche.AccordCadreMarchesSubsequents;

    public DateOnly? DateNotification { get; private set; }

    public DateOnly DebutExecution { get; private set; }

    public DateOnly FinExecution { get; private set; }

    public Periode PeriodeExecution => new(DebutExecution, FinExecution);

    /// <summary>Amount HT in cents; for an accord-cadre, the estimated amount.</summary>
    public long MontantHTCentimes { get; private set; }

    public Montant MontantHT => new(MontantHTCentimes);

    /// <summary>The lots, by number (loaded with the marché when included).</summary>
    public IReadOnlyList<Lot> Lots => _lots.OrderBy(l => l.Numero).ToList();

    /// <summary>
    /// Creates a marché and its lots (at most <see cref="LotsMax"/>). No lot given: one lot "Lot unique" n°1 without
    /// clause, with the marché's amount and dates. A refusal about lot i names the field "Lots[i].Champ".
    /// </summary>
    public static Marche Creer(Operation operation, string? numero, string? objet, TypeMarche type, DateOnly? dateNotification,
        DateOnly debutExecution, DateOnly finExecution, Montant montantHT, IReadOnlyList<NouveauLot> lots, Reglages reglages, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(lots);
        ArgumentNullException.ThrowIfNull(reglages);
        ArgumentNullException.ThrowIfNull(horloge);
        if (reglages.StructureId != operation.StructureId)
            throw new ArgumentException("Les réglages ne sont pas ceux de la structure de l'opération.", nameof(reglages));
        // Every rule is checked and every refusal thrown at once (Verification); the lots are checked once the marché's
        // own fields pass (their dates are checked against the marché's).
        var v = new Verification();
        if (operation.Statut == StatutOperation.Close)
            v.Verifier(() => throw new RegleMetierException(nameof(OperationId), "Une opération close ne reçoit plus de marché."));
        if (lots.Count > LotsMax)
            v.Verifier(() => throw new RegleMetierException(string.Empty, $"Un marché est créé avec au plus {LotsMax} lots."));
        var marche = new Marche
        {
            StructureId = operation.StructureId,
            OperationId = operation.Id,
            DonneurOrdreId = operation.DonneurOrdreId,
            Type = v.Verifier(() => Garde.Defini(type, nameof(Type), "Type de marché")),
        };
        marche.Appliquer(v, numero, objet, dateNotification, debutExecution, finExecution, montantHT);

        var aCreer = lots.Count == 0 ? [NouveauLot.Unique(Fondement.Aucun, null)] : lots;
        for (var i = 0; v.Valide && i < aCreer.Count; i++)
        {
            var nouveau = aCreer[i] with { Libelle = aCreer.Count == 1 && string.IsNullOrWhiteSpace(aCreer[i].Libelle) ? Lot.LibelleLotUnique : aCreer[i].Libelle };
            var indice = i;
            v.Verifier(() =>
            {
                try
                {
                    marche.AjouterLot(nouveau, reglages, horloge);
                }
                catch (RegleMetierException ex)
                {
                    throw RegleMetierException.Plusieurs(ex.Toutes.Select(e => new RegleMetierException($"Lots[{indice}].{e.Champ}", e.Message)).ToList());
                }
            });
        }
        v.Lever();
        return marche;
    }

    /// <summary>The search text of a marché: number then object, normalised.</summary>
    public static string RechercheDe(string? numero, string? objet) => TexteRecherche.De(numero, objet);

    /// <summary>Changes the marché; its lots (which must be loaded) must stay inside the new execution dates.</summary>
    public void Modifier(string? numero, string? objet, DateOnly? dateNotification, DateOnly debutExecution, DateOnly finExecution, Montant montantHT)
    {
        // Every marché has at least one lot: none here means they were not loaded (Include(m => m.Lots)).
        if (_lots.Count == 0) throw new InvalidOperationException("Les lots du marché doivent être chargés pour le modifier.");
        var v = new Verification();
        Appliquer(v, numero, objet, dateNotification, debutExecution, finExecution, montantHT);
        v.Lever();
    }

    /// <summary>Checks every field through <paramref name="v"/>; assigns them only when no check (so far) refused.</summary>
    private void Appliquer(Verification v, string? numero, string? objet, DateOnly? dateNotification, DateOnly debutExecution, DateOnly finExecution,
        Montant montantHT)
    {
        var numeroValide = v.Verifier(() => Garde.Requis(numero, nameof(Numero), "Numéro du marché", NumeroLongueurMax), string.Empty);
        var objetValide = v.Verifier(() => Garde.Requis(objet, nameof(Objet), "Objet", ObjetLongueurMax), string.Empty);
        var periode = v.Verifier(() => (Periode?)Periode.Creer(debutExecution, finExecution, nameof(FinExecution)));
        if (periode is { } p && _lots.Any(l => !p.Contient(l.PeriodeExecution)))
            v.Verifier(() => throw new RegleMetierException(nameof(DebutExecution), "Les dates d'exécution des lots doivent rester comprises dans celles du marché."));
        var centimes = v.Verifier(() => montantHT.Centimes switch
        {
            <= 0 => throw new RegleMetierException(nameof(MontantHT), "Le montant HT doit être supérieur à 0."),
            > MontantMaxCentimes => throw new RegleMetierException(nameof(MontantHT), "Le montant HT semble erroné : il dépasse 100 milliards d'euros."),
            var c => c,
        });
        if (!v.Valide || periode is not { } periodeValide) return;
        Numero = numeroValide;
        Objet = objetValide;
        Recherche = RechercheDe(Numero, Objet);
        MontantHTCentimes = centimes;
        DateNotification = dateNotification;
        DebutExecution = periodeValide.Debut;
        FinExecution = periodeValide.Fin;
    }

    /// <summary>Adds a lot (number by default: the next one); numbers are unique within the marché.</summary>
    public Lot AjouterLot(NouveauLot nouveau, Reglages reglages, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(nouveau);
        ArgumentNullException.ThrowIfNull(reglages);
        ArgumentNullException.ThrowIfNull(horloge);
        var numero = nouveau.Numero ?? (_lots.Count == 0 ? 1 : _lots.Max(l => l.Numero) + 1);
        if (_lots.Any(l => l.Numero == numero))
            throw new RegleMetierException(nameof(Lot.Numero), $"Le lot n°{numero} existe déjà dans ce marché.");
        var lot = Lot.Creer(this, numero, nouveau, reglages, horloge.GetUtcNow());
        _lots.Add(lot);
        return lot;
    }
}
