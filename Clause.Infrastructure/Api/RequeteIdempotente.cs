namespace Clause.Infrastructure.Api;

/// <summary>
/// One POST of the API made with an <c>Idempotency-Key</c>: kept 24 hours so that a retry with the same key and body
/// gets the stored response and writes nothing. The unique index (<see cref="UtilisateurId"/>, <see cref="Cle"/>)
/// arbitrates concurrent requests: the row is inserted before the work, the loser gets the unique violation.
/// Scoped by its caller, not by structure: only the caller's own keys are ever read.
/// </summary>
public sealed class RequeteIdempotente
{
    public const int CleLongueurMax = 255;
    public const int RouteLongueurMax = 300;

    public Guid Id { get; set; } = Clause.Domain.Commun.SourceIdentifiants.Nouveau();

    public Guid UtilisateurId { get; set; }

    public string Cle { get; set; } = string.Empty;

    /// <summary>Method and path, e.g. "POST /api/v1/heures".</summary>
    public string Route { get; set; } = string.Empty;

    /// <summary>Hex SHA-256 of the request body.</summary>
    public string EmpreinteCorps { get; set; } = string.Empty;

    /// <summary>Null while the first request is in progress.</summary>
    public int? StatutReponse { get; set; }

    public string? CorpsReponse { get; set; }

    public string? TypeContenu { get; set; }

    public DateTimeOffset CreeLe { get; set; }

    public DateTimeOffset ExpireLe { get; set; }
}
