import Evaluation
import Foundation
import InputReading
import Layout
import Review
import Support

/// The scoring profiles available to a run: the built-in `Scoring/` folder,
/// and profile files named on the command line.
///
/// A unit is scored by the profile its project layout names (`scoring:
/// national` in `project-national.yaml`, so a form printed in it is scored
/// and checked as the national form), else by a profile added to the run
/// that lists the layout in its `layouts:`, else by `national`.
///
/// Built-in profiles are named by their file (`national.yaml` is
/// `national`) and parsed when first used, so a run parses only the
/// profile it needs.
package struct ScoringCatalog: Sendable {
    private var loaded: [String: ScoringProfile] = [:]
    private var builtIn: [String: URL] = [:]
    package static let defaultProfile = "national"

    package init(profiles: [ScoringProfile] = []) {
        for profile in profiles { loaded[profile.id] = profile }
    }

    /// The built-in profiles of this installation (`FORMPRINT_SCORING`
    /// overrides where they are found).
    package static func standard() throws -> ScoringCatalog {
        guard let folder = ResourceLocator.locate("Scoring", containing: "national.yaml", environment: "FORMPRINT_SCORING") else {
            throw FormPrintError.resourcesMissing(.scoring)
        }
        var catalog = ScoringCatalog()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FormPrintError.resourcesMissing(.unlistable(folder: folder.path, reason: SystemReason.message(of: error)))
        }
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            catalog.builtIn[String(name.prefix { $0 != "." })] = folder.appendingPathComponent(name)
        }
        return catalog
    }

    package mutating func add(_ profile: ScoringProfile) {
        loaded[profile.id] = profile
        builtIn[profile.id] = nil
    }

    /// Every profile id available.
    package var ids: [String] { Set(loaded.keys).union(builtIn.keys).sorted() }

    /// The profile with `id`, parsing a built-in one on first use.
    package func profile(id: String) throws -> ScoringProfile? {
        if let profile = loaded[id] { return profile }
        guard let file = builtIn[id] else { return nil }
        return try ProfileCache.profile(file)
    }

    /// The profile that scores a form printed in `layout`: the one the
    /// layout names (an unknown name is an error), else a profile added to
    /// the run that lists it; nil when none does — the form's scores are
    /// then only what the unit entered.
    package func profile(for layout: LayoutSpec) throws -> ScoringProfile? {
        try profile(named: layout.scoring, layout: layout.id)
    }

    private func profile(named name: String?, layout: String) throws -> ScoringProfile? {
        if let name {
            guard let profile = try profile(id: name) else { throw ScoringChoiceError(choice: name, available: ids) }
            return profile
        }
        return loaded.values.sorted(by: { $0.id < $1.id }).first { $0.layouts.contains(layout) }
    }

    /// The profile `choice` names — an id, or a path to a profile file — or,
    /// without a choice, the one `projectLayout` names (`named`, its
    /// `scoring:`), else `national`.
    package func profile(_ choice: String?, projectLayout: String, named: String?) throws -> ScoringProfile {
        guard let choice else {
            if let profile = try profile(named: named, layout: projectLayout) { return profile }
            guard let profile = try profile(id: Self.defaultProfile) else {
                throw ScoringChoiceError(choice: Self.defaultProfile, available: ids)
            }
            return profile
        }
        if let profile = try profile(id: choice) { return profile }
        if choice.hasSuffix(".yaml") || choice.hasSuffix(".yml") || choice.contains("/") {
            return try ScoringProfileReader.read(contentsOf: URL(fileURLWithPath: choice))
        }
        throw ScoringChoiceError(choice: choice, available: ids)
    }
}

/// Built-in profiles parsed so far in this process, by file: the checker,
/// the renderer and every worker of a batch share them, and a file edited
/// during a run does not change the profile halfway through it.
enum ProfileCache {
    private static let profiles = Locked<[String: ScoringProfile]>([:])

    static func profile(_ file: URL) throws -> ScoringProfile {
        try profiles.withLock { profiles in
            if let profile = profiles[file.path] { return profile }
            let profile = try ScoringProfileReader.read(contentsOf: file)
            profiles[file.path] = profile
            return profile
        }
    }
}

/// `--scoring` named a profile that does not exist.
package struct ScoringChoiceError: Error, Sendable, HasMessage {
    package var choice: String
    package var available: [String]

    package var message: Message {
        .error(at: nil, chinese: "没有评分规则“\(choice)”；可用的有：\(available.joined(separator: "、"))，或给出评分规则文件的路径（见 docs/VALIDATION.md）",
               english: "no scoring profile '\(choice)'; available: \(available.joined(separator: ", ")), or a path to a profile file (docs/VALIDATION.md)")
    }
}
