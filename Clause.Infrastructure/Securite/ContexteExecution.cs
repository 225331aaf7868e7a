using Clause.Domain.Commun;

namespace Clause.Infrastructure.Securite;

/// <summary>
/// Who is acting in the current scope: filled from the signed-in user's claims by the web middleware,
/// or explicitly by start-up work (migrations, demo data) and jobs. The tenant query filter and the
/// audit trail read it. Scoped: one per request or job run.
/// </summary>
public sealed class ContexteExecution
{
    public Guid? UtilisateurId { get; private set; }

    public string NomUtilisateur { get; private set; } = "anonyme";

    public StructureId? StructureId { get; private set; }

    public EntrepriseId? EntrepriseId { get; private set; }

    public DonneurOrdreId? DonneurOrdreId { get; private set; }

    /// <summary>The personal access token's name when the request came through the API (recorded by the audit trail).</summary>
    public string? NomJeton { get; private set; }

    /// <summary>
    /// True for start-up work (migrations, the first administrator): it may write rows of any structure (the audit
    /// trail allows it), but it reads no tenant row — the tenant filter is <c>StructureId = current</c> for everyone,
    /// and a structure-less context has none. Work on a structure's rows sets it (<see cref="DefinirTache"/>).
    /// </summary>
    public bool Systeme { get; private set; }

    /// <summary>The import run writing now (issue 11), recorded by the audit trail as the origin of each change; null otherwise.</summary>
    public Guid? ImportId { get; private set; }

    /// <summary>Sets (or clears, with null) the import run the next saves come from.</summary>
    public void DefinirImport(Guid? importId) => ImportId = importId;

    public void DefinirUtilisateur(Guid utilisateurId, string nom, StructureId? structureId, EntrepriseId? entrepriseId, DonneurOrdreId? donneurOrdreId, string? nomJeton = null)
    {
        NomJeton = nomJeton;
        UtilisateurId = utilisateurId;
        NomUtilisateur = nom;
        StructureId = structureId;
        EntrepriseId = entrepriseId;
        DonneurOrdreId = donneurOrdreId;
        Systeme = false;
    }

    /// <summary>
    /// Scheduled or background work acting for one structure (a job run iterates the structures and sets each in turn):
    /// no user, the tenant filter applies as for a request of that structure, the audit trail records <paramref name="nom"/>.
    /// </summary>
    public void DefinirTache(string nom, StructureId structure)
    {
        UtilisateurId = null;
        NomUtilisateur = nom;
        StructureId = structure;
        EntrepriseId = null;
        DonneurOrdreId = null;
        NomJeton = null;
        Systeme = false;
    }

    /// <summary>Acts as the system (migrations, writes across structures). Never used for a web request; reads no tenant row.</summary>
    public void DefinirSysteme(string nom)
    {
        UtilisateurId = null;
        NomUtilisateur = nom;
        StructureId = null;
        NomJeton = null;
        Systeme = true;
    }
}
