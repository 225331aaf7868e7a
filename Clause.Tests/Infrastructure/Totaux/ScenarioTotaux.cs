using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Totaux;
using Clause.Tests.Support;

namespace Clause.Tests.Infrastructure.Totaux;

/// <summary>
/// A structure whose lines exercise every column of the compiled totals, on two marchés of one opération: lot 1 (marché
/// 2026-001) and lots 2 and 3 (marché 2026-002). Martin works on lots 1 and 2, Petit on lot 1 (training), Leroy on lots
/// 2 and 3 — so a participant on two lots of a marché or of the opération counts once there. The clock is on 15/04/2026:
/// January to March are past months, April is the current one.
/// <code>
///              janvier 2026                     février 2026                         mars 2026
/// Martin lot 1 100 h validées                   80 h déclarées (en attente)
/// Martin lot 2  50 h validées                                                        40 h validées
/// Petit  lot 1  10 h validées (formation)        5 h rejetées
/// Leroy  lot 2                                  10 h validées
/// Leroy  lot 3  20 h déclarées (en attente)     30 h validées
/// </code>
/// </summary>
public sealed class ScenarioTotaux
{
    public static readonly Mois Janvier = new(2026, 1);
    public static readonly Mois Fevrier = new(2026, 2);
    public static readonly Mois Mars = new(2026, 3);
    public static readonly Mois Avril = new(2026, 4);

    public required SituationsContrats S { get; init; }

    public required Lot Lot1 { get; init; }

    public required Lot Lot2 { get; init; }

    public required Lot Lot3 { get; init; }

    public required Participant Martin { get; init; }

    public required Participant Petit { get; init; }

    public required Participant Leroy { get; init; }

    public required Contrat MartinLot1 { get; init; }

    public required Contrat MartinLot2 { get; init; }

    public required Contrat PetitLot1 { get; init; }

    public required Contrat LeroyLot2 { get; init; }

    public required Contrat LeroyLot3 { get; init; }

    public StructureId StructureId => S.StructureId;

    public static async Task<ScenarioTotaux> SemerAsync(BaseDeTest b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Horloge.SetUtcNow(new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
        var structure = Structure.Creer("PLIE " + Guid.NewGuid().ToString("N")[..8], TypeStructure.Plie, "Tours");
        await using (var systeme = b.Systeme())
        {
            systeme.Structures.Add(structure);
            await systeme.SaveChangesAsync();
        }
        var s = new SituationsContrats(structure.Id);
        var marcheB = s.Marches.UnMarche("2026-002", lots: [SituationsMarches.LotF1("Second œuvre", numero: 1), SituationsMarches.LotF1("Peinture", numero: 2)]);
        var lot2 = marcheB.Lots[0];
        var lot3 = marcheB.Lots[1];
        lot2.Attribuer(s.Titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot3.Attribuer(s.Titulaire, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        var petit = s.UnParticipantEligible("Petit");
        var leroy = s.UnParticipantEligible("Leroy");
        var scenario = new ScenarioTotaux
        {
            S = s,
            Lot1 = s.Lot,
            Lot2 = lot2,
            Lot3 = lot3,
            Martin = s.Participant,
            Petit = petit,
            Leroy = leroy,
            MartinLot1 = s.UnContratValide(),
            MartinLot2 = s.UnContratValide(lot: lot2),
            PetitLot1 = s.UnContratValide(ModaliteContrat.Formation, participant: petit),
            LeroyLot2 = s.UnContratValide(participant: leroy, lot: lot2),
            LeroyLot3 = s.UnContratValide(participant: leroy, lot: lot3),
        };
        var f = SituationsContrats.Facilitateur;
        var rejetee = s.Declarer(scenario.PetitLot1, Fevrier, 5);
        rejetee.Rejeter("Relevé non signé.", f, SituationsContrats.Maintenant);
        await using var db = b.Pour(structure.Id);
        db.Reglages.Add(s.Reglages);
        db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
        db.Operations.Add(s.Marches.Operation);
        db.Entreprises.Add(s.Titulaire);
        db.Marches.AddRange(s.Lot.Marche, marcheB);
        db.Participants.AddRange(s.Participant, petit, leroy);
        db.Contrats.AddRange(scenario.MartinLot1, scenario.MartinLot2, scenario.PetitLot1, scenario.LeroyLot2, scenario.LeroyLot3);
        db.DeclarationsHeures.AddRange(
            s.Declarer(scenario.MartinLot1, Janvier, 100, par: f),
            s.Declarer(scenario.MartinLot2, Janvier, 50, par: f, lot: lot2),
            s.Declarer(scenario.PetitLot1, Janvier, 10, par: f),
            s.Declarer(scenario.LeroyLot3, Janvier, 20, lot: lot3),
            s.Declarer(scenario.MartinLot1, Fevrier, 80),
            rejetee,
            s.Declarer(scenario.LeroyLot2, Fevrier, 10, par: f, lot: lot2),
            s.Declarer(scenario.LeroyLot3, Fevrier, 30, par: f, lot: lot3),
            s.Declarer(scenario.MartinLot2, Mars, 40, par: f, lot: lot2));
        await db.SaveChangesAsync();
        return scenario;
    }

    /// <summary>The services of a context acting for the scenario's structure, on the test clock.</summary>
    public static (RequetesHeures Requetes, CompilateurTotaux Compilateur, VerificationTotaux Verification) Services(ClauseDbContext db, TimeProvider horloge)
    {
        var requetes = new RequetesHeures(db, horloge);
        var compilateur = new CompilateurTotaux(db, requetes, horloge);
        return (requetes, compilateur, new VerificationTotaux(db, compilateur, horloge));
    }
}
