import Batch
import Foundation
import GRDB

/// Submissions, their rendered files, the roster and the audit log, over
/// the database. Files are written (atomically, by `FileStore`) before the
/// row that names them is committed, so a row never names a missing file.
package struct SubmissionStore: Sendable {
    package let database: DeskDatabase

    package init(database: DeskDatabase) { self.database = database }

    /// Commits a submission, its files and its audit line in one transaction;
    /// returns the submission's id.
    package func insert(_ submission: SubmissionRecord, files: [RenderedFileRecord], actor: String) throws -> Int64 {
        try database.pool.write { db in
            var row = submission
            try row.insert(db)
            let id = db.lastInsertedRowID
            for var file in files {
                file.submission = id
                try file.insert(db)
            }
            // A unit's submission after the bureau returned its last one says so.
            let previousReturned = try Bool.fetchOne(db, sql: """
                SELECT returnedAt IS NOT NULL FROM submission WHERE id = (SELECT MAX(id) FROM submission
                    WHERE id < ? AND official = 1 AND COALESCE(owner, unitName, '（未识别的单位）') = ?)
                """, arguments: [id, row.filedUnder]) ?? false
            let resubmitted = row.official && previousReturned
            try Self.audit(db, actor: actor, action: !row.official ? "submit-bureau-copy" : resubmitted ? "resubmit" : "submit",
                           detail: "#\(id) \(row.unitName ?? "?") \(row.inputName) sha256:\(row.inputHash.prefix(12)) errors:\(row.errors) warnings:\(row.warnings)")
            return id
        }
    }

    /// Returns submission `id` to its unit for revision with `comment`:
    /// only the submission that stands as its unit's (the latest official
    /// one), and only once. Returns false when it is not that one.
    package func returnForRevision(_ id: Int64, comment: String, actor: String) throws -> Bool {
        try database.pool.write { db in
            guard let row = try SubmissionRecord.fetchOne(db, key: id), row.official, row.returnedAt == nil,
                  try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM submission WHERE official = 1 AND COALESCE(owner, unitName, '（未识别的单位）') = ?",
                                     arguments: [row.filedUnder]) == id else { return false }
            try db.execute(sql: "UPDATE submission SET returnedAt = ?, returnComment = ?, returnedBy = ? WHERE id = ?",
                           arguments: [Date().timeIntervalSince1970, comment, actor, id])
            try Self.audit(db, actor: actor, action: "return", detail: "#\(id) \(row.filedUnder)：\(comment)")
            return true
        }
    }

    /// Keeps a workbook's grid with its submission (one an older desk stored without it).
    package func keepSheets(_ sheets: [StoredSheet], of id: Int64) throws {
        let json = String(decoding: try JSONEncoder().encode(sheets), as: UTF8.self)
        try database.pool.write { db in try db.execute(sql: "UPDATE submission SET gridJSON = ? WHERE id = ?", arguments: [json, id]) }
    }

    /// A re-render: the submission's new files replace the listed ones as
    /// one commit (the old files stay on disk, named by the old generation).
    package func replaceFiles(of id: Int64, generation: Int, files: [RenderedFileRecord], summaryJSON: String?, actor: String) throws {
        try database.pool.write { db in
            for var file in files {
                file.submission = id
                file.generation = generation
                try file.insert(db)
            }
            try db.execute(sql: "UPDATE submission SET generation = ?, summaryJSON = COALESCE(?, summaryJSON) WHERE id = ?",
                           arguments: [generation, summaryJSON, id])
            try Self.audit(db, actor: actor, action: "rerender", detail: "#\(id) generation \(generation)")
        }
    }

    package func submission(_ id: Int64) throws -> SubmissionRecord? {
        try database.pool.read { db in try SubmissionRecord.fetchOne(db, key: id) }
    }

    /// The files of the submission's current rendering, in order.
    package func files(of submission: SubmissionRecord) throws -> [RenderedFileRecord] {
        guard let id = submission.id else { return [] }
        return try database.pool.read { db in
            try RenderedFileRecord.fetchAll(db, sql: "SELECT * FROM renderedFile WHERE submission = ? AND generation = ? ORDER BY position",
                                            arguments: [id, submission.generation])
        }
    }

    /// Every submission, newest first; only `owner`'s when given.
    package func submissions(owner: String? = nil, limit: Int = 500) throws -> [SubmissionRecord] {
        try database.pool.read { db in
            if let owner {
                return try SubmissionRecord.fetchAll(db, sql: "SELECT * FROM submission WHERE owner = ? ORDER BY id DESC LIMIT ?",
                                                     arguments: [owner, limit])
            }
            return try SubmissionRecord.fetchAll(db, sql: "SELECT * FROM submission ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }

    /// The history of one unit (as the bureau files it), newest first.
    package func history(of unit: String) throws -> [SubmissionRecord] {
        try database.pool.read { db in
            try SubmissionRecord.fetchAll(db, sql: """
                SELECT * FROM submission WHERE COALESCE(owner, unitName, '（未识别的单位）') = ? ORDER BY id DESC
                """, arguments: [unit])
        }
    }

    /// The latest submission of every unit that submitted: the one that
    /// stands as the unit's (an administrator's upload that was not made
    /// the unit's official submission replaces nothing).
    package func latestByUnit() throws -> [String: SubmissionRecord] {
        try latest(official: true)
    }

    /// The bureau's latest upload for each unit that does not stand as the
    /// unit's submission, for the table to show beside it.
    package func latestBureauCopies() throws -> [String: SubmissionRecord] {
        try latest(official: false)
    }

    private func latest(official: Bool) throws -> [String: SubmissionRecord] {
        let rows = try database.pool.read { db in
            try SubmissionRecord.fetchAll(db, sql: """
                SELECT * FROM submission WHERE id IN (
                    SELECT MAX(id) FROM submission WHERE official = ? GROUP BY COALESCE(owner, unitName, '（未识别的单位）'))
                """, arguments: [official])
        }
        return Dictionary(rows.map { ($0.filedUnder, $0) }, uniquingKeysWith: { a, b in (a.id ?? 0) > (b.id ?? 0) ? a : b })
    }

    /// Every file path a committed row names: inputs and renderings.
    package func storedPaths() throws -> Set<String> {
        try database.pool.read { db in
            let inputs = try String.fetchAll(db, sql: "SELECT DISTINCT inputHash FROM submission").map { "inputs/" + $0 }
            let rendered = try String.fetchAll(db, sql: "SELECT storedPath FROM renderedFile")
            return Set(inputs + rendered)
        }
    }

    // MARK: - Roster

    package func roster() throws -> [RosterUnit] {
        try database.pool.read { db in try RosterUnit.fetchAll(db, sql: "SELECT * FROM unit WHERE onRoster = 1 ORDER BY name") }
    }

    package func rosterUnit(_ name: String) throws -> RosterUnit? {
        try database.pool.read { db in try RosterUnit.fetchOne(db, key: name) }
    }

    /// Puts `names` on the roster (keeping codes already issued); units no
    /// longer named leave it, their submissions kept, their sessions ended
    /// and their codes no longer logging in.
    /// `supervisors` (the roster's 主管部门 column), when the roster has
    /// one, replaces every unit's; a roster without it leaves them as they were.
    package func setRoster(_ names: [String], supervisors: [String: String]? = nil, actor: String) throws {
        try database.pool.write { db in
            let leaving = Set(try String.fetchAll(db, sql: "SELECT name FROM unit WHERE onRoster = 1")).subtracting(names)
            for name in leaving.sorted() {
                try Sessions.end(db, .unit, name)
                try Self.audit(db, actor: actor, action: "remove-from-roster", detail: name)
            }
            try db.execute(sql: "UPDATE unit SET onRoster = 0")
            for name in names {
                try db.execute(sql: "INSERT INTO unit (name, onRoster) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET onRoster = 1",
                               arguments: [name])
                if let supervisors {
                    try db.execute(sql: "UPDATE unit SET supervisor = ? WHERE name = ?", arguments: [supervisors[name], name])
                }
            }
            try Self.audit(db, actor: actor, action: "roster", detail: "\(names.count) units")
        }
    }

    /// Takes `unit` off the roster: its sessions end and its code no longer
    /// logs in; its submissions are kept.
    package func removeFromRoster(_ unit: String, actor: String) throws {
        try database.pool.write { db in
            try db.execute(sql: "UPDATE unit SET onRoster = 0 WHERE name = ?", arguments: [unit])
            try Sessions.end(db, .unit, unit)
            try Self.audit(db, actor: actor, action: "remove-from-roster", detail: unit)
        }
    }

    /// A unit's (new) code: the old one stops logging in and the unit's
    /// sessions end, in one commit.
    package func setCodeHash(_ hash: String, for unit: String, actor: String) throws {
        try database.pool.write { db in
            let reissued = try String.fetchOne(db, sql: "SELECT codeHash FROM unit WHERE name = ?", arguments: [unit]) != nil
            try db.execute(sql: "INSERT INTO unit (name, codeHash, onRoster) VALUES (?, ?, 1) ON CONFLICT(name) DO UPDATE SET codeHash = excluded.codeHash",
                           arguments: [unit, hash])
            try Sessions.end(db, .unit, unit)
            try Self.audit(db, actor: actor, action: reissued ? "reissue-code" : "issue-code", detail: unit)
        }
    }

    /// Codes for many units in one commit: each unit's new hash, its
    /// sessions ended (a re-issue ends them as a single one does), one audit
    /// line for the action. With `onlyMissing`, a unit that got a code
    /// meanwhile (one at a time, from another page) keeps it and is left
    /// out. Returns the units whose code was set.
    package func setCodeHashes(_ hashes: [(unit: String, hash: String)], onlyMissing: Bool, actor: String) throws -> Set<String> {
        try database.pool.write { db in
            var set: Set<String> = []
            var reissued = 0
            for (unit, hash) in hashes {
                guard let row = try Row.fetchOne(db, sql: "SELECT codeHash, onRoster FROM unit WHERE name = ?", arguments: [unit]),
                      row["onRoster"] as Bool == true else { continue }
                let had = (row["codeHash"] as String?) != nil
                if onlyMissing && had { continue }
                try db.execute(sql: "UPDATE unit SET codeHash = ? WHERE name = ?", arguments: [hash, unit])
                try Sessions.end(db, .unit, unit)
                if had { reissued += 1 }
                set.insert(unit)
            }
            try Self.audit(db, actor: actor, action: onlyMissing ? "issue-codes" : "reissue-codes",
                           detail: "\(set.count) 个单位" + (reissued > 0 ? "（其中 \(reissued) 个重发，旧会话已结束）" : ""))
            return set
        }
    }

    // MARK: - Audit

    package func audit(actor: String, action: String, detail: String) throws {
        try database.pool.write { db in try Self.audit(db, actor: actor, action: action, detail: detail) }
    }

    static func audit(_ db: Database, actor: String, action: String, detail: String) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                       arguments: [Date().timeIntervalSince1970, actor, action, detail])
    }

    package struct AuditLine: Sendable, Codable, FetchableRecord {
        package var at: Double
        package var actor: String
        package var action: String
        package var detail: String
    }

    package func auditLog(limit: Int = 200) throws -> [AuditLine] {
        try database.pool.read { db in
            try AuditLine.fetchAll(db, sql: "SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit])
        }
    }
}
