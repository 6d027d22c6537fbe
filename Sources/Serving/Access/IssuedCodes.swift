import FormPrint
import Foundation
import Support

/// The codes of one bulk issue, held in this process's memory (never in
/// the database or a file) until the administrator who issued them has
/// downloaded each file once, or for half an hour at most. The page that
/// shows them links to the downloads by a random token; a restart forgets
/// them (the bureau then issues again: the hashes were stored, the plain
/// codes never were).
package final class IssuedCodes: Sendable {
    package enum Download: String, Sendable, CaseIterable {
        case pdf, xlsx
    }

    package struct Batch: Sendable {
        package var notices: AccessCodeNotices
        /// The session that issued them (its CSRF token, one a session):
        /// only that session downloads them, not even the same
        /// administrator logged in elsewhere.
        var session: String
        var issuedAt: Double
        var taken: Set<Download> = []
    }

    package static let lifetime: Double = 30 * 60
    private let batches = Locked<[String: Batch]>([:])

    package init() {}

    /// Holds `notices` for `session`; returns the token of their downloads.
    package func hold(_ notices: AccessCodeNotices, session: String, now: Double = Date().timeIntervalSince1970) -> String {
        let token = Secrets.token()
        batches.withLock { batches in
            batches = batches.filter { now - $0.value.issuedAt < Self.lifetime }
            batches[token] = Batch(notices: notices, session: session, issuedAt: now)
        }
        return token
    }

    /// The notices for one download by `session`, once per file: a second
    /// request for the same file, another session's, or one past the
    /// lifetime gets nil. The batch is forgotten once both files are taken.
    package func take(_ token: String, _ download: Download, session: String, now: Double = Date().timeIntervalSince1970) -> Batch? {
        batches.withLock { batches in
            // Codes past their half hour are dropped whenever the holder is touched.
            batches = batches.filter { now - $0.value.issuedAt < Self.lifetime }
            guard var batch = batches[token], !session.isEmpty, batch.session == session, now - batch.issuedAt < Self.lifetime,
                  !batch.taken.contains(download) else { return nil }
            batch.taken.insert(download)
            batches[token] = batch.taken.count == Download.allCases.count ? nil : batch
            return batch
        }
    }

    /// A download that failed on its way out may be asked for again.
    package func putBack(_ token: String, _ download: Download, _ batch: Batch) {
        batches.withLock { batches in
            var batch = batches[token] ?? batch
            batch.taken.remove(download)
            batches[token] = batch
        }
    }

    /// Forgets a batch at once ("已保存，清除").
    package func forget(_ token: String, session: String) {
        batches.withLock { batches in
            if !session.isEmpty, batches[token]?.session == session { batches[token] = nil }
        }
    }

    /// How many batches are held (for the tests).
    package var count: Int { batches.withLock { $0.count } }
}
