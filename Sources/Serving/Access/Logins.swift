import Crypto
import Foundation
import Support

/// Logging in: the login form's token (signed, nothing stored), the
/// throttle checked before any hash, bcrypt on a thread of its own (never
/// on Swift's cooperative pool, where 16 parallel guesses would stall every
/// other page), and a session row only once a login succeeds.
package final class Logins: Sendable {
    package let sessions: Sessions
    package let throttle: LoginThrottle
    /// Signs login-form tokens; new each start (a form older than the
    /// server is reloaded).
    private let key = SymmetricKey(size: .bits256)
    private let bcryptQueue = DispatchQueue(label: "formprint-bcrypt", qos: .userInitiated)
    /// How many times bcrypt ran, hashing or verifying (a refused attempt runs none).
    package let bcryptRuns = Locked(0)

    package init(sessions: Sessions, throttle: LoginThrottle = LoginThrottle()) {
        self.sessions = sessions
        self.throttle = throttle
    }

    // MARK: - The login form's token

    /// A random nonce for a cookie, and its HMAC for the form.
    package func loginToken() -> (nonce: String, token: String) {
        let nonce = Secrets.token()
        return (nonce, sign(nonce))
    }

    package func checkLoginToken(nonce: String?, token: String?) -> Bool {
        guard let nonce, nonce.count == 64, let token, !token.isEmpty else { return false }
        return Visit.same(sign(nonce), token)
    }

    private func sign(_ nonce: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - bcrypt, off the cooperative pool

    package func hash(_ secret: String) async -> String {
        await onBcryptThread { Secrets.hash(secret) }
    }

    func verify(_ secret: String, hash: String?) async -> Bool {
        await onBcryptThread {
            // A missing account costs a hash too, so timing does not tell names apart.
            Secrets.verify(secret, hash: hash ?? Self.decoy) && hash != nil
        }
    }

    private func onBcryptThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            bcryptQueue.async { [bcryptRuns] in
                bcryptRuns.withLock { $0 += 1 }
                continuation.resume(returning: work())
            }
        }
    }

    private static let decoy = Secrets.hash("decoy")

    // MARK: - Logging in

    /// Checks `secret` for the administrator or unit `name` and opens a
    /// session; refuses (429) past the throttle before bcrypt runs, and
    /// (401) a wrong secret or a unit not on the roster.
    package func logIn(_ role: Session.Role, name: String, secret: String, address: String) async throws -> (token: String, session: Session) {
        let account = role.rawValue + ":" + name
        if let wait = throttle.wait(account: account, address: address) { throw DeskText.Refusal.tooManyLogins(seconds: wait) }
        let stored = try sessions.secretHash(role, name: name)
        let given = role == .unit ? secret.filter(\.isNumber) : secret
        guard await verify(given, hash: stored) else {
            throttle.failed(account: account, address: address)
            try sessions.store.audit(actor: account, action: "login-refused", detail: address)
            throw DeskText.Refusal.wrongLogin
        }
        throttle.succeeded(account: account)
        let opened = try sessions.open(role, principal: name)
        try sessions.store.audit(actor: opened.session.actor, action: "login", detail: "")
        return opened
    }

    /// A new access code for `unit`: its hash replaces the old one and the
    /// unit's sessions end in the same commit. Returns the code, shown once.
    package func issueCode(for unit: String, actor: String) async throws -> String {
        guard try sessions.store.rosterUnit(unit)?.onRoster == true else { throw DeskText.Refusal.notFound }
        let code = Secrets.accessCode()
        try sessions.store.setCodeHash(await hash(code.filter(\.isNumber)), for: unit, actor: actor)
        return code
    }

    /// Which units a bulk issue covers.
    package enum CodeScope: String, Sendable {
        /// Every roster unit without a code.
        case missing
        /// Every roster unit: each old code stops working and its sessions end.
        case all
    }

    /// New codes for the roster's units in `scope`, hashed on every core
    /// (off the cooperative pool) and stored in one commit. Returns each
    /// unit's code — the only place it exists in plain text — by 主管部门,
    /// then by name, in counting order: the notices come off the printer
    /// in the piles they are handed out in.
    package func issueCodes(_ scope: CodeScope, actor: String) async throws -> [(unit: RosterUnit, code: String)] {
        let units = try sessions.store.roster().filter { scope == .all || $0.codeHash == nil }.sorted { a, b in
            a.supervisor != b.supervisor ? NaturalOrder.precedes(a.supervisor ?? "", b.supervisor ?? "") : NaturalOrder.precedes(a.name, b.name)
        }
        guard !units.isEmpty else { return [] }
        let codes = units.map { _ in Secrets.accessCode() }
        let hashes = await hashAll(codes.map { $0.filter(\.isNumber) })
        let set = try sessions.store.setCodeHashes(zip(units, hashes).map { (unit: $0.name, hash: $1) }, onlyMissing: scope == .missing, actor: actor)
        return zip(units, codes).filter { set.contains($0.0.name) }.map { (unit: $0, code: $1) }
    }

    /// bcrypt of each secret, spread over the cores on Dispatch's threads:
    /// 300 codes take seconds, and no other page waits for them.
    private func hashAll(_ secrets: [String]) async -> [String] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { [bcryptRuns] in
                let hashes = Locked([String](repeating: "", count: secrets.count))
                DispatchQueue.concurrentPerform(iterations: secrets.count) { index in
                    let hash = Secrets.hash(secrets[index])
                    hashes.withLock { $0[index] = hash }
                }
                bcryptRuns.withLock { $0 += secrets.count }
                continuation.resume(returning: hashes.withLock { $0 })
            }
        }
    }
}
