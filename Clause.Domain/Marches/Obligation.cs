using Clause.Domain.Commun;

namespace Clause.Domain.Marches;

/// <summary>How a lot's hours due are computed (DOMAIN.md §3.1).</summary>
public enum MethodeCalcul
{
    [Libelle("F1 — coût de la main-d'œuvre")] F1,
    [Libelle("F2 — part des heures travaillées")] F2,
    [Libelle("F3 — heures fixées au marché")] F3,
    [Libelle("Aucune (lot sans clause)")] Aucune,
}

/// <summary>Why a version of the obligation was written.</summary>
public enum OrigineObligation
{
    [Libelle("Obligation initiale")] Initiale,
    [Libelle("Modification de l'obligation")] Modification,
    [Libelle("Avenant")] Avenant,
}

/// <summary>
/// What the user chooses for a lot's obligation. For F1 the lot supplies the amount, its labour share and
/// its effective hourly cost; the rate comes from here.
/// </summary>
public sealed record ParametresObligation
{
    private ParametresObligation(MethodeCalcul methode, Taux? tauxInsertion, Duree? heuresTravailleesEstimees, Duree? heuresSaisies)
    {
        Methode = methode;
        TauxInsertion = tauxInsertion;
        HeuresTravailleesEstimees = heuresTravailleesEstimees;
        HeuresSaisies = heuresSaisies;
    }

    public MethodeCalcul Methode { get; }

    /// <summary>F1 and F2: the insertion rate (5 % = 500 bp).</summary>
    public Taux? TauxInsertion { get; }

    /// <summary>F2: the estimated hours worked on the lot.</summary>
    public Duree? HeuresTravailleesEstimees { get; }

    /// <summary>F3: the hours written in the marché.</summary>
    public Duree? HeuresSaisies { get; }

    /// <summary>Lot without clause: 0 h due.</summary>
    public static ParametresObligation Aucune { get; } = new(MethodeCalcul.Aucune, null, null, null);

    public static ParametresObligation F1(Taux tauxInsertion) =>
        new(MethodeCalcul.F1, VerifierTaux(tauxInsertion), null, null);

    public static ParametresObligation F2(Taux tauxInsertion, Duree heuresTravailleesEstimees) =>
        heuresTravailleesEstimees.Minutes <= 0
            ? throw new RegleMetierException(nameof(HeuresTravailleesEstimees), "Les heures travaillées estimées doivent être supérieures à 0.")
            : new(MethodeCalcul.F2, VerifierTaux(tauxInsertion), heuresTravailleesEstimees, null);

    public static ParametresObligation F3(Duree heures) =>
        heures.Minutes <= 0
            ? throw new RegleMetierException(nameof(HeuresSaisies), "Les heures d'insertion fixées au marché doivent être supérieures à 0.")
            : new(MethodeCalcul.F3, null, null, heures);

    private static Taux VerifierTaux(Taux taux) =>
        taux.PointsDeBase is < 0 or > Taux.Cent
            ? throw new RegleMetierException(nameof(TauxInsertion), "Le taux d'insertion doit être compris entre 0 et 100 %.")
            : taux;
}

/// <summary>The formulas of DOMAIN.md §3.1, each rounded half-up to a whole hour, once.</summary>
public static class CalculHeuresDues
{
    private const long PdbCarre = (long)Taux.Cent * Taux.Cent;

    /// <summary>F1: montant HT × part de main-d'œuvre × taux d'insertion / coût horaire de référence.</summary>
    public static Duree F1(Montant montantHT, Taux partMainOeuvre, Taux tauxInsertion, Montant coutHoraireReference) =>
        Duree.Heures(FormatFrancais.DiviserArrondi(
            checked(montantHT.Centimes * partMainOeuvre.PointsDeBase * tauxInsertion.PointsDeBase),
            checked(coutHoraireReference.Centimes * PdbCarre)));

    /// <summary>F2: taux d'insertion × heures travaillées estimées.</summary>
    public static Duree F2(Taux tauxInsertion, Duree heuresTravailleesEstimees) =>
        Duree.Heures(FormatFrancais.DiviserArrondi(checked(heuresTravailleesEstimees.Minutes * tauxInsertion.PointsDeBase), 60L * Taux.Cent));

    /// <summary>Accord-cadre, Prorata: total hours due × Σ bons notified HT / estimated amount HT.</summary>
    public static Duree Prorata(Duree heuresDuesTotales, Montant sommeBons, Montant montantEstime) =>
        Duree.Heures(FormatFrancais.DiviserArrondi(checked(heuresDuesTotales.Minutes * sommeBons.Centimes), checked(montantEstime.Centimes * 60)));

    /// <summary>Hours in French format: whole hours without decimals ("1 000 h"), otherwise "12,50 h".</summary>
    public static string FormaterHeures(Duree duree) =>
        duree.Minutes % 60 == 0
            ? (duree.Minutes / 60).ToString("#,##0", FormatFrancais.Culture) + " h"
            : duree.ToString();
}

/// <summary>
/// One dated version of a lot's insertion obligation: the method, its inputs kept for audit, the hours due
/// that resulted, when it takes effect and why it changed (required for every version after the first).
/// Versions are never modified: a change adds a version. Part of the <see cref="Lot"/> aggregate.
/// </summary>
public sealed class ObligationInsertion : EntiteGuid, IAppartientStructure, IPartieDe
{
    public const int MotifLongueurMax = 500;

    private ObligationInsertion() { }

    internal ObligationInsertion(Lot lot, int version, OrigineObligation origine, ParametresObligation parametres,
        Taux partMainOeuvre, Montant coutHoraireReference, DateOnly dateEffet, string? motif, DateTimeOffset creeLe)
    {
        StructureId = lot.StructureId;
        LotId = lot.Id;
        Version = version;
        Origine = origine;
        Methode = parametres.Methode;
        MontantLotCentimes = lot.MontantHTCentimes;
        DateEffet = dateEffet;
        Motif = motif;
        CreeLe = creeLe;
        Duree heures;
        switch (parametres.Methode)
        {
            case MethodeCalcul.F1:
                MontantHTCentimes = lot.MontantHTCentimes;
                PartMainOeuvrePdb = partMainOeuvre.PointsDeBase;
                TauxInsertionPdb = parametres.TauxInsertion!.Value.PointsDeBase;
                CoutHoraireReferenceCentimes = coutHoraireReference.Centimes;
                heures = CalculHeuresDues.F1(lot.MontantHT, partMainOeuvre, parametres.TauxInsertion.Value, coutHoraireReference);
                break;
            case MethodeCalcul.F2:
                TauxInsertionPdb = parametres.TauxInsertion!.Value.PointsDeBase;
                HeuresTravailleesEstimeesMinutes = parametres.HeuresTravailleesEstimees!.Value.Minutes;
                heures = CalculHeuresDues.F2(parametres.TauxInsertion.Value, parametres.HeuresTravailleesEstimees.Value);
                break;
            case MethodeCalcul.F3:
                HeuresSaisiesMinutes = parametres.HeuresSaisies!.Value.Minutes;
                heures = parametres.HeuresSaisies.Value;
                break;
            default:
                heures = default;
                break;
        }
        HeuresDuesMinutes = heures.Minutes;
    }

    public StructureId StructureId { get; private set; }

    public LotId LotId { get; private set; }

    public Guid RacineId => LotId.Valeur;

    /// <summary>1 for the first version, then 2, 3…</summary>
    public int Version { get; private set; }

    public OrigineObligation Origine { get; private set; }

    public MethodeCalcul Methode { get; private set; }

    /// <summary>The lot's amount HT when this version was written (for an avenant: the new amount).</summary>
    public long MontantLotCentimes { get; private set; }

    /// <summary>F1 input: amount HT used by the formula.</summary>
    public long? MontantHTCentimes { get; private set; }

    /// <summary>F1 input: labour share, basis points.</summary>
    public int? PartMainOeuvrePdb { get; private set; }

    /// <summary>F1 and F2 input: insertion rate, basis points.</summary>
    public int? TauxInsertionPdb { get; private set; }

    /// <summary>F1 input: hourly reference cost, cents.</summary>
    public long? CoutHoraireReferenceCentimes { get; private set; }

    /// <summary>F2 input: estimated hours worked, minutes.</summary>
    public long? HeuresTravailleesEstimeesMinutes { get; private set; }

    /// <summary>F3 input: hours written in the marché, minutes.</summary>
    public long? HeuresSaisiesMinutes { get; private set; }

    /// <summary>The result, in minutes (a whole number of hours for F1 and F2).</summary>
    public long HeuresDuesMinutes { get; private set; }

    public DateOnly DateEffet { get; private set; }

    /// <summary>Reason of the change ("Avenant n°2 : …"); null only on version 1.</summary>
    public string? Motif { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    public Duree HeuresDues => new(HeuresDuesMinutes);

    /// <summary>The calculation in words, French format: "1 000 000,00 € × 50 % × 5 % / 30,00 € = 833 h".</summary>
    public string Explication() => Methode switch
    {
        MethodeCalcul.F1 => $"{new Montant(MontantHTCentimes!.Value)} × {new Taux(PartMainOeuvrePdb!.Value)} × {new Taux(TauxInsertionPdb!.Value)}"
            + $" / {new Montant(CoutHoraireReferenceCentimes!.Value)} = {CalculHeuresDues.FormaterHeures(HeuresDues)}",
        MethodeCalcul.F2 => $"{new Taux(TauxInsertionPdb!.Value)} × {CalculHeuresDues.FormaterHeures(new Duree(HeuresTravailleesEstimeesMinutes!.Value))}"
            + $" = {CalculHeuresDues.FormaterHeures(HeuresDues)}",
        MethodeCalcul.F3 => $"Heures fixées au marché : {CalculHeuresDues.FormaterHeures(HeuresDues)}",
        _ => "Lot sans clause d'insertion : 0 h",
    };

    /// <summary>A next version keeping this one's method, inputs and hours (avenant without recalculation).</summary>
    internal ObligationInsertion Reconduire(Lot lot, DateOnly dateEffet, string motif, DateTimeOffset creeLe) => new()
    {
        StructureId = StructureId,
        LotId = LotId,
        Version = Version + 1,
        Origine = OrigineObligation.Avenant,
        Methode = Methode,
        MontantLotCentimes = lot.MontantHTCentimes,
        MontantHTCentimes = MontantHTCentimes,
        PartMainOeuvrePdb = PartMainOeuvrePdb,
        TauxInsertionPdb = TauxInsertionPdb,
        CoutHoraireReferenceCentimes = CoutHoraireReferenceCentimes,
        HeuresTravailleesEstimeesMinutes = HeuresTravailleesEstimeesMinutes,
        HeuresSaisiesMinutes = HeuresSaisiesMinutes,
        HeuresDuesMinutes = HeuresDuesMinutes,
        DateEffet = dateEffet,
        Motif = motif,
        CreeLe = creeLe,
    };

    /// <summary>The inputs of this version, to write a next version with the same choice.</summary>
    internal ParametresObligation Parametres() => Methode switch
    {
        MethodeCalcul.F1 => ParametresObligation.F1(new Taux(TauxInsertionPdb!.Value)),
        MethodeCalcul.F2 => ParametresObligation.F2(new Taux(TauxInsertionPdb!.Value), new Duree(HeuresTravailleesEstimeesMinutes!.Value)),
        MethodeCalcul.F3 => ParametresObligation.F3(new Duree(HeuresSaisiesMinutes!.Value)),
        _ => ParametresObligation.Aucune,
    };
}
