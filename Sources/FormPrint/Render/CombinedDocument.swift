import Evaluation
import Layout
import Rendering

/// Where each document starts in the combined PDF of a unit, as bookmarks
/// and page labels. A pure function of the documents' kinds, names and
/// page counts.
struct CombinedDocument {
    var outline: [OutlineEntry] = []
    var pageLabels: [String] = []

    init(_ documents: [(instance: DocumentInstance, detail: String?, pages: Int)]) {
        var start = 0
        var projects: [OutlineEntry] = []
        var projectsStart = 0
        for document in documents {
            let tag: String
            switch document.instance {
            case .project(let index):
                if projects.isEmpty { projectsStart = start }
                projects.append(OutlineEntry(title: document.detail ?? "项目\(index + 1)", page: start))
                tag = "项目\(index + 1)-"
            case .department:
                tag = "部门表-"
            case .report:
                tag = "报告-"
            }
            if document.instance.kind != .project {
                flushProjects(&projects, start: projectsStart)
                outline.append(OutlineEntry(title: document.instance.kind.chineseName, page: start))
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
