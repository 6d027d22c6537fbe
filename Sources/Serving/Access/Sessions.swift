import Foundation
import GRDB

/// Who a request comes from, by its session cookie.
package struct Session: Sendable, Equatable {
    package enum Role: String, Sendable {
        /// Loopback: nobody logs in, the session only carries the CSRF token.
        case local
        /// The bureau's administrator.
        case admin
        /// One unit, by its access code: sees and submits only its own.
        case unit
    }

    package var role: Role
    /// The administrator's or the unit's name.
    package var principal: String?
    package var csrf: String

    /// Who the audit log names.
    package var actor: String {
        switch role {
        case .local: "本机"
        case .admin: "admin:" + (principal ?? "")
        case .unit: "unit:" + (principal ?? "")
        }
    }

    /// Whether this session may see everything (the bureau's views).
    package var isBureau: Bool { role != .unit }
}

/// Sessions, administrators and unit logins, in the database.
package struct Sessions: Sendable {
    package let database: DeskDatabase

    package init(database: DeskDatabase) { self.database = database }

    var store: SubmissionStore { SubmissionStore(database: database) }

    /// Forgets sessions past their lifetime (at start).
    package func removeExpired() throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE createdAt < ?", arguments: [Date().timeIntervalSince1970 - Self.lifetime])
        }
    }

    /// A new session; returns the token for the cookie.
    package func open(_ role: Session.Role, principal: String?) throws -> (token: String, session: Session) {
        let token = Secrets.token()
        let session = Session(role: role, principal: principal, csrf: Secrets.token())
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO session (tokenHash, role, principal, csrf, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Secrets.lookupHash(token), role.rawValue, principal, session.csrf, Date().timeIntervalSince1970])
        }
        return (token, session)
    }

    /// Sessions last twelve hours: a working day.
    static let lifetime: Double = 12 * 3600

    /// The session of `token`; a unit's only while the unit is on the
    /// roster (re-issuing its code or removing it also deletes the row).
    package func find(_ token: String) throws -> Session? {
        guard token.count == 64 else { return nil }
        return try database.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role, principal, csrf, createdAt FROM session WHERE tokenHash = ?",
                                             arguments: [Secrets.lookupHash(token)]),
                  let role = Session.Role(rawValue: row["role"]),
                  Date().timeIntervalSince1970 - (row["createdAt"] as Double) < Self.lifetime else { return nil }
            if role == .unit {
                let onRoster = try Bool.fetchOne(db, sql: "SELECT onRoster FROM unit WHERE name = ? AND codeHash IS NOT NULL",
                                                 arguments: [row["principal"] as String?])
                guard onRoster == true else { return nil }
            }
            return Session(role: role, principal: row["principal"], csrf: row["csrf"])
        }
    }

    /// Ends every session of the administrator or unit `name`.
    static func end(_ db: Database, _ role: Session.Role, _ name: String) throws {
        try db.execute(sql: "DELETE FROM session WHERE role = ? AND principal = ?", arguments: [role.rawValue, name])
    }

    package func close(_ token: String) throws {
        try database.pool.write { db in try db.execute(sql: "DELETE FROM session WHERE tokenHash = ?", arguments: [Secrets.lookupHash(token)]) }
    }

    // MARK: - Accounts

    /// Creates or replaces the administrator `name` (`formprint serve
    /// admin`); a new password ends that administrator's sessions.
    package func setAdministrator(_ name: String, password: String) throws {
        let hash = Secrets.hash(password)
        try database.pool.write { db in
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM administrator WHERE name = ?", arguments: [name]) == true
            try db.execute(sql: "INSERT INTO administrator (name, passwordHash) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET passwordHash = excluded.passwordHash",
                           arguments: [name, hash])
            try Self.end(db, .admin, name)
            try SubmissionStore.audit(db, actor: "command line", action: existed ? "admin-password-reset" : "admin", detail: name)
        }
    }

    package func hasAdministrator() throws -> Bool {
        try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM administrator") ?? 0 } > 0
    }

    /// The stored hash a login is checked against: the administrator's
    /// password, or the code of a unit on the roster (nil otherwise).
    package func secretHash(_ role: Session.Role, name: String) throws -> String? {
        try database.pool.read { db in
            switch role {
            case .admin: try String.fetchOne(db, sql: "SELECT passwordHash FROM administrator WHERE name = ?", arguments: [name])
            case .unit: try String.fetchOne(db, sql: "SELECT codeHash FROM unit WHERE name = ? AND onRoster = 1", arguments: [name])
            case .local: nil
            }
        }
    }
}
