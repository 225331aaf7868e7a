using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using MoisCalendaire = Clause.Domain.Commun.Mois;

namespace Clause.Infrastructure.Heures;

/// <summary>
/// The writes of the hours (DOMAIN.md §7): each method loads what the rule needs (contrat, lot, réglages, the
/// participant's month from <see cref="RequetesHeures.SituationAsync"/>), calls ONE domain method and saves. A broken
/// rule is a <see cref="RegleMetierException"/> naming the field (nothing is written); a line that does not exist in
/// the current structure is a <see cref="KeyNotFoundException"/> (the page answers 404).
/// </summary>
public sealed class ServiceHeures(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge)
{
    /// <summary>Declares a new line; refused when the contrat already has one for the month (it must be corrected).</summary>
    public async Task<DeclarationHeures> DeclarerAsync(Guid contratId, MoisCalendaire mois, SaisieHeures saisie, Auteur par, CancellationToken annulation = default)
    {
        var (contrat, lot, reglages) = await ChargerAsync(contratId, annulation).ConfigureAwait(false);
        var situation = await requetes.SituationAsync(contrat.ParticipantId, contrat.Id, mois, annulation).ConfigureAwait(false);
        var declaration = DeclarationHeures.Declarer(contrat, lot, mois, saisie, situation, reglages, par, horloge.GetUtcNow());
        db.DeclarationsHeures.Add(declaration);
        await EnregistrerAsync(mois, annulation).ConfigureAwait(false);
        return declaration;
    }

    /// <summary>Corrects a line: a new version replacing the current one in every total.</summary>
    public async Task<VersionDeclaration> CorrigerAsync(Guid declarationId, SaisieHeures saisie, string? motifCorrection, Auteur par,
        CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        var (contrat, lot, reglages) = await ChargerAsync(declaration.ContratId, annulation).ConfigureAwait(false);
        var situation = await requetes.SituationAsync(contrat.ParticipantId, contrat.Id, declaration.MoisCalendaire, annulation).ConfigureAwait(false);
        var version = declaration.Corriger(contrat, lot, saisie, motifCorrection, situation, reglages, par, horloge.GetUtcNow());
        await EnregistrerAsync(declaration.MoisCalendaire, annulation).ConfigureAwait(false);
        return version;
    }

    /// <summary>
    /// For the monthly grid: declares the month, or corrects its line when one exists. An unchanged value (same hours,
    /// not converted) writes nothing.
    /// </summary>
    public async Task<DeclarationHeures> SaisirAsync(Guid contratId, MoisCalendaire mois, SaisieHeures saisie, Auteur par, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(saisie);
        var code = mois.Code;
        var id = await db.DeclarationsHeures.Where(d => d.ContratId == contratId && d.Mois == code)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(annulation).ConfigureAwait(false);
        if (id is null) return await DeclarerAsync(contratId, mois, saisie, par, annulation).ConfigureAwait(false);
        var declaration = await ChargerDeclarationAsync(id.Value, annulation).ConfigureAwait(false);
        if (saisie.MontantFacture is null && !declaration.Converti && saisie.Heures?.Minutes == declaration.Minutes) return declaration;
        await CorrigerAsync(id.Value, saisie, null, par, annulation).ConfigureAwait(false);
        return declaration;
    }

    /// <summary>Validates the current version of a line (a facilitateur).</summary>
    public async Task ValiderAsync(Guid declarationId, Auteur par, CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        declaration.Valider(par, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>Rejects the current version of a line with a reason (a facilitateur).</summary>
    public async Task RejeterAsync(Guid declarationId, string? motif, Auteur par, CancellationToken annulation = default)
    {
        var declaration = await ChargerDeclarationAsync(declarationId, annulation).ConfigureAwait(false);
        declaration.Rejeter(motif, par, horloge.GetUtcNow());
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
    }

    private async Task<(Contrat Contrat, Domain.Marches.Lot Lot, Domain.Structures.Reglages Reglages)> ChargerAsync(Guid contratId, CancellationToken annulation)
    {
        var contrat = await db.Contrats.FirstOrDefaultAsync(c => c.Id == contratId, annulation).ConfigureAwait(false)
            ?? throw new KeyNotFoundException("Ce contrat n'existe pas.");
        var lot = await db.Lots.FirstAsync(l => l.Id == contrat.LotId, annulation).ConfigureAwait(false);
        var reglages = await db.Reglages.FirstAsync(r => r.StructureId == contrat.StructureId, annulation).ConfigureAwait(false);
        return (contrat, lot, reglages);
    }

    private async Task<DeclarationHeures> ChargerDeclarationAsync(Guid declarationId, CancellationToken annulation) =>
        await db.DeclarationsHeures.Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == declarationId, annulation).ConfigureAwait(false)
        ?? throw new KeyNotFoundException("Cette ligne d'heures n'existe pas.");

    /// <summary>Saves; two entries racing for the same contrat and month meet the unique index and get the domain's message.</summary>
    private async Task EnregistrerAsync(MoisCalendaire mois, CancellationToken annulation)
    {
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
                                           || ex.InnerException?.Message.Contains("IX_DeclarationsHeures_ContratId_Mois", StringComparison.Ordinal) == true)
        {
            throw new RegleMetierException(nameof(DeclarationHeures.Mois),
                $"Des heures viennent d'être déclarées pour ce contrat en {DeclarationHeures.Texte(mois)} : rechargez la page et modifiez cette ligne.");
        }
    }
}
