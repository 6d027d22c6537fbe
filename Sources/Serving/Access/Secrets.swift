import FormPrint
import Foundation
import HummingbirdBcrypt

/// Random tokens and the salted hashes of passwords and access codes.
package enum Secrets {
    /// bcrypt's cost (2^10 rounds): slow enough to make guessing a code
    /// costly, fast enough for a login.
    static let cost: UInt8 = 10

    package static func hash(_ secret: String) -> String { Bcrypt.hash(secret, cost: cost) }

    package static func verify(_ secret: String, hash: String) -> Bool { Bcrypt.verify(secret, hash: hash) }

    /// 32 random bytes as hex, for session tokens and CSRF tokens.
    package static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A unit's access code: 12 digits in groups of four, easy to read out
    /// on the telephone (about 40 bits; bcrypt keeps guessing slow).
    package static func accessCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<3).map { _ in String(format: "%04d", Int.random(in: 0...9999, using: &generator)) }.joined(separator: "-")
    }

    /// Sessions are looked up by the token's SHA-256: the database never
    /// holds a token that would open a session.
    package static func lookupHash(_ token: String) -> String { ContentHash.hex(token) }
}
