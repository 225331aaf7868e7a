using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TachesEtBoiteEnvoi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BoiteEnvoi",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CleIdempotence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Destinataire = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    NomDestinataire = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Sujet = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Html = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Texte = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Statut = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Tentatives = table.Column<int>(type: "int", nullable: false),
                    DeposeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EssaisDepuis = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProchainEssaiLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnvoiCommenceLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EnvoyeLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DerniereErreur = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoiteEnvoi", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionsTaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Cle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Declenchement = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PrevuLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DebutLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinLe = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Resultat = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Noeud = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionsTaches", x => x.Id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoiteEnvoi");

            migrationBuilder.DropTable(
                name: "ExecutionsTaches");
        }
    }
}
