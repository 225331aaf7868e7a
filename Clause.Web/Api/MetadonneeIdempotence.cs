using Microsoft.AspNetCore.Http.Metadata;

namespace Clause.Web.Api;

/// <summary>Marks an endpoint that carries <see cref="FiltreIdempotence"/> (read by the meta-test and by OpenAPI).</summary>
public sealed class MetadonneeIdempotence
{
    public static readonly MetadonneeIdempotence Instance = new();

    private MetadonneeIdempotence() { }

    /// <summary>True for an endpoint whose HTTP methods include POST.</summary>
    public static bool EstPost(IEnumerable<object> metadonnees) =>
        metadonnees.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase));
}
