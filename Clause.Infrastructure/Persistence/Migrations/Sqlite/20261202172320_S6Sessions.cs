using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S6Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DoubleFacteurTousRoles",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "InactiviteSessionMinutes",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.CreateTable(
                name: "SessionsConnexion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Empreinte = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Tampon = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DerniereActiviteLe = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpireLe = table.Column<long>(type: "INTEGER", nullable: false),
                    InactiviteMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Navigateur = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionsConnexion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionsConnexion_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionsConnexion_Empreinte",
                table: "SessionsConnexion",
                column: "Empreinte",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionsConnexion_UtilisateurId",
                table: "SessionsConnexion",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionsConnexion");

            migrationBuilder.DropColumn(
                name: "DoubleFacteurTousRoles",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "InactiviteSessionMinutes",
                table: "Reglages");
        }
    }
}
