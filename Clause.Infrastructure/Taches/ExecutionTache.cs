namespace Clause.Infrastructure.Taches;

/// <summary>
/// One run of a scheduled job (the run journal): which job, why it ran, when, how long, with what result. Written by
/// <see cref="ExecuteurTaches"/> — a row "en cours" before the work, completed after it — so a run that throws is still
/// recorded, and a node that dies mid-run leaves a row that the next start-up of that node marks as interrupted.
/// A system journal, not tenant data: the admin page lists it for the whole installation.
/// </summary>
public sealed class ExecutionTache
{
    public const int CleLongueurMax = 100;
    public const int MessageLongueurMax = 2000;
    public const int NoeudLongueurMax = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The job's key in the catalogue (e.g. "boite-envoi").</summary>
    public string Cle { get; set; } = string.Empty;

    public DeclenchementTache Declenchement { get; set; }

    /// <summary>The fire time the scheduler planned (null for a run started by hand): two nodes never record the same one twice.</summary>
    public DateTimeOffset? PrevuLe { get; set; }

    public DateTimeOffset DebutLe { get; set; }

    public DateTimeOffset? FinLe { get; set; }

    public ResultatTache Resultat { get; set; } = ResultatTache.EnCours;

    /// <summary>French summary ("3 mails envoyés") or the failure's message; never an address nor a mail body.</summary>
    public string? Message { get; set; }

    /// <summary>The node (scheduler instance) that ran it.</summary>
    public string Noeud { get; set; } = string.Empty;

    public long? DureeMillisecondes => FinLe is { } fin ? (long)(fin - DebutLe).TotalMilliseconds : null;
}

public enum DeclenchementTache
{
    Planifie,
    Manuel,
    Rattrapage,
}

public enum ResultatTache
{
    EnCours,
    Reussie,
    Echouee,
    Interrompue,
}

public static class LibellesTaches
{
    public static string Libelle(this ResultatTache resultat) => resultat switch
    {
        ResultatTache.EnCours => "En cours",
        ResultatTache.Reussie => "Réussie",
        ResultatTache.Echouee => "Échouée",
        ResultatTache.Interrompue => "Interrompue (nœud arrêté)",
        _ => resultat.ToString(),
    };

    public static string Libelle(this DeclenchementTache declenchement) => declenchement switch
    {
        DeclenchementTache.Planifie => "Planifiée",
        DeclenchementTache.Manuel => "Lancée à la main",
        DeclenchementTache.Rattrapage => "Rattrapage au démarrage",
        _ => declenchement.ToString(),
    };
}

/// <summary>What a job's work reports: a French summary, and the structures whose part failed (see <see cref="ParStructure"/>).</summary>
public sealed record CompteRendu(string Resume, IReadOnlyList<EchecStructure>? Echecs = null)
{
    public static CompteRendu De(string resume, IReadOnlyList<EchecStructure> echecs) => new(resume, echecs);
}
