using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Structures;

namespace Clause.Domain.Marches;

/// <summary>Status pipeline of a lot (DOMAIN.md §3).</summary>
public enum StatutLot
{
    [Libelle("À notifier")] ANotifier,
    [Libelle("Lancement")] Lancement,
    [Libelle("En exécution")] EnExecution,
    [Libelle("Clôture à vérifier")] ClotureAVerifier,
    [Libelle("Clos conforme")] CloseConforme,
    [Libelle("Clos non conforme")] CloseNonConforme,
}

/// <summary>
/// The unit that carries the insertion obligation and the attribution (DOMAIN.md §3). Tenant-owned and
/// queried on its own (contrats and hours reference it), created and re-dated through its <see cref="Marche"/>
/// (its dates stay inside the marché's). Its obligation is a list of dated versions
/// (<see cref="Obligations"/>); <see cref="HeuresDuesMinutes"/> mirrors the current one for queries.
/// </summary>
public sealed class Lot : Racine<LotId>, IAppartientStructure
{
    public const int LibelleLongueurMax = 200;
    public const int MotifLongueurMax = 500;

    /// <summary>Largest lot amount (500 M€): keeps the F1 product inside 64-bit integers.</summary>
    public const long MontantMaxCentimes = 500_000_000_00;

    /// <summary>An ESS-reserved lot lasts at most 3 years: 1 096 days at most (a leap day included).</summary>
    public const int DureeMaxReserveEssJours = 1_096;

    public const string LibelleLotUnique = "Lot unique";

    private readonly List<ObligationInsertion> _obligations = [];
    private readonly List<BonCommande> _bonsCommande = [];
    private readonly List<Attribution> _attributions = [];

    private Lot() { Libelle = string.Empty; }

    public StructureId StructureId { get; private set; }

    public MarcheId MarcheId { get; private set; }

    /// <summary>Navigation for queries (not loaded unless included).</summary>
    public Marche Marche { get; private set; } = null!;

    /// <summary>1, 2, 3… unique within the marché.</summary>
    public int Numero { get; private set; }

    public string Libelle { get; private set; }

    /// <summary>The label as searched (<see cref="TexteRecherche"/>), kept by <see cref="Modifier(Marche, string?, DateOnly, DateOnly)"/>; the marché's number and object are searched on the marché.</summary>
    [Derive] public string Recherche { get; private set; } = string.Empty;

    public long MontantHTCentimes { get; private set; }

    public Montant MontantHT => new(MontantHTCentimes);

    public DateOnly DebutExecution { get; private set; }

    public DateOnly FinExecution { get; private set; }

    /// <summary>Days of execution, both ends included (stored so the database can check the ESS limit).</summary>
    public int DureeExecutionJours { get; private set; }

    public Periode PeriodeExecution => new(DebutExecution, FinExecution);

    public Fondement Fondements { get; private set; }

    /// <summary>False for a lot without clause: 0 h due, left out of every rate's denominator.</summary>
    public bool AvecClause => Fondements != Fondement.Aucun;

    /// <summary>Copied from the marché's type at creation (a marché's type does not change).</summary>
    public bool AccordCadreBonsCommande { get; private set; }

    public StatutLot Statut { get; private set; }

    /// <summary>Reason of the last step back in the pipeline, if any.</summary>
    public string? MotifRetour { get; private set; }

    /// <summary>§3.1 F1: labour share, basis points (default from the réglages, 50 %).</summary>
    public int PartMainOeuvrePdb { get; private set; }

    /// <summary>§3.1 F1: the lot's own hourly reference cost in cents; null = the structure's réglage.</summary>
    public long? CoutHoraireReferenceCentimes { get; private set; }

    /// <summary>§7.5: training hours count on this lot (default from the réglages).</summary>
    public bool FormationComptabilisee { get; private set; }

    /// <summary>§7.5: cap of training hours, basis points of hours due; null = no cap.</summary>
    public int? PlafondFormationPdb { get; private set; }

    /// <summary>
    /// §7.7: the CCAP's penalty per missing hour, in cents; null when the CCAP sets none (there is no default). The
    /// « relance infructueuse » task proposes max(0, dues − réalisées) × this rate.
    /// </summary>
    public long? MontantParHeureManquanteCentimes { get; private set; }

    /// <summary>Largest penalty rate per missing hour (10 000,00 €): keeps the penalty product inside 64-bit integers.</summary>
    public const long MontantParHeureManquanteMaxCentimes = 10_000_00;

    /// <summary>The current hours due, in minutes (mirror of the last obligation version).</summary>
    public long HeuresDuesMinutes { get; private set; }

    public Duree HeuresDues => new(HeuresDuesMinutes);

    /// <summary>Every version of the obligation, oldest first.</summary>
    public IReadOnlyList<ObligationInsertion> Obligations => _obligations.OrderBy(o => o.Version).ToList();

    /// <summary>The version in force (null only if the versions were not loaded).</summary>
    public ObligationInsertion? ObligationCourante => _obligations.MaxBy(o => o.Version);

    public IReadOnlyList<BonCommande> BonsCommande => _bonsCommande;

    public IReadOnlyList<Attribution> Attributions => _attributions;

    public Attribution? Attributaire => _attributions.SingleOrDefault(a => a.Role == RoleAttribution.Attributaire);

    /// <summary>The lot's effective hourly reference cost: its own, else the structure's.</summary>
    public Montant CoutHoraireEffectif(Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        return new Montant(CoutHoraireReferenceCentimes ?? reglages.CoutHoraireReferenceCentimes);
    }

    /// <summary>The calculation of the current hours due, e.g. "1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h".</summary>
    public string ExplicationHeuresDues() =>
        ObligationCourante?.Explication() ?? throw new InvalidOperationException("Les versions de l'obligation ne sont pas chargées.");

    internal static Lot Creer(Marche marche, int numero, NouveauLot nouveau, Reglages reglages, DateTimeOffset maintenant)
    {
        var lot = new Lot
        {
            StructureId = marche.StructureId,
            MarcheId = marche.Id,
            Marche = marche,
            Numero = numero,
            AccordCadreBonsCommande = marche.Type == TypeMarche.AccordCadreBonsCommande,
            Statut = StatutLot.ANotifier,
            PartMainOeuvrePdb = reglages.PartMainOeuvreDefautPdb,
            FormationComptabilisee = reglages.FormationComptabiliseeDefaut,
            PlafondFormationPdb = reglages.PlafondFormationDefautPdb,
        };
        // Every rule is checked and every refusal thrown at once (Verification), before the lot is filled.
        var v = new Verification();
        if (numero < 1) v.Verifier(() => throw new RegleMetierException(nameof(Numero), "Le numéro de lot doit être supérieur ou égal à 1."));
        var montant = v.Verifier(() => VerifierMontant(nouveau.MontantHT ?? marche.MontantHT, nameof(MontantHT)));
        if (nouveau.PartMainOeuvre is not null || nouveau.CoutHoraireReference is not null)
            VerifierParametres(v, nouveau.PartMainOeuvre ?? new Taux(lot.PartMainOeuvrePdb), nouveau.CoutHoraireReference,
                lot.PlafondFormationPdb is { } plafondDefaut ? new Taux(plafondDefaut) : null);
        var (_, periode) = lot.VerifierIdentite(v, marche, nouveau.Libelle, nouveau.DebutExecution ?? marche.DebutExecution, nouveau.FinExecution ?? marche.FinExecution);
        VerifierObligation(v, nouveau.Fondements, nouveau.Obligation ?? ParametresObligation.Aucune, null, null, periode);
        v.Lever();
        lot.MontantHTCentimes = montant.Centimes;
        if (nouveau.PartMainOeuvre is not null || nouveau.CoutHoraireReference is not null)
            lot.ModifierParametres(nouveau.PartMainOeuvre ?? new Taux(lot.PartMainOeuvrePdb), nouveau.CoutHoraireReference,
                lot.FormationComptabilisee, lot.PlafondFormationPdb is { } plafond ? new Taux(plafond) : null);
        lot.Modifier(marche, nouveau.Libelle, nouveau.DebutExecution ?? marche.DebutExecution, nouveau.FinExecution ?? marche.FinExecution);
        lot.EcrireObligation(nouveau.Fondements, nouveau.Obligation ?? ParametresObligation.Aucune, OrigineObligation.Initiale,
            marche.DateNotification ?? lot.DebutExecution, null, reglages, maintenant);
        return lot;
    }

    /// <summary>The search text of a lot: its label, normalised.</summary>
    public static string RechercheDe(string? libelle) => TexteRecherche.Normaliser(libelle);

    /// <summary>Changes the label and the execution dates, which must stay inside the marché's.</summary>
    public void Modifier(Marche marche, string? libelle, DateOnly debutExecution, DateOnly finExecution)
    {
        ArgumentNullException.ThrowIfNull(marche);
        var v = new Verification();
        var (libelleValide, periodeVerifiee) = VerifierIdentite(v, marche, libelle, debutExecution, finExecution);
        v.Lever();
        var periode = periodeVerifiee!.Value;
        Libelle = libelleValide;
        Recherche = RechercheDe(Libelle);
        // A lot being created (no dates yet) has no line to re-evaluate.
        if (DebutExecution != default && (periode.Debut != DebutExecution || periode.Fin != FinExecution)) Lever(new DatesLotModifiees(Id));
        DebutExecution = periode.Debut;
        FinExecution = periode.Fin;
        DureeExecutionJours = periode.Fin.DayNumber - periode.Debut.DayNumber + 1;
    }

    /// <summary>Checks the label and the execution dates through <paramref name="v"/> (null period: refused), without changing the lot.</summary>
    private (string Libelle, Periode? Periode) VerifierIdentite(Verification v, Marche marche, string? libelle, DateOnly debutExecution, DateOnly finExecution)
    {
        ArgumentNullException.ThrowIfNull(marche);
        if (marche.Id != MarcheId) throw new ArgumentException("Ce lot n'appartient pas à ce marché.", nameof(marche));
        var libelleValide = v.Verifier(() => Garde.Requis(libelle, nameof(Libelle), "Libellé du lot", LibelleLongueurMax), string.Empty);
        var periode = v.Verifier(() => (Periode?)Periode.Creer(debutExecution, finExecution, nameof(FinExecution)));
        if (periode is not { } p) return (libelleValide, null);
        if (!marche.PeriodeExecution.Contient(p.Debut))
            v.Verifier(() => throw new RegleMetierException(nameof(DebutExecution), "Le début d'exécution du lot doit être compris dans la période d'exécution du marché."));
        if (!marche.PeriodeExecution.Contient(p.Fin))
            v.Verifier(() => throw new RegleMetierException(nameof(FinExecution), "La fin d'exécution du lot doit être comprise dans la période d'exécution du marché."));
        v.Verifier(() => VerifierDureeEss(Fondements, p));
        return (libelleValide, p);
    }

    /// <summary>
    /// The lot's edit form in one operation: label and execution dates (inside the marché's), then its F1 parameters and
    /// training rules. Neither recomputes the hours due (« Modifier l'obligation » does, as a new version). Every
    /// refusal of both is thrown at once, before anything changes.
    /// </summary>
    public void Modifier(Marche marche, string? libelle, DateOnly debutExecution, DateOnly finExecution,
        Taux partMainOeuvre, Montant? coutHoraireReference, bool formationComptabilisee, Taux? plafondFormation)
    {
        var v = new Verification();
        VerifierIdentite(v, marche, libelle, debutExecution, finExecution);
        VerifierParametres(v, partMainOeuvre, coutHoraireReference, plafondFormation);
        v.Lever();
        Modifier(marche, libelle, debutExecution, finExecution);
        ModifierParametres(partMainOeuvre, coutHoraireReference, formationComptabilisee, plafondFormation);
    }

    /// <summary>F1 parameters and training rules of the lot. They do not recompute the obligation by themselves.</summary>
    public void ModifierParametres(Taux partMainOeuvre, Montant? coutHoraireReference, bool formationComptabilisee, Taux? plafondFormation)
    {
        var v = new Verification();
        VerifierParametres(v, partMainOeuvre, coutHoraireReference, plafondFormation);
        v.Lever();
        PartMainOeuvrePdb = partMainOeuvre.PointsDeBase;
        CoutHoraireReferenceCentimes = coutHoraireReference?.Centimes;
        FormationComptabilisee = formationComptabilisee;
        PlafondFormationPdb = plafondFormation?.PointsDeBase;
    }

    private static void VerifierParametres(Verification v, Taux partMainOeuvre, Montant? coutHoraireReference, Taux? plafondFormation)
    {
        if (partMainOeuvre.PointsDeBase is <= 0 or > Taux.Cent)
            v.Verifier(() => throw new RegleMetierException(nameof(PartMainOeuvrePdb), "La part de main-d'œuvre doit être supérieure à 0 et au plus 100 %."));
        if (coutHoraireReference is { Centimes: <= 0 })
            v.Verifier(() => throw new RegleMetierException(nameof(CoutHoraireReferenceCentimes), "Le coût horaire de référence doit être supérieur à 0."));
        if (plafondFormation is { PointsDeBase: < 0 or > Taux.Cent })
            v.Verifier(() => throw new RegleMetierException(nameof(PlafondFormationPdb), "Le plafond des heures de formation doit être compris entre 0 et 100 %."));
    }

    /// <summary>
    /// Changes the fondements and/or the method of the obligation: a new dated version with its reason.
    /// F1 uses the lot's amount, labour share and effective hourly cost at this moment.
    /// </summary>
    public ObligationInsertion ModifierObligation(Fondement fondements, ParametresObligation parametres, DateOnly dateEffet, string? motif,
        Reglages reglages, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        return EcrireObligation(fondements, parametres, OrigineObligation.Modification, dateEffet, motif, reglages, horloge.GetUtcNow());
    }

    /// <summary>
    /// The obligation form in one operation: the F1 labour share and the lot's own hourly cost first (the new version's
    /// F1 product uses them), then the new dated version. The training rules are kept.
    /// </summary>
    public ObligationInsertion ModifierObligation(Fondement fondements, ParametresObligation parametres, Taux partMainOeuvre,
        Montant? coutHoraireReference, DateOnly dateEffet, string? motif, Reglages reglages, TimeProvider horloge) =>
        ModifierObligation(fondements, parametres, partMainOeuvre, coutHoraireReference, MontantParHeureManquanteCentimes is { } taux ? new Montant(taux) : null,
            dateEffet, motif, reglages, horloge);

    /// <summary>
    /// The same with the CCAP's penalty rate per missing hour (§7.7, null = none), checked first: &gt; 0 and at most
    /// 10 000,00 €. A refusal changes nothing.
    /// </summary>
    public ObligationInsertion ModifierObligation(Fondement fondements, ParametresObligation parametres, Taux partMainOeuvre,
        Montant? coutHoraireReference, Montant? montantParHeureManquante, DateOnly dateEffet, string? motif, Reglages reglages, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(parametres);
        var v = new Verification();
        if (montantParHeureManquante is { Centimes: <= 0 or > MontantParHeureManquanteMaxCentimes })
            v.Verifier(() => throw new RegleMetierException(nameof(MontantParHeureManquanteCentimes),
                "Le champ « Pénalité par heure manquante » doit être supérieur à 0 et au plus 10 000,00 €."));
        VerifierParametres(v, partMainOeuvre, coutHoraireReference, PlafondFormationPdb is { } plafondActuel ? new Taux(plafondActuel) : null);
        VerifierObligation(v, fondements, parametres, motif, ObligationCourante, PeriodeExecution);
        v.Lever();
        ModifierParametres(partMainOeuvre, coutHoraireReference, FormationComptabilisee, PlafondFormationPdb is { } plafond ? new Taux(plafond) : null);
        var version = ModifierObligation(fondements, parametres, dateEffet, motif, reglages, horloge);
        MontantParHeureManquanteCentimes = montantParHeureManquante?.Centimes;
        return version;
    }

    /// <summary>
    /// An avenant changes the lot's amount. The hours due are recomputed only when
    /// <see cref="Reglages.RecalculSurAvenant"/> is set and the method is F1 (with the previous version's labour
    /// share and hourly cost); otherwise they are kept. Either way a dated version records the avenant and its reason.
    /// </summary>
    public ObligationInsertion AppliquerAvenant(Montant nouveauMontant, string? motif, DateOnly dateEffet, Reglages reglages, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        ArgumentNullException.ThrowIfNull(horloge);
        var precedente = ObligationCourante ?? throw new InvalidOperationException("Les versions de l'obligation ne sont pas chargées.");
        var v = new Verification();
        var texte = v.Verifier(() => Garde.Requis(motif, "Motif", "Motif de l'avenant", ObligationInsertion.MotifLongueurMax), string.Empty);
        var montant = v.Verifier(() => VerifierMontant(nouveauMontant, nameof(MontantHT)));
        v.Lever();
        MontantHTCentimes = montant.Centimes;
        var version = reglages.RecalculSurAvenant && precedente.Methode == MethodeCalcul.F1
            ? new ObligationInsertion(this, precedente.Version + 1, OrigineObligation.Avenant, precedente.Parametres(),
                new Taux(precedente.PartMainOeuvrePdb!.Value), new Montant(precedente.CoutHoraireReferenceCentimes!.Value),
                dateEffet, texte, horloge.GetUtcNow())
            : precedente.Reconduire(this, dateEffet, texte, horloge.GetUtcNow());
        return Ajouter(version);
    }

    /// <summary>Hours due so far at <paramref name="date"/>, following the structure's accord-cadre mode.</summary>
    public Duree HeuresDuesAu(DateOnly date, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        return HeuresDuesAu(date, reglages.ModeAccordCadre);
    }

    /// <summary>
    /// Hours due so far. Not an accord-cadre à bons de commande: the hours due. <see cref="ModeAccordCadre.Prorata"/>:
    /// hours due × Σ(bons notified up to the date) / estimated amount, half-up to a whole hour (not capped).
    /// <see cref="ModeAccordCadre.ParBon"/>: Σ hours of the bons notified up to the date.
    /// </summary>
    public Duree HeuresDuesAu(DateOnly date, ModeAccordCadre mode)
    {
        if (!AccordCadreBonsCommande || !AvecClause) return HeuresDues;
        var bons = _bonsCommande.Where(b => b.DateNotification <= date).ToList();
        return mode == ModeAccordCadre.ParBon
            ? new Duree(bons.Sum(b => b.HeuresMinutes ?? 0))
            : CalculHeuresDues.Prorata(HeuresDues, new Montant(bons.Sum(b => b.MontantHTCentimes)), MontantHT);
    }

    public BonCommande AjouterBonCommande(string? numero, DateOnly dateNotification, Montant montantHT, Duree? heures)
    {
        if (!AccordCadreBonsCommande)
            throw new RegleMetierException(nameof(BonsCommande), "Seul un lot d'accord-cadre à bons de commande reçoit des bons de commande.");
        var v = new Verification();
        var texte = v.Verifier(() =>
        {
            var valeur = Garde.Requis(numero, "Numero", "Numéro du bon", BonCommande.NumeroLongueurMax);
            if (_bonsCommande.Any(b => string.Equals(b.Numero, valeur, StringComparison.OrdinalIgnoreCase)))
                throw new RegleMetierException("Numero", $"Le bon de commande n°{valeur} existe déjà sur ce lot.");
            return valeur;
        }, string.Empty);
        if (montantHT.Centimes <= 0)
            v.Verifier(() => throw new RegleMetierException("MontantHT", "Le montant du bon de commande doit être supérieur à 0."));
        if (heures is { Minutes: < 0 })
            v.Verifier(() => throw new RegleMetierException("Heures", "Les heures du bon de commande ne peuvent pas être négatives."));
        v.Lever();
        var bon = new BonCommande(StructureId, Id, texte, dateNotification, montantHT, heures);
        _bonsCommande.Add(bon);
        return bon;
    }

    public void RetirerBonCommande(Guid bonCommandeId) =>
        _bonsCommande.Remove(_bonsCommande.FirstOrDefault(b => b.Id == bonCommandeId)
            ?? throw new RegleMetierException(nameof(BonsCommande), "Ce bon de commande n'appartient pas à ce lot."));

    /// <summary>
    /// Gives the lot to a company in a role. One attributaire per lot; a company holds a lot in one role only;
    /// the company must belong to the lot's structure.
    /// </summary>
    public Attribution Attribuer(Entreprise entreprise, RoleAttribution role, DateOnly? dateNotification)
    {
        ArgumentNullException.ThrowIfNull(entreprise);
        var v = new Verification();
        v.Verifier(() => Garde.Defini(role, "Role", "Rôle"));
        if (entreprise.StructureId != StructureId)
            v.Verifier(() => throw new RegleMetierException("EntrepriseId", "Cette entreprise n'existe pas."));
        else if (_attributions.FirstOrDefault(a => a.EntrepriseId == entreprise.Id) is { } existante)
            v.Verifier(() => throw new RegleMetierException("EntrepriseId", $"Cette entreprise est déjà {existante.Role.Libelle().ToLowerInvariant()} de ce lot."));
        if (role == RoleAttribution.Attributaire && Attributaire is not null)
            v.Verifier(() => throw new RegleMetierException("Role", "Ce lot a déjà un attributaire : retirez-le avant d'en désigner un autre."));
        v.Lever();
        var attribution = new Attribution(this, entreprise, role, dateNotification);
        _attributions.Add(attribution);
        return attribution;
    }

    public void ModifierDateNotification(Guid attributionId, DateOnly? dateNotification) =>
        TrouverAttribution(attributionId).ModifierDateNotification(dateNotification);

    /// <summary>Removes a company from the lot; the attributaire stays while the lot is in execution or later.</summary>
    public void RetirerAttribution(Guid attributionId)
    {
        var attribution = TrouverAttribution(attributionId);
        if (attribution.Role == RoleAttribution.Attributaire && Statut >= StatutLot.EnExecution)
            throw new RegleMetierException(nameof(Attributions), "L'attributaire d'un lot en exécution ou clos ne peut pas être retiré.");
        _attributions.Remove(attribution);
    }

    private Attribution TrouverAttribution(Guid attributionId) =>
        _attributions.FirstOrDefault(a => a.Id == attributionId)
        ?? throw new RegleMetierException(nameof(Attributions), "Cette attribution n'appartient pas à ce lot.");

    /// <summary>The statuses reachable from the current one (next steps; previous step with a reason).</summary>
    public IReadOnlyList<StatutLot> StatutsAccessibles() => Statut switch
    {
        StatutLot.ANotifier => [StatutLot.Lancement],
        StatutLot.Lancement => [StatutLot.EnExecution, StatutLot.ANotifier],
        StatutLot.EnExecution => [StatutLot.ClotureAVerifier, StatutLot.Lancement],
        StatutLot.ClotureAVerifier => [StatutLot.CloseConforme, StatutLot.CloseNonConforme, StatutLot.EnExecution],
        _ => [StatutLot.ClotureAVerifier],
    };

    public void Lancer() => Avancer(StatutLot.ANotifier, StatutLot.Lancement);

    /// <summary>Requires an attributaire.</summary>
    public void MettreEnExecution()
    {
        if (Statut == StatutLot.Lancement && Attributaire is null)
            throw new RegleMetierException(nameof(Statut), "Un lot ne peut passer en exécution qu'avec un attributaire.");
        Avancer(StatutLot.Lancement, StatutLot.EnExecution);
    }

    public void DemanderCloture() => Avancer(StatutLot.EnExecution, StatutLot.ClotureAVerifier);

    public void CloreConforme() => Avancer(StatutLot.ClotureAVerifier, StatutLot.CloseConforme);

    public void CloreNonConforme() => Avancer(StatutLot.ClotureAVerifier, StatutLot.CloseNonConforme);

    /// <summary>Goes back one step (a closed lot back to "clôture à vérifier"): the reason is required.</summary>
    public void RevenirEtapePrecedente(string? motif)
    {
        var texte = Garde.Requis(motif, nameof(MotifRetour), "Motif du retour", MotifLongueurMax);
        Statut = Statut switch
        {
            StatutLot.ANotifier => throw new RegleMetierException(nameof(Statut), "Un lot à notifier n'a pas d'étape précédente."),
            StatutLot.CloseConforme or StatutLot.CloseNonConforme => StatutLot.ClotureAVerifier,
            _ => Statut - 1,
        };
        MotifRetour = texte;
    }

    /// <summary>One entry point for a status form: a next step, or the previous step with a reason.</summary>
    public void ChangerStatut(StatutLot cible, string? motif = null)
    {
        Garde.Defini(cible, nameof(Statut), "Statut");
        switch (Statut, cible)
        {
            case (StatutLot.ANotifier, StatutLot.Lancement): Lancer(); break;
            case (StatutLot.Lancement, StatutLot.EnExecution): MettreEnExecution(); break;
            case (StatutLot.EnExecution, StatutLot.ClotureAVerifier): DemanderCloture(); break;
            case (StatutLot.ClotureAVerifier, StatutLot.CloseConforme): CloreConforme(); break;
            case (StatutLot.ClotureAVerifier, StatutLot.CloseNonConforme): CloreNonConforme(); break;
            default:
                if (StatutsAccessibles().Contains(cible)) RevenirEtapePrecedente(motif);
                else throw Refus(cible);
                break;
        }
    }

    private void Avancer(StatutLot depuis, StatutLot vers)
    {
        if (Statut != depuis) throw Refus(vers);
        Statut = vers;
    }

    private RegleMetierException Refus(StatutLot cible) =>
        new(nameof(Statut), $"Un lot au statut « {Statut.Libelle()} » ne peut pas passer au statut « {cible.Libelle()} ».");

    private ObligationInsertion EcrireObligation(Fondement fondements, ParametresObligation parametres, OrigineObligation origine,
        DateOnly dateEffet, string? motif, Reglages reglages, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(parametres);
        ArgumentNullException.ThrowIfNull(reglages);
        var precedente = ObligationCourante;
        if (origine != OrigineObligation.Initiale && precedente is null)
            throw new InvalidOperationException("Les versions de l'obligation ne sont pas chargées.");
        var v = new Verification();
        var texte = VerifierObligation(v, fondements, parametres, motif, precedente, PeriodeExecution);
        v.Lever();
        Fondements = fondements;
        return Ajouter(new ObligationInsertion(this, (precedente?.Version ?? 0) + 1, origine, parametres,
            new Taux(PartMainOeuvrePdb), CoutHoraireEffectif(reglages), dateEffet, texte, maintenant));
    }

    /// <summary>Checks a new version's reason, fondements and method through <paramref name="v"/>; the checked reason.</summary>
    private static string? VerifierObligation(Verification v, Fondement fondements, ParametresObligation parametres, string? motif,
        ObligationInsertion? precedente, Periode? periode)
    {
        var texte = v.Verifier(() => precedente is null
            ? Garde.Optionnel(motif, "Motif", "Motif du changement", ObligationInsertion.MotifLongueurMax)
            : Garde.Requis(motif, "Motif", "Motif du changement", ObligationInsertion.MotifLongueurMax));
        var fondementsValides = v.Verifier(() =>
        {
            ReglesFondement.Verifier(fondements);
            return true;
        });
        if (fondementsValides && periode is { } p) v.Verifier(() => VerifierDureeEss(fondements, p));
        if (fondements == Fondement.Aucun && parametres.Methode != MethodeCalcul.Aucune)
            v.Verifier(() => throw new RegleMetierException("Methode", "Un lot sans clause n'a pas de méthode de calcul des heures : choisissez « Aucune »."));
        if (fondements != Fondement.Aucun && parametres.Methode == MethodeCalcul.Aucune)
            v.Verifier(() => throw new RegleMetierException("Methode", "Un lot avec clause doit avoir une méthode de calcul des heures (F1, F2 ou F3)."));
        return texte;
    }

    private ObligationInsertion Ajouter(ObligationInsertion version)
    {
        _obligations.Add(version);
        HeuresDuesMinutes = version.HeuresDuesMinutes;
        return version;
    }

    private static void VerifierDureeEss(Fondement fondements, Periode periode)
    {
        if (fondements.HasFlag(Fondement.MarcheReserveEss) && periode.Fin >= periode.Debut.AddYears(3))
            throw new RegleMetierException(nameof(FinExecution), "Un lot réservé aux entreprises de l'ESS dure au plus 3 ans.");
    }

    internal static Montant VerifierMontant(Montant montant, string champ) => montant.Centimes switch
    {
        <= 0 => throw new RegleMetierException(champ, "Le montant HT doit être supérieur à 0."),
        > MontantMaxCentimes => throw new RegleMetierException(champ, "Le montant HT d'un lot ne peut pas dépasser 500 000 000,00 €."),
        _ => montant,
    };
}
