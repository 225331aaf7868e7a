using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JournalAccesDonneesSensibles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quand = table.Column<long>(type: "INTEGER", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quoi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalAccesDonneesSensibles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JournalAudit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Quand = table.Column<long>(type: "INTEGER", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomUtilisateur = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    TypeEntite = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RacineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Changements = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalAudit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Structures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Structures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DonneursOrdre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisonSociale = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CodePostal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonneursOrdre", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DonneursOrdre_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Entreprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisonSociale = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    TypeEmployeur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CodeNaf = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    TrancheEffectif = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CodePostal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entreprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entreprises_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reglages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoutHoraireReferenceCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    PartMainOeuvreDefautPdb = table.Column<int>(type: "INTEGER", nullable: false),
                    RecalculSurAvenant = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModeAccordCadre = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FenetreEligibiliteMois = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeSenior = table.Column<int>(type: "INTEGER", nullable: false),
                    AnticipationDebutContratJours = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMinutesParMois = table.Column<int>(type: "INTEGER", nullable: false),
                    ToleranceApresFinJours = table.Column<int>(type: "INTEGER", nullable: false),
                    FormationComptabiliseeDefaut = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlafondFormationDefautPdb = table.Column<int>(type: "INTEGER", nullable: true),
                    JourLimiteDeclaration = table.Column<int>(type: "INTEGER", nullable: false),
                    JourPremiereRelance = table.Column<int>(type: "INTEGER", nullable: false),
                    JourSecondeRelance = table.Column<int>(type: "INTEGER", nullable: false),
                    SeuilConfidentialite = table.Column<int>(type: "INTEGER", nullable: false),
                    DelaiSortieEmploiDurableMois = table.Column<int>(type: "INTEGER", nullable: false),
                    ConservationMois = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reglages", x => x.Id);
                    table.CheckConstraint("CK_Reglages_CoutHoraire", "[CoutHoraireReferenceCentimes] > 0");
                    table.CheckConstraint("CK_Reglages_PartMainOeuvre", "[PartMainOeuvreDefautPdb] > 0 AND [PartMainOeuvreDefautPdb] <= 10000");
                    table.ForeignKey(
                        name: "FK_Reglages_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactsDonneurOrdre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactsDonneurOrdre", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactsDonneurOrdre_DonneursOrdre_DonneurOrdreId",
                        column: x => x.DonneurOrdreId,
                        principalTable: "DonneursOrdre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DebutPrevisionnel = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinPrevisionnelle = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnQpv = table.Column<bool>(type: "INTEGER", nullable: false),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ObjectifPartQpvPdb = table.Column<int>(type: "INTEGER", nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifRetour = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Operations", x => x.Id);
                    table.CheckConstraint("CK_Operations_CodeQpv", "([EnQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([EnQpv] = 0 AND [CodeQpv] IS NULL)");
                    table.CheckConstraint("CK_Operations_Dates", "[DebutPrevisionnel] IS NULL OR [FinPrevisionnelle] IS NULL OR [FinPrevisionnelle] >= [DebutPrevisionnel]");
                    table.CheckConstraint("CK_Operations_ObjectifQpv", "[ObjectifPartQpvPdb] IS NULL OR ([ObjectifPartQpvPdb] >= 0 AND [ObjectifPartQpvPdb] <= 10000)");
                    table.ForeignKey(
                        name: "FK_Operations_DonneursOrdre_DonneurOrdreId",
                        column: x => x.DonneurOrdreId,
                        principalTable: "DonneursOrdre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Operations_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NomComplet = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actif = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitationAccepteeLe = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_DonneursOrdre_DonneurOrdreId",
                        column: x => x.DonneurOrdreId,
                        principalTable: "DonneursOrdre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactsEntreprise",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactsEntreprise", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactsEntreprise_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Marches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateNotification = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DebutExecution = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinExecution = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MontantHTCentimes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Marches", x => x.Id);
                    table.CheckConstraint("CK_Marches_Dates", "[FinExecution] >= [DebutExecution]");
                    table.CheckConstraint("CK_Marches_Montant", "[MontantHTCentimes] > 0");
                    table.ForeignKey(
                        name: "FK_Marches_DonneursOrdre_DonneurOrdreId",
                        column: x => x.DonneurOrdreId,
                        principalTable: "DonneursOrdre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Marches_Operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "Operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Marches_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prenom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sexe = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CodePostal = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Commune = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResidentQpv = table.Column<bool>(type: "INTEGER", nullable: false),
                    CodeQpv = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    NiveauQualification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Prescripteur = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReferentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdentifiantFranceTravail = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    DateInformation = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InscritLe = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.CheckConstraint("CK_Participants_Naissance", "[DateNaissance] <= [InscritLe]");
                    table.CheckConstraint("CK_Participants_Qpv", "([ResidentQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([ResidentQpv] = 0 AND [CodeQpv] IS NULL)");
                    table.CheckConstraint("CK_Participants_Sexe", "[Sexe] = 'F' OR [Sexe] = 'M'");
                    table.ForeignKey(
                        name: "FK_Participants_AspNetUsers_ReferentId",
                        column: x => x.ReferentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Participants_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarcheId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MontantHTCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    DebutExecution = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinExecution = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DureeExecutionJours = table.Column<int>(type: "INTEGER", nullable: false),
                    Fondements = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    AccordCadreBonsCommande = table.Column<bool>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifRetour = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PartMainOeuvrePdb = table.Column<int>(type: "INTEGER", nullable: false),
                    CoutHoraireReferenceCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    FormationComptabilisee = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlafondFormationPdb = table.Column<int>(type: "INTEGER", nullable: true),
                    HeuresDuesMinutes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => x.Id);
                    table.CheckConstraint("CK_Lots_CoutHoraire", "[CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0");
                    table.CheckConstraint("CK_Lots_Dates", "[FinExecution] >= [DebutExecution] AND [DureeExecutionJours] >= 1");
                    table.CheckConstraint("CK_Lots_Fondements", "[Fondements] >= 0 AND [Fondements] <= 63");
                    table.CheckConstraint("CK_Lots_HeuresDues", "[HeuresDuesMinutes] >= 0 AND ([Fondements] <> 0 OR [HeuresDuesMinutes] = 0)");
                    table.CheckConstraint("CK_Lots_Montant", "[MontantHTCentimes] > 0");
                    table.CheckConstraint("CK_Lots_Numero", "[Numero] >= 1");
                    table.CheckConstraint("CK_Lots_PartMainOeuvre", "[PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000");
                    table.CheckConstraint("CK_Lots_PlafondFormation", "[PlafondFormationPdb] IS NULL OR ([PlafondFormationPdb] >= 0 AND [PlafondFormationPdb] <= 10000)");
                    table.CheckConstraint("CK_Lots_ReserveEssTroisAns", "([Fondements] & 16) = 0 OR [DureeExecutionJours] <= 1096");
                    table.CheckConstraint("CK_Lots_ReserveSiaeOuEaEsat", "([Fondements] & 12) <> 12");
                    table.ForeignKey(
                        name: "FK_Lots_Marches_MarcheId",
                        column: x => x.MarcheId,
                        principalTable: "Marches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Lots_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionsEligibilite",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DateValidation = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValideParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValideParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    PrescripteurAvis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MotifAvis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionsEligibilite", x => x.Id);
                    table.CheckConstraint("CK_DecisionsEligibilite_AvisMotive", "([PrescripteurAvis] IS NULL AND [MotifAvis] IS NULL) OR ([PrescripteurAvis] IS NOT NULL AND [MotifAvis] IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_DecisionsEligibilite_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionsEligibilite_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateNotification = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attributions_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attributions_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BonsCommande",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DateNotification = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MontantHTCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    HeuresMinutes = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BonsCommande", x => x.Id);
                    table.CheckConstraint("CK_BonsCommande_Heures", "[HeuresMinutes] IS NULL OR [HeuresMinutes] >= 0");
                    table.CheckConstraint("CK_BonsCommande_Montant", "[MontantHTCentimes] > 0");
                    table.ForeignKey(
                        name: "FK_BonsCommande_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObligationsInsertion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Methode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MontantLotCentimes = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantHTCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    PartMainOeuvrePdb = table.Column<int>(type: "INTEGER", nullable: true),
                    TauxInsertionPdb = table.Column<int>(type: "INTEGER", nullable: true),
                    CoutHoraireReferenceCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    HeuresTravailleesEstimeesMinutes = table.Column<long>(type: "INTEGER", nullable: true),
                    HeuresSaisiesMinutes = table.Column<long>(type: "INTEGER", nullable: true),
                    HeuresDuesMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    DateEffet = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObligationsInsertion", x => x.Id);
                    table.CheckConstraint("CK_ObligationsInsertion_Heures", "[HeuresDuesMinutes] >= 0 AND ([HeuresTravailleesEstimeesMinutes] IS NULL OR [HeuresTravailleesEstimeesMinutes] > 0) AND ([HeuresSaisiesMinutes] IS NULL OR [HeuresSaisiesMinutes] > 0)");
                    table.CheckConstraint("CK_ObligationsInsertion_Methode", "([Methode] = 'F1' AND [MontantHTCentimes] IS NOT NULL AND [PartMainOeuvrePdb] IS NOT NULL AND [TauxInsertionPdb] IS NOT NULL AND [CoutHoraireReferenceCentimes] IS NOT NULL) OR ([Methode] = 'F2' AND [TauxInsertionPdb] IS NOT NULL AND [HeuresTravailleesEstimeesMinutes] IS NOT NULL) OR ([Methode] = 'F3' AND [HeuresSaisiesMinutes] IS NOT NULL) OR ([Methode] = 'Aucune' AND [HeuresDuesMinutes] = 0)");
                    table.CheckConstraint("CK_ObligationsInsertion_Montants", "[MontantLotCentimes] > 0 AND ([MontantHTCentimes] IS NULL OR [MontantHTCentimes] > 0) AND ([CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0)");
                    table.CheckConstraint("CK_ObligationsInsertion_Taux", "([TauxInsertionPdb] IS NULL OR ([TauxInsertionPdb] >= 0 AND [TauxInsertionPdb] <= 10000)) AND ([PartMainOeuvrePdb] IS NULL OR ([PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000))");
                    table.CheckConstraint("CK_ObligationsInsertion_Version", "[Version] >= 1 AND ([Version] = 1 OR [Motif] IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_ObligationsInsertion_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CategoriesDecision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Categorie = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Justificatif = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FinDroits = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoriesDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_DecisionsEligibilite_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "DecisionsEligibilite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CategoriesDecision_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contrats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Modalite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeContrat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinPrevue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinReelle = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeuresHebdoMinutes = table.Column<long>(type: "INTEGER", nullable: true),
                    Poste = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    CodeRome = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origine = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposeParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposeParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ProposeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DecideParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecideParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DecideLe = table.Column<long>(type: "INTEGER", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Eligibilite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionEligibiliteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EligibiliteValide = table.Column<bool>(type: "INTEGER", nullable: false),
                    MotifDerogation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DerogationParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DerogationParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DerogationLe = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contrats", x => x.Id);
                    table.CheckConstraint("CK_Contrats_Dates", "[FinPrevue] >= [DateDebut] AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])");
                    table.CheckConstraint("CK_Contrats_Decision", "[Statut] = 'Propose' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
                    table.CheckConstraint("CK_Contrats_Derogation", "([MotifDerogation] IS NULL AND [DerogationParId] IS NULL AND [DerogationParNom] IS NULL AND [DerogationLe] IS NULL) OR ([MotifDerogation] IS NOT NULL AND [DerogationParId] IS NOT NULL AND [DerogationParNom] IS NOT NULL AND [DerogationLe] IS NOT NULL)");
                    table.CheckConstraint("CK_Contrats_Eligibilite", "[EligibiliteValide] = 0 OR [Statut] = 'Valide'");
                    table.CheckConstraint("CK_Contrats_HeuresHebdo", "[HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)");
                    table.CheckConstraint("CK_Contrats_Refus", "([Statut] = 'Refuse' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refuse' AND [MotifRefus] IS NULL)");
                    table.ForeignKey(
                        name: "FK_Contrats_DecisionsEligibilite_DecisionEligibiliteId",
                        column: x => x.DecisionEligibiliteId,
                        principalTable: "DecisionsEligibilite",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Entreprises_EmployeurId",
                        column: x => x.EmployeurId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contrats_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeclarationsHeures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Converti = table.Column<bool>(type: "INTEGER", nullable: false),
                    HorsPeriode = table.Column<bool>(type: "INTEGER", nullable: false),
                    VersionCourante = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeclarationsHeures", x => x.Id);
                    table.CheckConstraint("CK_DeclarationsHeures_Minutes", "[Minutes] > 0");
                    table.CheckConstraint("CK_DeclarationsHeures_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
                    table.CheckConstraint("CK_DeclarationsHeures_Version", "[VersionCourante] >= 1");
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Contrats_ContratId",
                        column: x => x.ContratId,
                        principalTable: "Contrats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeclarationsHeures_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VersionsDeclaration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeclarationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantFactureCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    PartMainOeuvrePdb = table.Column<int>(type: "INTEGER", nullable: true),
                    CoutHoraireCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    MotifCorrection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MotifRejet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SaisieParId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SaisieParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SaisieLe = table.Column<long>(type: "INTEGER", nullable: false),
                    SaisieParFacilitateur = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecideParId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecideParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    DecideLe = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VersionsDeclaration", x => x.Id);
                    table.CheckConstraint("CK_VersionsDeclaration_Conversion", "([MontantFactureCentimes] IS NULL AND [PartMainOeuvrePdb] IS NULL AND [CoutHoraireCentimes] IS NULL) OR ([MontantFactureCentimes] > 0 AND [PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000 AND [CoutHoraireCentimes] > 0)");
                    table.CheckConstraint("CK_VersionsDeclaration_Decision", "[Statut] = 'Declaree' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)");
                    table.CheckConstraint("CK_VersionsDeclaration_Minutes", "[Minutes] > 0 AND [Numero] >= 1");
                    table.CheckConstraint("CK_VersionsDeclaration_Rejet", "([Statut] = 'Rejetee' AND [MotifRejet] IS NOT NULL) OR ([Statut] <> 'Rejetee' AND [MotifRejet] IS NULL)");
                    table.ForeignKey(
                        name: "FK_VersionsDeclaration_DeclarationsHeures_DeclarationId",
                        column: x => x.DeclarationId,
                        principalTable: "DeclarationsHeures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VersionsDeclaration_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DonneurOrdreId",
                table: "AspNetUsers",
                column: "DonneurOrdreId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_EntrepriseId",
                table: "AspNetUsers",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_StructureId",
                table: "AspNetUsers",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attributions_EntrepriseId",
                table: "Attributions",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Attributions_LotId_Attributaire",
                table: "Attributions",
                column: "LotId",
                unique: true,
                filter: "[Role] = 'Attributaire'");

            migrationBuilder.CreateIndex(
                name: "IX_Attributions_LotId_EntrepriseId",
                table: "Attributions",
                columns: new[] { "LotId", "EntrepriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attributions_StructureId_EntrepriseId_Role",
                table: "Attributions",
                columns: new[] { "StructureId", "EntrepriseId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_BonsCommande_LotId_Numero",
                table: "BonsCommande",
                columns: new[] { "LotId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_DecisionId_Categorie",
                table: "CategoriesDecision",
                columns: new[] { "DecisionId", "Categorie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_ParticipantId",
                table: "CategoriesDecision",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_CategoriesDecision_StructureId_Categorie_ParticipantId",
                table: "CategoriesDecision",
                columns: new[] { "StructureId", "Categorie", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactsDonneurOrdre_DonneurOrdreId",
                table: "ContactsDonneurOrdre",
                column: "DonneurOrdreId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactsEntreprise_EntrepriseId",
                table: "ContactsEntreprise",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_DecisionEligibiliteId",
                table: "Contrats",
                column: "DecisionEligibiliteId");

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_EmployeurId_Statut",
                table: "Contrats",
                columns: new[] { "EmployeurId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_LotId_Statut",
                table: "Contrats",
                columns: new[] { "LotId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_ParticipantId_DateDebut",
                table: "Contrats",
                columns: new[] { "ParticipantId", "DateDebut" });

            migrationBuilder.CreateIndex(
                name: "IX_Contrats_StructureId_Statut_FinPrevue",
                table: "Contrats",
                columns: new[] { "StructureId", "Statut", "FinPrevue" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsEligibilite_ParticipantId_DateValidation",
                table: "DecisionsEligibilite",
                columns: new[] { "ParticipantId", "DateValidation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsEligibilite_StructureId_DateValidation",
                table: "DecisionsEligibilite",
                columns: new[] { "StructureId", "DateValidation" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_ContratId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "ContratId", "Mois" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_LotId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "LotId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_ParticipantId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "ParticipantId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_StructureId_Statut_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "StructureId", "Statut", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_DonneursOrdre_StructureId_RaisonSociale",
                table: "DonneursOrdre",
                columns: new[] { "StructureId", "RaisonSociale" });

            migrationBuilder.CreateIndex(
                name: "IX_DonneursOrdre_StructureId_Siret",
                table: "DonneursOrdre",
                columns: new[] { "StructureId", "Siret" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entreprises_StructureId_RaisonSociale",
                table: "Entreprises",
                columns: new[] { "StructureId", "RaisonSociale" });

            migrationBuilder.CreateIndex(
                name: "IX_Entreprises_StructureId_Siret",
                table: "Entreprises",
                columns: new[] { "StructureId", "Siret" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalAccesDonneesSensibles_ParticipantId_Quand",
                table: "JournalAccesDonneesSensibles",
                columns: new[] { "ParticipantId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAccesDonneesSensibles_StructureId_Quand",
                table: "JournalAccesDonneesSensibles",
                columns: new[] { "StructureId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_RacineId_Quand",
                table: "JournalAudit",
                columns: new[] { "RacineId", "Quand" });

            migrationBuilder.CreateIndex(
                name: "IX_Lots_MarcheId_Numero",
                table: "Lots",
                columns: new[] { "MarcheId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lots_StructureId_Statut",
                table: "Lots",
                columns: new[] { "StructureId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Marches_DonneurOrdreId_Numero",
                table: "Marches",
                columns: new[] { "DonneurOrdreId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Marches_OperationId",
                table: "Marches",
                column: "OperationId");

            migrationBuilder.CreateIndex(
                name: "IX_Marches_StructureId_Numero",
                table: "Marches",
                columns: new[] { "StructureId", "Numero" });

            migrationBuilder.CreateIndex(
                name: "IX_ObligationsInsertion_LotId_Version",
                table: "ObligationsInsertion",
                columns: new[] { "LotId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Operations_DonneurOrdreId",
                table: "Operations",
                column: "DonneurOrdreId");

            migrationBuilder.CreateIndex(
                name: "IX_Operations_StructureId_Nom",
                table: "Operations",
                columns: new[] { "StructureId", "Nom" });

            migrationBuilder.CreateIndex(
                name: "IX_Operations_StructureId_Statut",
                table: "Operations",
                columns: new[] { "StructureId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ReferentId",
                table: "Participants",
                column: "ReferentId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_Commune",
                table: "Participants",
                columns: new[] { "StructureId", "Commune" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_Nom_Prenom",
                table: "Participants",
                columns: new[] { "StructureId", "Nom", "Prenom" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_ReferentId",
                table: "Participants",
                columns: new[] { "StructureId", "ReferentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_StructureId_ResidentQpv",
                table: "Participants",
                columns: new[] { "StructureId", "ResidentQpv" });

            migrationBuilder.CreateIndex(
                name: "IX_Reglages_StructureId",
                table: "Reglages",
                column: "StructureId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Structures_Nom",
                table: "Structures",
                column: "Nom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeclaration_DeclarationId_Numero",
                table: "VersionsDeclaration",
                columns: new[] { "DeclarationId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VersionsDeclaration_StructureId",
                table: "VersionsDeclaration",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attributions");

            migrationBuilder.DropTable(
                name: "BonsCommande");

            migrationBuilder.DropTable(
                name: "CategoriesDecision");

            migrationBuilder.DropTable(
                name: "ContactsDonneurOrdre");

            migrationBuilder.DropTable(
                name: "ContactsEntreprise");

            migrationBuilder.DropTable(
                name: "JournalAccesDonneesSensibles");

            migrationBuilder.DropTable(
                name: "JournalAudit");

            migrationBuilder.DropTable(
                name: "ObligationsInsertion");

            migrationBuilder.DropTable(
                name: "Reglages");

            migrationBuilder.DropTable(
                name: "VersionsDeclaration");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "DeclarationsHeures");

            migrationBuilder.DropTable(
                name: "Contrats");

            migrationBuilder.DropTable(
                name: "DecisionsEligibilite");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "Marches");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Operations");

            migrationBuilder.DropTable(
                name: "Entreprises");

            migrationBuilder.DropTable(
                name: "DonneursOrdre");

            migrationBuilder.DropTable(
                name: "Structures");
        }
    }
}
