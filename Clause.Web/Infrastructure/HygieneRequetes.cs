using Clause.Web.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Refuses, at the edge and before anything binds or reads it (issue 16 item 8), a request that no form of Clause sends:
/// a NUL byte in its path, its query or an urlencoded form, or an urlencoded form over the field limits (FormOptions,
/// 1 024 fields, or the page's own <c>[RequestFormLimits]</c> — the month grid of Heures/Lot takes 20 000). The answer is
/// a 400 that says what was wrong, in French: the error page (Erreur, through the status code pages) for the site, a
/// problem details document for /api/v1. Without it the antiforgery check fails to read the form and the page says only
/// « le formulaire a expiré ». Multipart forms (the two upload pages) are left to their pages: they carry files, whose
/// bytes may hold anything. Runs after routing, to read the endpoint's form limits.
/// </summary>
public sealed class HygieneRequetes(RequestDelegate suivant, IOptions<FormOptions> optionsFormulaire)
{
    /// <summary>The key of <see cref="HttpContext.Items"/> under which the refusal's reason waits for the error page.</summary>
    public const string CleRaison = "Clause.RaisonRefus";

    public const string MessageNul = "La requête contient un caractère nul.";

    public const string MessageTropDeChamps = "Le formulaire contient trop de champs.";

    public const string MessageChampTropLong = "Un champ du formulaire est trop long.";

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // The error page re-executed for a refusal passes here again: it is let through.
        if (http.Items.ContainsKey(CleRaison))
        {
            await suivant(http);
            return;
        }
        var raison = await RaisonAsync(http);
        if (raison is null)
        {
            await suivant(http);
            return;
        }
        http.Items[CleRaison] = raison;
        // What the pages would bind later is the empty form: nothing of the refused one is read again.
        http.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        if (MiddlewareApi.EstApi(http.Request))
        {
            await MiddlewareApi.EcrireAsync(http, ProblemesApi.Creer(StatusCodes.Status400BadRequest, raison));
            return;
        }
        // No body: the status code pages re-execute /Erreur, which shows the reason (ErreurModel).
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private async Task<string?> RaisonAsync(HttpContext http)
    {
        var requete = http.Request;
        if (requete.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            || requete.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
            || requete.Query.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || p.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            return MessageNul;
        if (MiddlewareApi.EstApi(requete) || !requete.HasFormContentType
            || !requete.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return null;
        http.Features.Set<IFormFeature>(new FormFeature(requete, Options(http)));
        IFormCollection formulaire;
        try
        {
            formulaire = await requete.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException erreur)
        {
            // The form reader says what it refused: the count of fields, a NUL byte (« invalid characters »), or the length
            // of a key or a value.
            if (erreur.Message.Contains("count", StringComparison.OrdinalIgnoreCase)) return MessageTropDeChamps;
            return erreur.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase) ? MessageNul : MessageChampTropLong;
        }
        return formulaire.Any(c => c.Key.Contains('\0', StringComparison.Ordinal) || c.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            ? MessageNul
            : null;
    }

    /// <summary>The application's form limits, raised or lowered by the endpoint's <c>[RequestFormLimits]</c>.</summary>
    private FormOptions Options(HttpContext http)
    {
        var defaut = optionsFormulaire.Value;
        var options = new FormOptions
        {
            ValueCountLimit = defaut.ValueCountLimit,
            KeyLengthLimit = defaut.KeyLengthLimit,
            ValueLengthLimit = defaut.ValueLengthLimit,
            BufferBody = defaut.BufferBody,
        };
        if (http.GetEndpoint()?.Metadata.GetMetadata<IFormOptionsMetadata>() is { } limites)
        {
            if (limites.ValueCountLimit is { } nombre) options.ValueCountLimit = nombre;
            if (limites.KeyLengthLimit is { } cle) options.KeyLengthLimit = cle;
            if (limites.ValueLengthLimit is { } longueur) options.ValueLengthLimit = longueur;
            if (limites.BufferBody is { } tampon) options.BufferBody = tampon;
        }
        return options;
    }
}
