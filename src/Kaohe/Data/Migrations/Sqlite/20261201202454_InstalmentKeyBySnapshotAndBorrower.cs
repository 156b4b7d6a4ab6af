using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaohe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstalmentKeyBySnapshotAndBorrower : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows so far were written in file order, so their place in the snapshot follows their Id.
            migrationBuilder.AddColumn<int>(
                name: "Ordinal",
                table: "Instalments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "Instalments" SET "Ordinal" = r.n FROM (SELECT "Id", row_number() OVER (PARTITION BY "SnapshotId" ORDER BY "Id") AS n FROM "Instalments") AS r WHERE "Instalments"."Id" = r."Id";
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Instalments_LedgerSnapshots_SnapshotId",
                table: "Instalments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments");

            migrationBuilder.DropIndex(
                name: "IX_Instalments_SnapshotId",
                table: "Instalments");

            migrationBuilder.DropIndex(
                name: "IX_Instalments_UnitId_BorrowerKey",
                table: "Instalments");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Instalments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments",
                columns: new[] { "SnapshotId", "BorrowerKey", "Ordinal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments");

            migrationBuilder.DropColumn(
                name: "Ordinal",
                table: "Instalments");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Instalments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Instalments_SnapshotId",
                table: "Instalments",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Instalments_UnitId_BorrowerKey",
                table: "Instalments",
                columns: new[] { "UnitId", "BorrowerKey" });

            migrationBuilder.AddForeignKey(
                name: "FK_Instalments_LedgerSnapshots_SnapshotId",
                table: "Instalments",
                column: "SnapshotId",
                principalTable: "LedgerSnapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
