using System.Globalization;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Clause.Web.Infrastructure;

/// <summary>Composition root of the web layer: Identity, authorisation per folder, Razor Pages, pipeline.</summary>
public static class ComposeWeb
{
    public const string InvitationTokenProvider = "Invitation";

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
            .AddClaimsPrincipalFactory<FabriqueRevendications>()
            .AddTokenProvider<JetonInvitationProvider>(InvitationTokenProvider)
            .AddDefaultTokenProviders();
        services.Configure<JetonInvitationOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.AddScoped<Invitations>();

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
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // A deactivated user's cookie stops working within a minute (security stamp changes).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Politiques.Administration, p => p.RequireRole(Roles.Administrateur))
            .AddPolicy(Politiques.LectureClause, p => p.RequireRole(Roles.Direction, Roles.Facilitateur).RequireClaim(RevendicationsClause.StructureId))
            .AddPolicy(Politiques.GestionClause, p => p.RequireRole(Roles.Facilitateur).RequireClaim(RevendicationsClause.StructureId))
            .AddPolicy(Politiques.LectureParticipants, p => p.RequireRole(Roles.Direction, Roles.Facilitateur, Roles.Referent).RequireClaim(RevendicationsClause.StructureId))
            .AddPolicy(Politiques.Reglages, p => p.RequireRole(Roles.Direction, Roles.Facilitateur).RequireClaim(RevendicationsClause.StructureId));

        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Compte");
            o.Conventions.AuthorizePage("/Compte/Deconnexion");
            o.Conventions.AllowAnonymousToPage("/Erreur");
            o.Conventions.AuthorizeFolder("/Admin", Politiques.Administration);
            o.Conventions.AuthorizeFolder("/DonneursOrdre", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/DonneursOrdre/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/DonneursOrdre/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/DonneursOrdre/Contact", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Participants", Politiques.LectureParticipants);
            o.Conventions.AuthorizePage("/Participants/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Participants/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Participants/Eligibilite", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Entreprises", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/Entreprises/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Entreprises/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Entreprises/Contact", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Reglages", Politiques.Reglages);
            o.Conventions.AuthorizeFolder("/Operations", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/Operations/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Operations/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Operations/Statut", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Marches", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/Marches/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Marches/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Lots", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/Lots/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Lots/Obligation", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Lots/Avenant", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Lots/Statut", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Lots/Attribution", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Lots/BonCommande", Politiques.GestionClause);
            o.Conventions.AuthorizeFolder("/Contrats", Politiques.LectureParticipants);
            o.Conventions.AuthorizePage("/Contrats/Creer", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Contrats/Modifier", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Contrats/Valider", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Contrats/Refuser", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Contrats/Fin", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Contrats/Deroger", Politiques.GestionClause);
            // Hours: Direction reads (the grid too, read-only); the grid's POST checks the Facilitateur role itself.
            o.Conventions.AuthorizeFolder("/Heures", Politiques.LectureClause);
            o.Conventions.AuthorizePage("/Heures/Saisir", Politiques.GestionClause);
            o.Conventions.AuthorizePage("/Heures/Decision", Politiques.GestionClause);
        }).AddMvcOptions(o => MessagesValidation.EnFrancais(o.ModelBindingMessageProvider));

        // Accented French text is written as is, not as &#xE9; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        return services;
    }

    public static WebApplication UtiliserClause(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Erreur");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Erreur", "?code={0}");
        var francais = new CultureInfo("fr-FR");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(francais),
            SupportedCultures = [francais],
            SupportedUICultures = [francais],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<MiddlewareContexteExecution>();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}

public static class Politiques
{
    public const string Administration = nameof(Administration);

    /// <summary>Read the clause data of one's structure (Direction, Facilitateur).</summary>
    public const string LectureClause = nameof(LectureClause);

    /// <summary>Write the clause data of one's structure (Facilitateur).</summary>
    public const string GestionClause = nameof(GestionClause);

    /// <summary>Read participants (Direction, Facilitateur; a Referent only his or her own).</summary>
    public const string LectureParticipants = nameof(LectureParticipants);
    /// <summary>Read and change the structure's settings (Direction, Facilitateur).</summary>
    public const string Reglages = nameof(Reglages);
}
