using System.Globalization;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clause.Web.Infrastructure;

/// <summary>Composition root of the web layer: Identity, authorisation per folder, Razor Pages, pipeline.</summary>
public static class ComposeWeb
{
    public const string InvitationTokenProvider = "Invitation";

    /// <summary>The « mot de passe oublié » links (1 hour), generated and checked by name (UserManager.GenerateUserTokenAsync).</summary>
    public const string ReinitialisationTokenProvider = "Reinitialisation";

    public static IServiceCollection AddClauseWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environnement)
    {
        services.AddIdentity<Utilisateur, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Tokens.PasswordResetTokenProvider = InvitationTokenProvider;
            })
            .AddEntityFrameworkStores<ClauseDbContext>()
            .AddErrorDescriber<DescripteurErreursFrancais>()
            .AddPasswordValidator<ValidateurMotDePasse>()
            .AddClaimsPrincipalFactory<FabriqueRevendications>()
            .AddTokenProvider<JetonInvitationProvider>(InvitationTokenProvider)
            .AddTokenProvider<JetonReinitialisationProvider>(ReinitialisationTokenProvider)
            .AddDefaultTokenProviders()
            // In place of Identity's authenticator provider: the app's clock, and a code serves once (issue 16 item 4).
            .AddTokenProvider<FournisseurAuthentificateur>(TokenOptions.DefaultAuthenticatorProvider);
        services.Configure<JetonInvitationOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.Configure<JetonReinitialisationOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddScoped<Invitations>();
        services.AddReinitialisations();

        // Keys survive restarts so invitation links and cookies stay valid.
        services.AddDataProtection().SetApplicationName("Clause")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(
                configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "cles"), environnement.ContentRootPath)));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Compte/Connexion";
            o.LogoutPath = "/Compte/Deconnexion";
            o.AccessDeniedPath = "/Compte/AccesRefuse";
            o.Cookie.Name = "clause";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The session lives on the server (MagasinSessions): 12 hours at most, closed after the réglage's idle time.
            o.ExpireTimeSpan = SessionConnexion.DureeMax;
            o.SlidingExpiration = false;
            if (environnement.IsProduction()) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });
        services.AddSingleton<MagasinSessions>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<MagasinSessions>((o, magasin) => o.SessionStore = magasin);
        // Pages authenticate with the cookie, /api/v1 with a personal access token; never the other way round.
        services.AjouterSchemasClause();
        // A deactivated user's cookie stops working within a minute (security stamp changes).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // Each policy's role meaning lives in Droits; which pages need which policy lives in each folder's _Dossier.cs.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .DeclarerPolitiques();
        var acces = new ConventionAcces(typeof(ComposeWeb).Assembly);
        services.AddSingleton(acces);

        services.AddRazorPages(o =>
        {
            o.Conventions.Add(acces);
            // An account that must use a second factor and has not enrolled may only enrol or sign out.
            o.Conventions.ConfigureFilter(new FiltreDoubleFacteur());
        }).AddMvcOptions(o =>
        {
            MessagesValidation.EnFrancais(o.ModelBindingMessageProvider);
            o.ModelValidatorProviders.Add(new ValidationDates());
            // Edge validators of every form (issue 16 item 8): no control character in a text, a list value the enum defines.
            o.ModelValidatorProviders.Add(new ValidationCaracteres());
            o.ModelBinderProviders.Insert(0, new LiaisonEnumerations());
        });

        // Accented French text is written as is, not as &#xE9; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        // No « Server: Kestrel » banner (issue 16); HSTS for a year once HTTPS is seen (Production, EnTetesSecurite).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddClauseApi(configuration);
        return services;
    }

    public static WebApplication UtiliserClause(this WebApplication app)
    {
        app.UtiliserEnTetesSecurite();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Erreur");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Erreur", "?code={0}");
        app.UseClauseApi();
        var francais = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(francais),
            SupportedCultures = [francais],
            SupportedUICultures = [francais],
        });
        app.UseStaticFiles();
        app.UseRouting();
        // A NUL byte or a form over its limits: a French 400 before anything reads the request (issue 16 item 8).
        app.UseMiddleware<HygieneRequetes>();
        app.UseAuthentication();
        app.UseMiddleware<MiddlewareContexteExecution>();
        // After authentication (the API is limited per token), before authorisation (a flood of forged tokens is limited too).
        app.UseLimitesDebit();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapClauseApi();
        return app;
    }
}
