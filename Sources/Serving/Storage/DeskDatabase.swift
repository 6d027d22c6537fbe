import Foundation
import GRDB

/// The desk's SQLite database (`desk.sqlite` in the data folder), opened as
/// a WAL `DatabasePool`: readers never wait for the writer, and a commit is
/// on disk before the request that made it is answered, so a `kill -9`
/// loses nothing that was accepted.
package final class DeskDatabase: Sendable {
    package let pool: DatabasePool

    package init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        // Every commit reaches the disk before it returns (WAL + FULL).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = try DatabasePool(path: folder.appendingPathComponent("desk.sqlite").path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The journal mode in force ("wal"), for the tests and `serve verify`.
    package func journalMode() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // The bureau's roster: the units expected, each with the hash of
            // the access code issued to it (none until issued).
            try db.execute(sql: """
                CREATE TABLE unit (
                    name TEXT PRIMARY KEY,
                    supervisor TEXT,
                    codeHash TEXT,
                    onRoster INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE administrator (
                    name TEXT PRIMARY KEY,
                    passwordHash TEXT NOT NULL
                );
                CREATE TABLE session (
                    tokenHash TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    principal TEXT,
                    csrf TEXT NOT NULL,
                    createdAt DOUBLE NOT NULL
                );
                -- Every submission is kept: a new upload is a new row, and
                -- an edited grid is a new row whose parent is the one edited.
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    parent INTEGER REFERENCES submission(id),
                    owner TEXT,
                    unitName TEXT,
                    supervisor TEXT,
                    year INTEGER,
                    kind TEXT NOT NULL,
                    inputName TEXT NOT NULL,
                    inputHash TEXT NOT NULL,
                    submittedAt DOUBLE NOT NULL,
                    errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    notes INTEGER NOT NULL,
                    readError TEXT,
                    findingsJSON TEXT NOT NULL,
                    summaryJSON TEXT,
                    generation INTEGER NOT NULL DEFAULT 1,
                    -- As `--lenient`: a cell that fits no field is a note.
                    lenient INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX submissionByUnit ON submission(unitName, submittedAt);
                CREATE INDEX submissionByOwner ON submission(owner, submittedAt);
                -- Every rendered file of a submission: stored under a path the
                -- desk chose, downloaded under the name FormPrint gives it.
                CREATE TABLE renderedFile (
                    submission INTEGER NOT NULL REFERENCES submission(id),
                    generation INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    downloadName TEXT NOT NULL,
                    storedPath TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    pages INTEGER NOT NULL,
                    PRIMARY KEY (submission, generation, position)
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DOUBLE NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2") { db in
            // A workbook's grid, read once when it was submitted.
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN gridJSON TEXT")
        }
        migrator.registerMigration("v3-submitted-by") { db in
            // Who handed a submission in, and whether it stands as the unit's
            // (an administrator's upload for a unit need not).
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN submittedBy TEXT")
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN official INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v4-returned") { db in
            // The bureau's return of a submission for revision, with its comment.
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN returnedAt DOUBLE")
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN returnComment TEXT")
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN returnedBy TEXT")
        }
        migrator.registerMigration("v5-shapes") { db in
            // The forms as their layouts draw them, made with the submission.
            try db.execute(sql: "ALTER TABLE submission ADD COLUMN shapeJSON TEXT")
        }
        return migrator
    }
}
