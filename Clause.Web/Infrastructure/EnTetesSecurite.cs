using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Clause.Web.Infrastructure;

/// <summary>
/// Security headers and transport (issue 16 item 6). On every response — page, form, API, error, static file:
/// a Content-Security-Policy with no inline script at all (the layout's one script is a file: <c>wwwroot/js/combobox.js</c>;
/// no page holds a <c>&lt;script&gt;</c> block, an <c>on…=</c> handler or a <c>style=</c> attribute), <c>frame-ancestors
/// 'none'</c>, <c>nosniff</c>, <c>Referrer-Policy: same-origin</c>, a Permissions-Policy that grants nothing, and no
/// <c>Server</c> banner (Kestrel's is switched off in <see cref="ComposeWeb"/>). In Production, behind a TLS reverse proxy:
/// X-Forwarded-For/Proto are honoured only from the addresses of <c>ForwardedHeaders:KnownProxies</c>, then HTTPS
/// redirection and HSTS; the sign-in cookie is always <c>Secure</c> there.
/// </summary>
public static class EnTetesSecurite
{
    public const string PolitiqueContenu =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public const string PolitiquePermissions =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()";

    /// <summary>The reverse proxies whose X-Forwarded-* headers are believed: <c>ForwardedHeaders:KnownProxies</c> (a list of IP addresses).</summary>
    public static ForwardedHeadersOptions OptionsProxys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // Only the configured ones: not even the loopback default.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        var section = configuration.GetSection("ForwardedHeaders:KnownProxies");
        var adresses = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var adresse in adresses)
        {
            if (!IPAddress.TryParse(adresse, out var ip))
                throw new InvalidOperationException($"ForwardedHeaders:KnownProxies : « {adresse} » n'est pas une adresse IP.");
            options.KnownProxies.Add(ip);
        }
        return options;
    }

    /// <summary>First in the pipeline: the headers are added when the response starts, whatever answers it.</summary>
    public static WebApplication UtiliserEnTetesSecurite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsProduction())
        {
            app.UseForwardedHeaders(OptionsProxys(app.Configuration));
            app.UseHttpsRedirection();
        }
        app.Use((http, suivant) =>
        {
            http.Response.OnStarting(() =>
            {
                var entetes = http.Response.Headers;
                // A response that sets its own, stricter policy keeps it (a proof download: default-src 'none'; sandbox).
                if (string.IsNullOrEmpty(entetes.ContentSecurityPolicy)) entetes.ContentSecurityPolicy = PolitiqueContenu;
                entetes.XContentTypeOptions = "nosniff";
                entetes.XFrameOptions = "DENY";
                entetes["Referrer-Policy"] = "same-origin";
                entetes["Permissions-Policy"] = PolitiquePermissions;
                entetes.Remove("Server");
                return Task.CompletedTask;
            });
            return suivant(http);
        });
        return app;
    }
}
