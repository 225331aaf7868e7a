using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TachesTotauxRelances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeuilRetardLotPdb",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 8000);

            migrationBuilder.AddColumn<long>(
                name: "MontantParHeureManquanteCentimes",
                table: "Lots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alertes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SujetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Echeance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DestinataireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Texte = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Lien = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreeeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    TraiteeLe = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alertes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alertes_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BoiteEnvoi",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CleIdempotence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Destinataire = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NomDestinataire = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sujet = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Texte = table.Column<string>(type: "TEXT", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Tentatives = table.Column<int>(type: "INTEGER", nullable: false),
                    DeposeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    EssaisDepuis = table.Column<long>(type: "INTEGER", nullable: false),
                    ProchainEssaiLe = table.Column<long>(type: "INTEGER", nullable: false),
                    EnvoiCommenceLe = table.Column<long>(type: "INTEGER", nullable: true),
                    EnvoyeLe = table.Column<long>(type: "INTEGER", nullable: true),
                    DerniereErreur = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoiteEnvoi", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionsTaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Declenchement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PrevuLe = table.Column<long>(type: "INTEGER", nullable: true),
                    DebutLe = table.Column<long>(type: "INTEGER", nullable: false),
                    FinLe = table.Column<long>(type: "INTEGER", nullable: true),
                    Resultat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Noeud = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionsTaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MoisCompiles",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    CompileLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoisCompiles", x => new { x.StructureId, x.Mois });
                    table.ForeignKey(
                        name: "FK_MoisCompiles_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MoisSales",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoisSales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MoisSales_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RelancesDeclaration",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    EnvoyeeLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelancesDeclaration", x => x.Id);
                    table.CheckConstraint("CK_RelancesDeclaration_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
                    table.CheckConstraint("CK_RelancesDeclaration_Rang", "[Rang] IN ('Premiere', 'Seconde')");
                    table.ForeignKey(
                        name: "FK_RelancesDeclaration_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RelancesDeclaration_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RelancesDeclaration_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TachesRelance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    CreeeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DuesMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    RealiseesMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    MontantParHeureManquanteCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    PenaliteProposeeCentimes = table.Column<long>(type: "INTEGER", nullable: true),
                    TraiteeLe = table.Column<long>(type: "INTEGER", nullable: true),
                    TraiteeParNom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TachesRelance", x => x.Id);
                    table.CheckConstraint("CK_TachesRelance_Minutes", "[DuesMinutes] >= 0 AND [RealiseesMinutes] >= 0");
                    table.CheckConstraint("CK_TachesRelance_Mois", "[Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12");
                    table.CheckConstraint("CK_TachesRelance_Penalite", "([MontantParHeureManquanteCentimes] IS NULL AND [PenaliteProposeeCentimes] IS NULL) OR ([MontantParHeureManquanteCentimes] > 0 AND [PenaliteProposeeCentimes] >= 0)");
                    table.ForeignKey(
                        name: "FK_TachesRelance_Entreprises_EntrepriseId",
                        column: x => x.EntrepriseId,
                        principalTable: "Entreprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TachesRelance_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TachesRelance_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TotauxMensuels",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesComptees = table.Column<long>(type: "INTEGER", nullable: false),
                    MinutesEnAttente = table.Column<long>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Contrats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TotauxMensuels", x => new { x.StructureId, x.Mois, x.Niveau, x.CleId });
                    table.ForeignKey(
                        name: "FK_TotauxMensuels_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TotauxMensuelsLots",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mois = table.Column<int>(type: "INTEGER", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Modalite = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TypeContrat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MinutesComptees = table.Column<long>(type: "INTEGER", nullable: false),
                    MinutesEnAttente = table.Column<long>(type: "INTEGER", nullable: false),
                    Contrats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TotauxMensuelsLots", x => new { x.StructureId, x.Mois, x.LotId, x.Modalite, x.TypeContrat });
                    table.ForeignKey(
                        name: "FK_TotauxMensuelsLots_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reglages_Calendrier",
                table: "Reglages",
                sql: "[JourLimiteDeclaration] >= 1 AND [JourSecondeRelance] <= 28 AND [JourPremiereRelance] > [JourLimiteDeclaration] AND [JourSecondeRelance] > [JourPremiereRelance]");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reglages_SeuilRetardLot",
                table: "Reglages",
                sql: "[SeuilRetardLotPdb] > 0 AND [SeuilRetardLotPdb] <= 10000");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Lots_PenaliteHeureManquante",
                table: "Lots",
                sql: "[MontantParHeureManquanteCentimes] IS NULL OR ([MontantParHeureManquanteCentimes] > 0 AND [MontantParHeureManquanteCentimes] <= 1000000)");

            migrationBuilder.CreateIndex(
                name: "IX_DeclarationsHeures_StructureId_Mois",
                table: "DeclarationsHeures",
                columns: new[] { "StructureId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_Alertes_StructureId_DestinataireId_TraiteeLe_CreeeLe",
                table: "Alertes",
                columns: new[] { "StructureId", "DestinataireId", "TraiteeLe", "CreeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Alertes_StructureId_Nature_SujetId_Echeance_DestinataireId",
                table: "Alertes",
                columns: new[] { "StructureId", "Nature", "SujetId", "Echeance", "DestinataireId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoiteEnvoi_CleIdempotence",
                table: "BoiteEnvoi",
                column: "CleIdempotence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoiteEnvoi_Statut_ProchainEssaiLe",
                table: "BoiteEnvoi",
                columns: new[] { "Statut", "ProchainEssaiLe" });

            migrationBuilder.CreateIndex(
                name: "IX_BoiteEnvoi_StructureId_DeposeLe",
                table: "BoiteEnvoi",
                columns: new[] { "StructureId", "DeposeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Cle_DebutLe",
                table: "ExecutionsTaches",
                columns: new[] { "Cle", "DebutLe" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Noeud_Resultat",
                table: "ExecutionsTaches",
                columns: new[] { "Noeud", "Resultat" });

            migrationBuilder.CreateIndex(
                name: "IX_MoisCompiles_StructureId_CompileLe",
                table: "MoisCompiles",
                columns: new[] { "StructureId", "CompileLe" });

            migrationBuilder.CreateIndex(
                name: "IX_MoisSales_StructureId_Mois_Id",
                table: "MoisSales",
                columns: new[] { "StructureId", "Mois", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RelancesDeclaration_EntrepriseId",
                table: "RelancesDeclaration",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_RelancesDeclaration_LotId",
                table: "RelancesDeclaration",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_RelancesDeclaration_StructureId_ContactId_LotId_Mois_Rang",
                table: "RelancesDeclaration",
                columns: new[] { "StructureId", "ContactId", "LotId", "Mois", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RelancesDeclaration_StructureId_Mois_LotId",
                table: "RelancesDeclaration",
                columns: new[] { "StructureId", "Mois", "LotId" });

            migrationBuilder.CreateIndex(
                name: "IX_TachesRelance_EntrepriseId",
                table: "TachesRelance",
                column: "EntrepriseId");

            migrationBuilder.CreateIndex(
                name: "IX_TachesRelance_LotId",
                table: "TachesRelance",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_TachesRelance_StructureId_LotId_EntrepriseId_Mois",
                table: "TachesRelance",
                columns: new[] { "StructureId", "LotId", "EntrepriseId", "Mois" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TachesRelance_StructureId_TraiteeLe_CreeeLe",
                table: "TachesRelance",
                columns: new[] { "StructureId", "TraiteeLe", "CreeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_TotauxMensuels_StructureId_Niveau_CleId_Mois",
                table: "TotauxMensuels",
                columns: new[] { "StructureId", "Niveau", "CleId", "Mois" });

            migrationBuilder.CreateIndex(
                name: "IX_TotauxMensuelsLots_StructureId_LotId_Mois",
                table: "TotauxMensuelsLots",
                columns: new[] { "StructureId", "LotId", "Mois" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alertes");

            migrationBuilder.DropTable(
                name: "BoiteEnvoi");

            migrationBuilder.DropTable(
                name: "ExecutionsTaches");

            migrationBuilder.DropTable(
                name: "MoisCompiles");

            migrationBuilder.DropTable(
                name: "MoisSales");

            migrationBuilder.DropTable(
                name: "RelancesDeclaration");

            migrationBuilder.DropTable(
                name: "TachesRelance");

            migrationBuilder.DropTable(
                name: "TotauxMensuels");

            migrationBuilder.DropTable(
                name: "TotauxMensuelsLots");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reglages_Calendrier",
                table: "Reglages");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reglages_SeuilRetardLot",
                table: "Reglages");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Lots_PenaliteHeureManquante",
                table: "Lots");

            migrationBuilder.DropIndex(
                name: "IX_DeclarationsHeures_StructureId_Mois",
                table: "DeclarationsHeures");

            migrationBuilder.DropColumn(
                name: "SeuilRetardLotPdb",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "MontantParHeureManquanteCentimes",
                table: "Lots");
        }
    }
}
