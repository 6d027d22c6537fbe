import Foundation
import Support

/// Failed logins counted per account and per client address: past the
/// limit, a login is refused (429) before bcrypt runs, until the oldest
/// failure in the window is old enough.
package final class LoginThrottle: Sendable {
    package struct Policy: Sendable {
        package var failures: Int
        package var window: Double
    }

    /// 5 failures in 15 minutes lock an account out for the rest of the window.
    package let perAccount: Policy
    /// A client address may fail more often (units behind one office NAT or
    /// proxy share it), but not without bound.
    package let perAddress: Policy
    private let failures = Locked<[String: [Double]]>([:])

    package init(perAccount: Policy = Policy(failures: 5, window: 15 * 60), perAddress: Policy = Policy(failures: 20, window: 15 * 60)) {
        self.perAccount = perAccount
        self.perAddress = perAddress
    }

    /// Seconds to wait before `account` may try again from `address`, or nil.
    package func wait(account: String, address: String, now: Double = Date().timeIntervalSince1970) -> Int? {
        failures.withLock { table in
            let waits = [(account, perAccount), ("@" + address, perAddress)].compactMap { key, policy -> Double? in
                let recent = (table[key] ?? []).filter { now - $0 < policy.window }
                guard recent.count >= policy.failures, let oldest = recent.sorted().dropLast(policy.failures - 1).last else { return nil }
                return oldest + policy.window - now
            }
            return waits.max().map { max(1, Int($0.rounded(.up))) }
        }
    }

    package func failed(account: String, address: String, now: Double = Date().timeIntervalSince1970) {
        failures.withLock { table in
            // Names an attacker makes up are forgotten once their window passes.
            if table.count > 4096 {
                let longest = max(perAccount.window, perAddress.window)
                table = table.filter { $0.value.contains { now - $0 < longest } }
            }
            table[account, default: []].append(now)
            table["@" + address, default: []].append(now)
        }
    }

    /// A successful login clears its account's failures (not its address's).
    package func succeeded(account: String) {
        failures.withLock { table in table[account] = nil }
    }
}
