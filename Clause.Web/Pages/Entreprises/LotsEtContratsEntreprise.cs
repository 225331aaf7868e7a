namespace Clause.Web.Pages.Entreprises;

/// <summary>
/// Model of the "Lots et contrats" section of a company's page (partial _LotsEtContrats). Empty for now:
/// attributions and contrats fill it once those features are merged.
/// </summary>
public sealed record LotsEtContratsEntreprise(IReadOnlyList<LotDeLEntreprise> Lots, IReadOnlyList<ContratDeLEntreprise> Contrats)
{
    public static LotsEtContratsEntreprise Vide { get; } = new([], []);
}

/// <summary>A lot the company holds, and in which role (attributaire, co-traitant, sous-traitant).</summary>
public sealed record LotDeLEntreprise(Guid LotId, string Operation, string Marche, string Lot, string Role, DateOnly? NotifieLe);

/// <summary>A contrat the company employs (or hosts) on a lot.</summary>
public sealed record ContratDeLEntreprise(Guid ContratId, string Participant, string Lot, string Modalite, DateOnly Debut, DateOnly? Fin, string Statut);
