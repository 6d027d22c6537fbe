import Evaluation
import Foundation
import Layout

extension LayoutCatalog {
    /// The one place a unit's plan is made: each document's layout is the
    /// one `options.layouts` asks for (the command line), else the unit
    /// file's choice, else the default — resolved here, once.
    ///
    /// Throws for a layout that does not exist or is for another document,
    /// at the unit file's line when the unit file chose it.
    package func plan(for document: UnitDocument, options: RenderOptions,
                     environment: [String: String] = SourceDateEpoch.environment()) throws -> UnitPlan {
        let unit = document.unit
        var layouts: [DocumentKind: LayoutSpec] = [:]
        let documents = try UnitRenderer.documents(of: unit).map { instance in
            let layout = try resolvedLayout(instance.kind, in: document, requested: options.layouts, into: &layouts)
            return UnitPlan.Document(instance: instance, layout: layout)
        }
        // A form attached to the report prints in its kind's layout too.
        for kind in Self.attachedKinds(of: unit) {
            _ = try resolvedLayout(kind, in: document, requested: options.layouts, into: &layouts)
        }
        let projectLayoutID = Self.choice(.project, of: unit, requested: options.layouts) ?? Self.defaults[.project]!
        // A unit without projects is still checked against the profile its
        // project layout names.
        let projectLayoutScoring = try (layouts[.project] ?? spec(projectLayoutID))?.scoring
        return UnitPlan(documents: documents, layouts: layouts,
                        projectLayoutID: projectLayoutID, projectLayoutScoring: projectLayoutScoring,
                        scoringProfile: options.scoringProfile, lines: options.lines.union(unit.lines), formats: options.formats,
                        creationDate: UnitPlan.creationDate(year: unit.year, environment: environment),
                        requestedLayouts: options.layouts)
    }

    /// The layout id chosen for `kind`: the command line's, else the unit
    /// file's; nil for the default.
    static func choice(_ kind: DocumentKind, of unit: UnitEvaluation, requested: [DocumentKind: String]) -> String? {
        requested[kind] ?? unit.layouts[kind]
    }

    static func attachedKinds(of unit: UnitEvaluation) -> [DocumentKind] {
        (unit.report?.attachments ?? []).compactMap { attachment -> DocumentKind? in
            switch attachment.form {
            case .department?: .department
            case .project?: .project
            case nil: nil
            }
        }
    }

    private func resolvedLayout(_ kind: DocumentKind, in document: UnitDocument, requested: [DocumentKind: String],
                                into layouts: inout [DocumentKind: LayoutSpec]) throws -> LayoutSpec {
        if let layout = layouts[kind] { return layout }
        let layout: LayoutSpec
        do {
            layout = try self.layout(for: kind, requested: Self.choice(kind, of: document.unit, requested: requested))
        } catch let error as FormPrintError {
            // The unit file's choice is an error of the unit file: at its line.
            guard requested[kind] == nil, document.unit.layouts[kind] != nil else { throw error }
            let place = document.source.location(of: FieldPath([.key("layouts"), .key(kind.rawValue)]))?.description ?? document.source.file
            throw error.located(at: place)
        }
        layouts[kind] = layout
        return layout
    }
}
