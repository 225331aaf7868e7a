using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JetonsAccesEtIdempotence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NomJeton",
                table: "JournalAudit",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JetonsAcces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Prefixe = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntrepriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DonneurOrdreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpireLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DerniereUtilisationLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevoqueLe = table.Column<long>(type: "INTEGER", nullable: true),
                    MotifRevocation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JetonsAcces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JetonsAcces_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JetonsAcces_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequetesIdempotentes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cle = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EmpreinteCorps = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    StatutReponse = table.Column<int>(type: "INTEGER", nullable: true),
                    CorpsReponse = table.Column<string>(type: "TEXT", nullable: true),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpireLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequetesIdempotentes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequetesIdempotentes_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JetonsAcces_Empreinte",
                table: "JetonsAcces",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JetonsAcces_StructureId_UtilisateurId",
                table: "JetonsAcces",
                columns: new[] { "StructureId", "UtilisateurId" });

            migrationBuilder.CreateIndex(
                name: "IX_JetonsAcces_UtilisateurId",
                table: "JetonsAcces",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_RequetesIdempotentes_ExpireLe",
                table: "RequetesIdempotentes",
                column: "ExpireLe");

            migrationBuilder.CreateIndex(
                name: "IX_RequetesIdempotentes_UtilisateurId_Cle",
                table: "RequetesIdempotentes",
                columns: new[] { "UtilisateurId", "Cle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JetonsAcces");

            migrationBuilder.DropTable(
                name: "RequetesIdempotentes");

            migrationBuilder.DropColumn(
                name: "NomJeton",
                table: "JournalAudit");
        }
    }
}
