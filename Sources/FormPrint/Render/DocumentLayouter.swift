import Evaluation
import Foundation
import Layout
import Rendering

/// One document's pages and metadata, before drawing.
package struct LaidOutDocument {
    package var instance: DocumentInstance
    package var detail: String?
    package var layoutID: String
    package var pages: [Page]
    package var metadata: DocumentMetadata
    package var baseName: String
    /// Things the reader should know that did not stop the document.
    package var warnings: [String] = []
}

/// Unit + plan + scorecard → pages: bind, measure, paginate, compose,
/// for every document of a unit. Draws nothing and writes nothing (that is
/// `DocumentWriter`). One per thread: it measures with one typesetter.
package struct DocumentLayouter {
    let catalog: LayoutCatalog
    let typesetter: Typesetter

    /// Every document of the plan, laid out, named apart (two projects
    /// with one name), and marked 「草稿」 when `draft`.
    package func layOut(_ document: UnitDocument, _ computed: ComputedValues, plan: UnitPlan, draft: Bool) throws -> [LaidOutDocument] {
        var laidOut = try plan.documents.map { try layOut(document, computed, $0, plan: plan) }
        if draft {
            for index in laidOut.indices { laidOut[index].pages = try DraftMark.marked(laidOut[index].pages, measurer: typesetter) }
        }
        let (names, warnings) = Self.distinctBaseNames(laidOut)
        for index in laidOut.indices {
            laidOut[index].baseName = names[index]
            laidOut[index].warnings = warnings[index]
        }
        return laidOut
    }

    /// One document of the plan; `computed` holds the scores the unit left empty.
    package func layOut(_ document: UnitDocument, _ computed: ComputedValues, _ planned: UnitPlan.Document,
                        plan: UnitPlan) throws -> LaidOutDocument {
        let unit = document.unit
        let instance = planned.instance, layout = planned.layout
        let detail: String? = if case .project(let index) = instance { unit.projects[index].name } else { nil }
        var pages: [Page]
        do {
            pages = try paginate(unit, computed, instance, layout, plan: plan)
        } catch let failure as LayoutFailure {
            throw located(failure, document, kind: instance.kind, detail: detail)
        }
        let metadata = DocumentMetadata(
            title: [instance.kind.chineseName, detail ?? unit.name].joined(separator: " — "), author: unit.name,
            subject: "\(unit.year)年度预算绩效自评 · \(instance.kind.chineseName)",
            keywords: ["预算绩效自评", String(unit.year), unit.name, instance.kind.chineseName].joined(separator: ", "))
        // A form's outline entry names the form as its file's title does
        // (the printed title alone would not say which project).
        if case .table = layout.body, let first = pages.first?.bookmarks.firstIndex(where: { $0.level == 1 }) {
            pages[0].bookmarks[first].title = metadata.title
        }
        return LaidOutDocument(instance: instance, detail: detail, layoutID: layout.id, pages: pages, metadata: metadata,
                               baseName: FileNaming.documentBaseName(year: unit.year, document: instance.kind.chineseName, detail: detail))
    }

    /// One document of the unit with the layouts `requested`, printing
    /// `lines` only: a plan made here, for the page-dump tests.
    package func layOut(_ document: UnitDocument, _ computed: ComputedValues, _ instance: DocumentInstance,
                        layouts requested: [DocumentKind: String], lines: Set<String> = []) throws -> LaidOutDocument {
        var plan = try catalog.plan(for: document, options: RenderOptions(layouts: requested))
        plan.lines = lines
        guard let planned = plan.documents.first(where: { $0.instance == instance }) else {
            preconditionFailure("the unit has no \(instance.kind.chineseName) \(instance)")
        }
        return try layOut(document, computed, planned, plan: plan)
    }

    /// The layout phases, from model to positioned pages: Layout's one
    /// pipeline, handed the plan's layouts (a report's attached forms print
    /// in their kind's) and lines.
    func paginate(_ unit: UnitEvaluation, _ computed: ComputedValues, _ instance: DocumentInstance, _ layout: LayoutSpec,
                  plan: UnitPlan) throws -> [Page] {
        try DocumentPipeline.pages(unit, instance, onto: layout, attachedLayouts: plan.layouts, computed: computed, lines: plan.lines,
                                   measurer: typesetter)
    }

    /// Two projects with the same name would write the same file: the
    /// second gets `_2`, the third `_3`, in the order of the unit file.
    static func distinctBaseNames(_ documents: [LaidOutDocument]) -> (names: [String], warnings: [[String]]) {
        var taken = Set(documents.map { FileNaming.collisionKey($0.baseName) })
        var seen: Set<String> = []
        var names: [String] = []
        var warnings: [[String]] = Array(repeating: [], count: documents.count)
        for (index, document) in documents.enumerated() {
            var name = document.baseName
            if !seen.insert(FileNaming.collisionKey(name)).inserted {
                var number = 2
                while taken.contains(FileNaming.collisionKey("\(document.baseName)_\(number)")) { number += 1 }
                name = "\(document.baseName)_\(number)"
                warnings[index].append(Message(chinese: "两份文档都会命名为“\(document.baseName)”；这一份写为“\(name)”",
                                               english: "two documents would be named '\(document.baseName)'; this one is written as '\(name)'").text)
            }
            taken.insert(FileNaming.collisionKey(name))
            names.append(name)
        }
        return (names, warnings)
    }

    /// A layout failure with the unit file's line and column of the text.
    func located(_ failure: LayoutFailure, _ document: UnitDocument, kind: DocumentKind, detail: String?) -> FormPrintError {
        var place = document.source.file
        if let path = failure.fieldPath, let location = document.source.location(of: path) {
            place = location.description
        }
        let name = kind.chineseName + (detail.map { "（\($0)）" } ?? "")
        return .layoutFailed(document: name, file: place, reason: failure.message)
    }
}
