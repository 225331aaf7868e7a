using Clause.Domain.Commun;

namespace Clause.Domain.Heures;

/// <summary>
/// The forecast of a lot in execution (issue 10 item 2): owned by the « jobs » branch, which writes the rule
/// (<c>Prevision.Calculer</c>) in this file. The record alone is declared here, with the agreed signature, so that the
/// bilan (<see cref="Bilans.Bilan.Previsions"/>) compiles before that branch is merged: at merge, keep the jobs version.
/// </summary>
public sealed record PrevisionLot(long RythmeMinutesParMois, long ProjectionFinMinutes, Taux? TauxProjete, long? MinutesParMoisNecessaires, int MoisRestants, bool SousObjectif);
