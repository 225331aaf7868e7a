using Clause.Domain.Commun;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Securite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Infrastructure.Taches;

/// <summary>
/// How background work acts on tenant data: one DI scope per structure, its <see cref="ContexteExecution"/> set by
/// <see cref="ContexteExecution.DefinirTache"/>, so the tenant filter, the audit trail and every service behave as for a
/// request of that structure. A failure in one structure does not stop the others; the failures are returned.
/// </summary>
public static class ParStructure
{
    public static async Task<IReadOnlyList<EchecStructure>> PourChacuneAsync(IServiceScopeFactory portees, string nomTache,
        Func<IServiceProvider, StructureId, CancellationToken, Task> travail, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(portees);
        ArgumentNullException.ThrowIfNull(travail);
        List<StructureId> structures;
        using (var portee = portees.CreateScope())
        {
            var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
            // Structures are not tenant-owned: the list needs no filter bypass.
            structures = await db.Structures.AsNoTracking().OrderBy(s => s.Nom).Select(s => s.Id).ToListAsync(annulation).ConfigureAwait(false);
        }

        var echecs = new List<EchecStructure>();
        foreach (var structure in structures)
        {
            annulation.ThrowIfCancellationRequested();
            using var portee = portees.CreateScope();
            portee.ServiceProvider.GetRequiredService<ContexteExecution>().DefinirTache(nomTache, structure);
            try
            {
                await travail(portee.ServiceProvider, structure, annulation).ConfigureAwait(false);
            }
            catch (Exception erreur) when (erreur is not OperationCanceledException)
            {
                echecs.Add(new EchecStructure(structure, erreur));
            }
        }

        return echecs;
    }
}

/// <summary>A structure whose part of a job failed, with the exception (the job run records its message).</summary>
public sealed record EchecStructure(StructureId Structure, Exception Erreur);
