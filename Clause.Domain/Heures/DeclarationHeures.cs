using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Marches;
using Clause.Domain.Structures;

namespace Clause.Domain.Heures;

/// <summary>Status of a line of hours (DOMAIN.md §7).</summary>
public enum StatutDeclaration
{
    [Libelle("Déclarée")] Declaree,
    [Libelle("Validée")] Validee,
    [Libelle("Rejetée")] Rejetee,
}

/// <summary>
/// What is typed for one contrat and month: hours, or — for sous-/co-traitance without named hours — the invoiced
/// amount HT, converted with the labour share and hourly cost given, else the lot's (DOMAIN.md §7.4).
/// </summary>
public sealed record SaisieHeures(Duree? Heures, Montant? MontantFacture = null, Taux? PartMainOeuvre = null, Montant? CoutHoraire = null)
{
    /// <summary>
    /// What a cell of the monthly grid asks to write, or null when neither input changed. The hours input still shows
    /// the saved value when only the amount is typed: the amount then replaces the hours, unless the hours changed too
    /// (both typed: refused by the declaration, « soit des heures, soit un montant »). Hours once declared are never
    /// emptied: they are corrected, or the line is rejected.
    /// </summary>
    public static SaisieHeures? DepuisGrille(Duree? heures, bool heuresChangees, Montant? montant, bool montantChange)
    {
        if (!heuresChangees && !montantChange) return null;
        if (montantChange && montant is { } seul && (!heuresChangees || heures is null)) return ParMontant(seul);
        if (heures is null)
            throw new RegleMetierException(nameof(Heures),
                "Des heures déjà déclarées ne peuvent pas être effacées ; corrigez la valeur, ou rejetez la ligne depuis la page du contrat.");
        return new SaisieHeures(heures, montantChange ? montant : null);
    }

    public static SaisieHeures EnHeures(Duree heures) => new(heures);

    public static SaisieHeures ParMontant(Montant montantFacture, Taux? partMainOeuvre = null, Montant? coutHoraire = null) =>
        new(null, montantFacture, partMainOeuvre, coutHoraire);
}

/// <summary>
/// The participant's month as read by a query before a line is written (RequetesHeures.SituationAsync): the minutes
/// of their other current, non-rejected lines of that month on every lot (§7.1), and the line that already exists
/// for this contrat and month, if any (a second line is refused: it must be a correction).
/// </summary>
public sealed record SituationMois(long AutresMinutesParticipant, DeclarationId? DeclarationExistanteId = null);

/// <summary>
/// The hours of one contrat in one calendar month (DOMAIN.md §7): one line per (contrat, month) — a unique index —
/// whose content lives in versions (<see cref="Versions"/>). A correction is a new version, never a second line;
/// the current version replaces the previous one in every total, the history stays. The root mirrors the current
/// version (<see cref="Minutes"/>, <see cref="Statut"/>, <see cref="Converti"/>) so totals are plain indexed sums,
/// and copies the contrat's lot and participant (which never change) for the per-lot and per-participant queries.
/// <see cref="HorsPeriode"/> (§7.2): the month overlaps neither the contrat or the lot (+ tolerance) — kept, not counted.
/// </summary>
public sealed class DeclarationHeures : Racine<DeclarationId>, IAppartientStructure, IPartieDe
{
    public const int MotifLongueurMax = 500;

    /// <summary>Largest invoiced amount of one month and contrat (1 M€): keeps the conversion inside 64-bit integers.</summary>
    public const long MontantFactureMaxCentimes = 1_000_000_00;

    private readonly List<VersionDeclaration> _versions = [];

    private DeclarationHeures() { }

    public StructureId StructureId { get; private set; }

    public ContratId ContratId { get; private set; }

    /// <summary>The history of the hours shows on the contrat's page.</summary>
    public Guid RacineId => ContratId.Valeur;

    /// <summary>Copied from the contrat (never changes): per-lot totals without a join.</summary>
    public LotId LotId { get; private set; }

    /// <summary>Copied from the contrat (never changes): the per-participant monthly maximum (§7.1).</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>The month (stored as its integer code yyyymm, 202603 = March 2026, by the EF converter).</summary>
    public Mois Mois { get; private set; }

    /// <summary>Minutes of the current version.</summary>
    public long Minutes { get; private set; }

    public Duree Heures => new(Minutes);

    /// <summary>Status of the current version.</summary>
    public StatutDeclaration Statut { get; private set; }

    /// <summary>The current version was converted from an invoiced amount (§7.4).</summary>
    public bool Converti { get; private set; }

    /// <summary>§7.2: the month is outside the contrat's dates or the lot's execution (+ tolerance): kept, not counted.</summary>
    public bool HorsPeriode { get; private set; }

    /// <summary>Number of the current version (1 = first entry).</summary>
    public int VersionCourante { get; private set; }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<VersionDeclaration> Versions => _versions.OrderBy(v => v.Numero).ToList();

    public VersionDeclaration? Courante => _versions.MaxBy(v => v.Numero);

    /// <summary>
    /// Declares the hours of <paramref name="contrat"/> for <paramref name="mois"/>. A facilitateur's own entry is
    /// validated at once. Refused: a second line for the same contrat and month, a refused contrat, a month to come,
    /// hours ≤ 0 or above the monthly maximum, the participant's month above the maximum across every lot, an amount
    /// outside sous-/co-traitance. A month outside the periods is accepted and flagged <see cref="HorsPeriode"/>.
    /// </summary>
    public static DeclarationHeures Declarer(Contrat contrat, Lot lot, Mois mois, SaisieHeures saisie, SituationMois situation,
        Reglages reglages, Auteur par, DateTimeOffset le, SoumissionId? soumission = null)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        ArgumentNullException.ThrowIfNull(situation);
        // Every rule of the cell is checked before anything changes (issue 15 item 5): the month's and the value's refusals together.
        var verification = new Verification();
        verification.Verifier(() =>
        {
            if (situation.DeclarationExistanteId is not null)
                throw new RegleMetierException(nameof(Mois),
                    $"Des heures sont déjà déclarées pour ce contrat en {Texte(mois)} : modifiez cette ligne (une correction crée une nouvelle version).");
        });
        verification.Verifier(() =>
        {
            if (contrat.Statut == StatutContrat.Refuse)
                throw new RegleMetierException(nameof(Mois), "Ce contrat a été refusé : aucune heure ne peut y être déclarée.");
        });
        verification.Verifier(() =>
        {
            if (mois.Premier > DateOnly.FromDateTime(le.Date))
                throw new RegleMetierException(nameof(Mois), $"Le mois de {Texte(mois)} n'est pas encore commencé : ses heures ne peuvent pas être déclarées.");
        });
        var declaration = new DeclarationHeures
        {
            StructureId = contrat.StructureId,
            ContratId = contrat.Id,
            LotId = contrat.LotId,
            ParticipantId = contrat.ParticipantId,
            Mois = mois,
        };
        declaration.AjouterVersion(contrat, lot, saisie, null, situation, reglages, par, le, soumission, verification);
        return declaration;
    }

    /// <summary>
    /// A correction: a new version that replaces the current one in every total (the history stays). It is
    /// « déclarée » again (validated at once when a facilitateur enters it); the same checks as a declaration.
    /// A company (an author who is not a facilitateur) cannot change a validated line: it is locked (issue 9).
    /// </summary>
    public VersionDeclaration Corriger(Contrat contrat, Lot lot, SaisieHeures saisie, string? motifCorrection, SituationMois situation,
        Reglages reglages, Auteur par, DateTimeOffset le, SoumissionId? soumission = null)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        if (contrat.Id != ContratId) throw new ArgumentException("Cette ligne n'est pas de ce contrat.", nameof(contrat));
        ArgumentNullException.ThrowIfNull(par);
        var verification = new Verification();
        verification.Verifier(() =>
        {
            if (contrat.Statut == StatutContrat.Refuse)
                throw new RegleMetierException(nameof(Mois), "Ce contrat a été refusé : ses heures ne peuvent plus être modifiées.");
        });
        verification.Verifier(() =>
        {
            if (!par.EstFacilitateur && Statut == StatutDeclaration.Validee)
                throw new RegleMetierException(nameof(Heures),
                    $"Les heures de {Texte(Mois)} sont validées par le facilitateur : elles ne peuvent plus être modifiées. Contactez-le en cas d'erreur.");
        });
        var motif = verification.Verifier(() => Garde.Optionnel(motifCorrection, "MotifCorrection", "Motif de la correction", MotifLongueurMax));
        return AjouterVersion(contrat, lot, saisie, motif, situation, reglages, par, le, soumission, verification);
    }

    /// <summary>Validates the current version (a facilitateur only).</summary>
    public void Valider(Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        par.ExigerFacilitateur(nameof(Statut), "valider des heures");
        CouranteEnAttente("validée").Decider(StatutDeclaration.Validee, null, par, le);
        Statut = StatutDeclaration.Validee;
    }

    /// <summary>Rejects the current version with a reason (a facilitateur only); the line stays, not counted, until corrected.</summary>
    public void Rejeter(string? motif, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        par.ExigerFacilitateur(nameof(Statut), "rejeter des heures");
        var texte = Garde.Requis(motif, "MotifRejet", "Motif du rejet", MotifLongueurMax);
        CouranteEnAttente("rejetée").Decider(StatutDeclaration.Rejetee, texte, par, le);
        Statut = StatutDeclaration.Rejetee;
    }

    /// <summary>Recomputes <see cref="HorsPeriode"/> after the contrat's or the lot's dates (or the tolerance) changed.</summary>
    public void ReevaluerPeriode(Contrat contrat, Lot lot, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        if (contrat.Id != ContratId) throw new ArgumentException("Cette ligne n'est pas de ce contrat.", nameof(contrat));
        HorsPeriode = !EstDansLaPeriode(Mois, contrat, lot, reglages);
    }

    /// <summary>§7.2: the month overlaps both the contrat's dates and the lot's execution period extended by the tolerance.</summary>
    public static bool EstDansLaPeriode(Mois mois, Contrat contrat, Lot lot, Reglages reglages)
    {
        ArgumentNullException.ThrowIfNull(contrat);
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(reglages);
        return EstDansLaPeriode(mois, contrat.Periode, new Periode(lot.DebutExecution, lot.FinExecution), reglages.ToleranceApresFinJours);
    }

    /// <summary>
    /// The same rule on the dates alone, for a read model (the entry grid, which renders each cell's period without
    /// loading the entities): <paramref name="contrat"/> its dates (an open end: <see cref="DateOnly.MaxValue"/>),
    /// <paramref name="execution"/> the lot's, extended by <paramref name="toleranceApresFinJours"/>.
    /// </summary>
    public static bool EstDansLaPeriode(Mois mois, Periode contrat, Periode execution, int toleranceApresFinJours)
    {
        var duMois = new Periode(mois.Premier, mois.Dernier);
        return duMois.Chevauche(contrat) && duMois.Chevauche(new Periode(execution.Debut, execution.Fin.AddDays(toleranceApresFinJours)));
    }

    /// <summary>
    /// §7.4: heures = montant HT × part de main-d'œuvre / coût horaire, rounded half-up to the minute (the one
    /// rounding place). 12 000 € × 60 % / 30 € = 240 h = 14 400 min.
    /// </summary>
    public static Duree Convertir(Montant montantFacture, Taux partMainOeuvre, Montant coutHoraire)
    {
        if (coutHoraire.Centimes <= 0) throw new ArgumentOutOfRangeException(nameof(coutHoraire));
        return new Duree(FormatFrancais.DiviserArrondi(montantFacture.Centimes * partMainOeuvre.PointsDeBase * 60,
            coutHoraire.Centimes * Taux.Cent));
    }

    /// <summary>
    /// Adds the new version once every rule of the cell passed: <paramref name="verification"/> holds the refusals of the
    /// caller's own checks (the month, the lock, the reason), this adds the period's and the value's, then throws them all
    /// at once before anything changes (every error in one pass, issue 15 item 5).
    /// </summary>
    private VersionDeclaration AjouterVersion(Contrat contrat, Lot lot, SaisieHeures saisie, string? motifCorrection, SituationMois situation,
        Reglages reglages, Auteur par, DateTimeOffset le, SoumissionId? soumission, Verification verification)
    {
        ArgumentNullException.ThrowIfNull(lot);
        ArgumentNullException.ThrowIfNull(saisie);
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(reglages);
        ArgumentNullException.ThrowIfNull(par);
        if (lot.Id != contrat.LotId) throw new ArgumentException("Ce contrat n'est pas sur ce lot.", nameof(lot));
        // A company declares only inside its contrat and the lot's execution (+ tolerance): a staff entry outside them is
        // kept and flagged HorsPeriode (§7.2), a submission of the portal is refused (issue 9, « Bad input ») — unless the
        // month is already refused (a month to come, a line that exists): one reason for the month is enough.
        verification.Verifier(() =>
        {
            if (soumission is not null && !verification.Refuse(nameof(Mois)) && !EstDansLaPeriode(Mois, contrat, lot, reglages))
                throw new RegleMetierException(nameof(Mois),
                    $"Le mois de {Texte(Mois)} est en dehors des dates du contrat ou de l'exécution du lot : aucune heure ne peut y être déclarée.");
        });
        var lu = Lire(contrat, lot, saisie, reglages, verification);
        if (lu is { Minutes: var minutes, Champ: var champ })
        {
            verification.Verifier(() =>
            {
                var maximum = new Duree(reglages.MaxMinutesParMois);
                if (minutes <= 0)
                    throw new RegleMetierException(champ, champ == nameof(Heures)
                        ? "Les heures doivent être supérieures à 0."
                        : "Le montant converti donne 0 heure : vérifiez le montant, la part de main-d'œuvre et le coût horaire.");
                if (minutes > maximum.Minutes)
                    throw new RegleMetierException(champ,
                        $"{new Duree(minutes)} dépasse le maximum de {maximum} par mois pour une ligne.");
                if (situation.AutresMinutesParticipant + minutes > maximum.Minutes)
                    throw new RegleMetierException(champ,
                        $"Ce participant a déjà {new Duree(situation.AutresMinutesParticipant)} déclarées en {Texte(Mois)} sur ses autres lignes : "
                        + $"avec {new Duree(minutes)} de plus, il dépasserait le maximum de {maximum} par mois, tous lots confondus.");
            });
        }
        verification.Lever();
        var (m, montant, part, cout, _) = lu!.Value;

        var version = new VersionDeclaration(this, VersionCourante + 1, m, montant, part, cout, motifCorrection, par, le, soumission);
        _versions.Add(version);
        VersionCourante = version.Numero;
        Minutes = version.Minutes;
        Converti = version.Converti;
        Statut = version.Statut;
        HorsPeriode = !EstDansLaPeriode(Mois, contrat, lot, reglages);
        return version;
    }

    /// <summary>
    /// The typed value in minutes, or null when it was refused (every refusal of the amount, its share and its cost kept
    /// in <paramref name="verification"/>, each beside its field).
    /// </summary>
    private static (long Minutes, Montant? Montant, Taux? Part, Montant? Cout, string Champ)? Lire(Contrat contrat, Lot lot, SaisieHeures saisie,
        Reglages reglages, Verification verification)
    {
        if (saisie.Heures is { } heures)
        {
            if (saisie.MontantFacture is not null)
            {
                verification.Refuser(new RegleMetierException(nameof(Heures), "Saisissez soit des heures, soit un montant facturé, pas les deux."));
                return null;
            }
            return (heures.Minutes, null, null, null, nameof(Heures));
        }
        if (saisie.MontantFacture is not { } montant)
        {
            verification.Refuser(new RegleMetierException(nameof(Heures), "Le champ « Heures » est obligatoire."));
            return null;
        }
        var montantValide = verification.Verifier(() =>
        {
            if (!contrat.Modalite.AccepteMontantFacture())
                throw new RegleMetierException("MontantFacture",
                    $"Un montant facturé ne se déclare qu'en sous-traitance ou co-traitance : ce contrat est en « {contrat.Modalite.Libelle()} », saisissez des heures.");
            if (montant.Centimes <= 0)
                throw new RegleMetierException("MontantFacture", "Le montant facturé doit être supérieur à 0.");
            if (montant.Centimes > MontantFactureMaxCentimes)
                throw new RegleMetierException("MontantFacture", "Le montant facturé d'un mois ne peut pas dépasser 1 000 000,00 €.");
            return true;
        });
        var part = saisie.PartMainOeuvre ?? new Taux(lot.PartMainOeuvrePdb);
        var partValide = verification.Verifier(() =>
        {
            if (part.PointsDeBase is <= 0 or > Taux.Cent)
                throw new RegleMetierException("PartMainOeuvre", "La part de main-d'œuvre doit être supérieure à 0 et au plus 100 %.");
            return true;
        });
        var cout = saisie.CoutHoraire ?? lot.CoutHoraireEffectif(reglages);
        var coutValide = verification.Verifier(() =>
        {
            if (cout.Centimes <= 0)
                throw new RegleMetierException("CoutHoraire", "Le coût horaire de référence doit être supérieur à 0.");
            return true;
        });
        if (!montantValide || !partValide || !coutValide) return null;
        return (Convertir(montant, part, cout).Minutes, montant, part, cout, "MontantFacture");
    }

    private VersionDeclaration CouranteEnAttente(string action)
    {
        var courante = Courante ?? throw new InvalidOperationException("Les versions de la déclaration ne sont pas chargées.");
        if (courante.Statut != StatutDeclaration.Declaree)
            throw new RegleMetierException(nameof(Statut),
                $"Une ligne au statut « {courante.Statut.Libelle()} » ne peut pas être {action} : seule une ligne déclarée attend une décision.");
        return courante;
    }

    /// <summary>"mars 2026".</summary>
    public static string Texte(Mois mois) => mois.Premier.ToString("MMMM yyyy", FormatFrancais.Culture);
}

/// <summary>
/// One version of a line of hours: what was entered (hours, or the invoiced amount with the labour share and hourly
/// cost used for the conversion), by whom, and the facilitateur's decision. Part of <see cref="DeclarationHeures"/>;
/// tenant-owned so a direct query is scoped too.
/// </summary>
public sealed class VersionDeclaration : EntiteGuid, IAppartientStructure, IPartieDe
{
    private VersionDeclaration() { SaisieParNom = string.Empty; }

    internal VersionDeclaration(DeclarationHeures declaration, int numero, long minutes, Montant? montant, Taux? part, Montant? cout,
        string? motifCorrection, Auteur par, DateTimeOffset le, SoumissionId? soumission)
    {
        StructureId = declaration.StructureId;
        SoumissionId = soumission;
        DeclarationId = declaration.Id;
        ContratId = declaration.ContratId;
        Numero = numero;
        Minutes = minutes;
        MontantFactureCentimes = montant?.Centimes;
        PartMainOeuvrePdb = part?.PointsDeBase;
        CoutHoraireCentimes = cout?.Centimes;
        MotifCorrection = motifCorrection;
        SaisieParId = par.IdVerifie(nameof(SaisieParId));
        SaisieParNom = par.NomVerifie(nameof(SaisieParNom));
        SaisieLe = le;
        SaisieParFacilitateur = par.EstFacilitateur;
        Statut = StatutDeclaration.Declaree;
        // A facilitateur's own entry is validated at once (DOMAIN.md §7).
        if (par.EstFacilitateur) Decider(StatutDeclaration.Validee, null, par, le);
    }

    public StructureId StructureId { get; private set; }

    public DeclarationId DeclarationId { get; private set; }

    public ContratId ContratId { get; private set; }

    /// <summary>The history of the hours shows on the contrat's page.</summary>
    public Guid RacineId => ContratId.Valeur;

    public int Numero { get; private set; }

    public long Minutes { get; private set; }

    public Duree Heures => new(Minutes);

    /// <summary>§7.4: the invoiced amount HT when the hours were converted from it.</summary>
    public long? MontantFactureCentimes { get; private set; }

    public int? PartMainOeuvrePdb { get; private set; }

    public long? CoutHoraireCentimes { get; private set; }

    public bool Converti => MontantFactureCentimes is not null;

    public string? MotifCorrection { get; private set; }

    public StatutDeclaration Statut { get; private set; }

    public string? MotifRejet { get; private set; }

    public Guid SaisieParId { get; private set; }

    public string SaisieParNom { get; private set; }

    public DateTimeOffset SaisieLe { get; private set; }

    public bool SaisieParFacilitateur { get; private set; }

    /// <summary>The portal submission that wrote this version (issue 9); null for a staff entry. The queue groups by it.</summary>
    public SoumissionId? SoumissionId { get; private set; }

    public Guid? DecideParId { get; private set; }

    public string? DecideParNom { get; private set; }

    public DateTimeOffset? DecideLe { get; private set; }

    internal void Decider(StatutDeclaration statut, string? motifRejet, Auteur par, DateTimeOffset le)
    {
        Statut = statut;
        MotifRejet = motifRejet;
        DecideParId = par.IdVerifie(nameof(DecideParId));
        DecideParNom = par.NomVerifie(nameof(DecideParNom));
        DecideLe = le;
    }
}

/// <summary>What the grid knows of a participant's month on every lot: one current, non-rejected line's minutes (§7.1).</summary>
public sealed record MinutesParticipant(ParticipantId ParticipantId, Mois Mois, ContratId ContratId, long Minutes);

/// <summary>A refused cell of the grid: the contrat, the month and the domain's reason naming the field.</summary>
public sealed record RefusCellule(ContratId ContratId, Mois Mois, RegleMetierException Erreur);

/// <summary>
/// The monthly grid of one lot saved as ONE operation (DOMAIN.md §7): built from what was loaded once — the lot, its
/// réglages, the contrats and the existing lines of the cells, and the minutes of the participants' months on every lot
/// — it applies each cell through <see cref="DeclarationHeures.Declarer"/> or <see cref="DeclarationHeures.Corriger"/>,
/// keeping the participants' months up to date in memory so two cells of the same person in the same month meet the
/// monthly maximum across lots exactly as two successive saves would. A refused cell is kept in <see cref="Refus"/>
/// (the caller then writes nothing: all or nothing).
/// </summary>
public sealed class GrilleHeures
{
    private readonly Dictionary<LotId, Lot> _lots;
    private readonly string _horsGrille;
    private readonly Reglages _reglages;
    private readonly Dictionary<ContratId, Contrat> _contrats;
    private readonly Dictionary<(ContratId ContratId, Mois Mois), DeclarationHeures> _lignes;
    private readonly Dictionary<(ParticipantId ParticipantId, Mois Mois, ContratId ContratId), long> _minutes;
    private readonly List<DeclarationHeures> _nouvelles = [];
    private readonly List<RefusCellule> _refus = [];

    public GrilleHeures(Lot lot, Reglages reglages, IEnumerable<Contrat> contrats, IEnumerable<DeclarationHeures> lignes,
        IEnumerable<MinutesParticipant> moisDesParticipants)
        : this([lot ?? throw new ArgumentNullException(nameof(lot))], reglages, contrats, lignes, moisDesParticipants, "n'appartient pas à ce lot")
    {
    }

    /// <summary>
    /// The grid of a company's month on several lots of one structure (the portal, issue 9): the same rules, the
    /// participants' months shared across those lots. A posted contrat missing from <paramref name="contrats"/> (another
    /// company's, not validated) is refused.
    /// </summary>
    public GrilleHeures(IEnumerable<Lot> lots, Reglages reglages, IEnumerable<Contrat> contrats, IEnumerable<DeclarationHeures> lignes,
        IEnumerable<MinutesParticipant> moisDesParticipants)
        : this(lots, reglages, contrats, lignes, moisDesParticipants, "n'est pas un contrat validé de votre entreprise")
    {
    }

    private GrilleHeures(IEnumerable<Lot> lots, Reglages reglages, IEnumerable<Contrat> contrats, IEnumerable<DeclarationHeures> lignes,
        IEnumerable<MinutesParticipant> moisDesParticipants, string horsGrille)
    {
        ArgumentNullException.ThrowIfNull(lots);
        _lots = lots.ToDictionary(l => l.Id);
        _horsGrille = horsGrille;
        _reglages = reglages ?? throw new ArgumentNullException(nameof(reglages));
        _contrats = contrats.ToDictionary(c => c.Id);
        _lignes = lignes.ToDictionary(l => (l.ContratId, l.Mois));
        _minutes = moisDesParticipants.ToDictionary(m => (m.ParticipantId, m.Mois, m.ContratId), m => m.Minutes);
    }

    /// <summary>The lines this grid declared (to add to the unit of work).</summary>
    public IReadOnlyList<DeclarationHeures> Nouvelles => _nouvelles;

    public IReadOnlyList<RefusCellule> Refus => _refus;

    /// <summary>How many cells wrote something (a declaration or a correction).</summary>
    public int Ecrites { get; private set; }

    /// <summary>
    /// Applies one cell: declares the month, or corrects its line when one exists (with <paramref name="motifCorrection"/>,
    /// typed on the contrat's form); an unchanged value (same hours, not converted, no reason) writes nothing. A refusal
    /// is recorded, not thrown, so every refused cell can be named.
    /// </summary>
    public void Appliquer(ContratId contratId, Mois mois, SaisieHeures saisie, Auteur par, DateTimeOffset le, string? motifCorrection = null,
        SoumissionId? soumission = null)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        if (!_contrats.TryGetValue(contratId, out var contrat) || !_lots.TryGetValue(contrat.LotId, out var lot))
        {
            // A posted cell naming a contrat of another lot or structure (forged): refused like any cell, nothing is written.
            _refus.Add(new RefusCellule(contratId, mois, new RegleMetierException(nameof(DeclarationHeures.ContratId),
                $"La case de {DeclarationHeures.Texte(mois)} désigne un contrat qui {_horsGrille} : elle n'est pas enregistrée.")));
            return;
        }
        var situation = new SituationMois(_minutes.Where(m => m.Key.ParticipantId == contrat.ParticipantId && m.Key.Mois == mois && m.Key.ContratId != contratId)
            .Sum(m => m.Value));
        try
        {
            if (_lignes.TryGetValue((contratId, mois), out var ligne))
            {
                if (Inchangee(ligne, saisie) && string.IsNullOrWhiteSpace(motifCorrection)) return;
                ligne.Corriger(contrat, lot, saisie, motifCorrection, situation, _reglages, par, le, soumission);
            }
            else
            {
                ligne = DeclarationHeures.Declarer(contrat, lot, mois, saisie, situation, _reglages, par, le, soumission);
                _lignes[(contratId, mois)] = ligne;
                _nouvelles.Add(ligne);
            }
            // A declared or corrected line is never rejected: it weighs on the participant's month from now on.
            _minutes[(contrat.ParticipantId, mois, contratId)] = ligne.Minutes;
            Ecrites++;
        }
        catch (RegleMetierException ex)
        {
            _refus.Add(new RefusCellule(contratId, mois, ex));
        }
    }

    /// <summary>
    /// The cell says what the line already says: the same hours typed over hours, or the same invoiced amount (with the
    /// lot's labour share and hourly cost) over a line converted from it — writing it again would only add a version.
    /// </summary>
    private static bool Inchangee(DeclarationHeures ligne, SaisieHeures saisie)
    {
        if (saisie.MontantFacture is null) return !ligne.Converti && saisie.Heures?.Minutes == ligne.Minutes;
        return ligne.Converti && saisie.Heures is null && saisie.PartMainOeuvre is null && saisie.CoutHoraire is null
               && ligne.Courante?.MontantFactureCentimes == saisie.MontantFacture.Value.Centimes;
    }
}
