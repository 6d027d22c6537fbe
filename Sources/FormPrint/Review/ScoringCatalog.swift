import Evaluation
import Foundation
import Review

/// The scoring profiles available to a run: the built-in `Scoring/` folder,
/// and profile files named on the command line.
///
/// A unit is scored by the profile that lists its project layout (so a form
/// printed in `project-national` is scored and checked as the national
/// form), else by `national`.
public struct ScoringCatalog: Sendable {
    public private(set) var profiles: [String: ScoringProfile] = [:]
    public static let defaultProfile = "national"

    public init(profiles: [ScoringProfile] = []) {
        for profile in profiles { self.profiles[profile.id] = profile }
    }

    /// The built-in profiles of this installation (`FORMPRINT_SCORING`
    /// overrides where they are found).
    public static func standard() throws -> ScoringCatalog {
        guard let folder = ResourceLocator.locate("Scoring", containing: "national.yaml", environment: "FORMPRINT_SCORING") else {
            throw FormPrintError.resourcesMissing("Scoring/ (set FORMPRINT_SCORING to FormPrint's Scoring folder)")
        }
        var catalog = ScoringCatalog()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FormPrintError.resourcesMissing("Scoring/ at \(folder.path): \((error as NSError).localizedDescription)")
        }
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            catalog.add(try ScoringProfileReader.read(contentsOf: folder.appendingPathComponent(name)))
        }
        return catalog
    }

    public mutating func add(_ profile: ScoringProfile) { profiles[profile.id] = profile }

    /// The profile `choice` names — an id, or a path to a profile file — or,
    /// without a choice, the one for `projectLayout`.
    public func profile(_ choice: String?, projectLayout: String) throws -> ScoringProfile {
        guard let choice else {
            let listing = profiles.values.sorted { $0.id < $1.id }.first { $0.layouts.contains(projectLayout) }
            guard let profile = listing ?? profiles[Self.defaultProfile] else {
                throw ScoringChoiceError(choice: Self.defaultProfile, available: profiles.keys.sorted())
            }
            return profile
        }
        if let profile = profiles[choice] { return profile }
        if choice.hasSuffix(".yaml") || choice.hasSuffix(".yml") || choice.contains("/") {
            return try ScoringProfileReader.read(contentsOf: URL(fileURLWithPath: choice))
        }
        throw ScoringChoiceError(choice: choice, available: profiles.keys.sorted())
    }
}

/// `--scoring` named a profile that does not exist.
public struct ScoringChoiceError: Error, Sendable, CustomStringConvertible {
    public var choice: String
    public var available: [String]

    public var description: String {
        "error: no scoring profile '\(choice)'; available: \(available.joined(separator: ", ")), or a path to a profile file (docs/VALIDATION.md)"
    }
}
