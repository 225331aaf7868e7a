using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S6PiecesJointes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "PieceJointeContenu",
                table: "BoiteEnvoi",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeNom",
                table: "BoiteEnvoi",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PieceJointeType",
                table: "BoiteEnvoi",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PieceJointeContenu",
                table: "BoiteEnvoi");

            migrationBuilder.DropColumn(
                name: "PieceJointeNom",
                table: "BoiteEnvoi");

            migrationBuilder.DropColumn(
                name: "PieceJointeType",
                table: "BoiteEnvoi");
        }
    }
}
