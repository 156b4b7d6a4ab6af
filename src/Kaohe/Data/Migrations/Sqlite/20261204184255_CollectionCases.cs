using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kaohe.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollectionCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectionCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    BorrowerKey = table.Column<long>(type: "INTEGER", nullable: false),
                    BorrowerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContractNumbers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBySnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    OverduePrincipalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueInterestFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OldestUnpaidDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedBySnapshotId = table.Column<int>(type: "INTEGER", nullable: true),
                    CloseReason = table.Column<int>(type: "INTEGER", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreviousCaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextAction = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PromisedFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PromisedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectsId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRecords_CollectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CollectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactRecords_ContactRecords_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromiseOutcomes",
                columns: table => new
                {
                    ContactRecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kept = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaidSinceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseOutcomes", x => x.ContactRecordId);
                    table.ForeignKey(
                        name: "FK_PromiseOutcomes_ContactRecords_ContactRecordId",
                        column: x => x.ContactRecordId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionCases_UnitId_BorrowerKey",
                table: "CollectionCases",
                columns: new[] { "UnitId", "BorrowerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionCases_UnitId_ClosedOn",
                table: "CollectionCases",
                columns: new[] { "UnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_CaseId",
                table: "ContactRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_CorrectsId",
                table: "ContactRecords",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_UnitId_ContactedAtUtc",
                table: "ContactRecords",
                columns: new[] { "UnitId", "ContactedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PromiseOutcomes_CaseId",
                table: "PromiseOutcomes",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PromiseOutcomes");

            migrationBuilder.DropTable(
                name: "ContactRecords");

            migrationBuilder.DropTable(
                name: "CollectionCases");
        }
    }
}
