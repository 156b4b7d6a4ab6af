using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaohe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstalmentsBlockRangeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments");

            migrationBuilder.CreateIndex(
                name: "IX_Instalments_SnapshotId_BorrowerKey",
                table: "Instalments",
                columns: new[] { "SnapshotId", "BorrowerKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instalments_SnapshotId_BorrowerKey",
                table: "Instalments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments",
                columns: new[] { "SnapshotId", "BorrowerKey", "Ordinal" });
        }
    }
}
