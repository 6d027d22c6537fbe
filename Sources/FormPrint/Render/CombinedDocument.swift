import Evaluation
import Layout
import Rendering

/// Where each document starts in the combined PDF of a unit, as bookmarks
/// and page labels. A pure function of the documents' kinds, names, page
/// counts and own outlines, which nest below each document's bookmark.
struct CombinedDocument {
    var outline: [OutlineEntry] = []
    var pageLabels: [String] = []

    init(_ documents: [(instance: DocumentInstance, detail: String?, pages: Int, outline: [OutlineEntry])]) {
        var start = 0
        var projects: [OutlineEntry] = []
        var projectsStart = 0
        for document in documents {
            let tag: String
            // A form's own outline is one entry naming it: below the
            // document's bookmark only its groups are new.
            let own = document.outline.count == 1 && document.outline[0].page == 0 ? document.outline[0].children : document.outline
            let children = own.map { $0.shifted(by: start) }
            switch document.instance {
            case .project(let index):
                if projects.isEmpty { projectsStart = start }
                projects.append(OutlineEntry(title: document.detail ?? "项目\(index + 1)", page: start, children: children))
                tag = "项目\(index + 1)-"
            case .department:
                tag = "部门表-"
            case .report:
                tag = "报告-"
            }
            if document.instance.kind != .project {
                flushProjects(&projects, start: projectsStart)
                outline.append(OutlineEntry(title: document.instance.kind.chineseName, page: start, children: children))
            }
            pageLabels += (1...max(1, document.pages)).prefix(document.pages).map { tag + String($0) }
            start += document.pages
        }
        flushProjects(&projects, start: projectsStart)
    }

    private mutating func flushProjects(_ projects: inout [OutlineEntry], start: Int) {
        guard !projects.isEmpty else { return }
        outline.append(OutlineEntry(title: DocumentKind.project.chineseName, page: start, children: projects))
        projects = []
    }
}
