import Evaluation
import Foundation
import InputReading

/// A finding's field as the officer knows it on the printed form: the
/// document, the project by its name, the indicator by its position and
/// name, the column by its label (from the field registry) —
/// 项目支出绩效自评表「2024年政数局综合类项目」第2条指标「费用成本」的实际完成值 —
/// instead of `projects[0].indicators[1]…`, which stays for `--format json`
/// and `--verbose`.
enum FindingPlace {
    static func words(_ path: FieldPath, in unit: UnitEvaluation, fields: FieldRegistry) -> Message? {
        var rest = path.components[...]
        guard case .key(let first)? = rest.popFirst() else { return nil }
        switch first {
        case "projects":
            guard case .index(let index)? = rest.popFirst() else { return Message(chinese: "项目支出绩效自评表", english: "the project forms") }
            let name = unit.projects.indices.contains(index) ? unit.projects[index].name : ""
            let document = name.isEmpty
                ? Message(chinese: "第\(index + 1)张项目支出绩效自评表", english: "project form \(index + 1)")
                : Message(chinese: "项目支出绩效自评表「\(name)」", english: "the project form 「\(name)」")
            let project = unit.projects.indices.contains(index) ? unit.projects[index] : nil
            return document + within(rest, level: .project, funds: project?.funds ?? [], indicators: project?.indicators ?? [], tasks: [], fields: fields)
        case "department":
            let document = Message(chinese: "部门整体支出绩效自评表", english: "the department form")
            return document + within(rest, level: .department, funds: unit.department?.funds ?? [], indicators: unit.department?.indicators ?? [],
                                     tasks: unit.department?.tasks ?? [], fields: fields)
        case "report":
            return Message(chinese: "部门整体支出绩效自评报告", english: "the report")
                + (rest.isEmpty ? .none : field(rest, label: reportLabels[key(rest)]))
        case "signatures":
            return Message(chinese: "签字栏", english: "the signature lines") + field(rest, label: fields.declaration(key(rest), at: .signatures)?.label)
        case "year":
            return Message(chinese: "评价年度", english: "the evaluated year")
        case "unit":
            return Message(chinese: "单位名称", english: "the unit's name")
        default:
            return nil
        }
    }

    /// Report fields by key (the report is not in the field registry).
    static let reportLabels = ["title": "标题", "date": "成文日期", "signature": "署名"]

    /// The part of a document: a funds row, an indicator, a task, or a field of the form itself.
    static func within(_ rest: ArraySlice<FieldPath.Component>, level: FieldLevel, funds: [FundsRow], indicators: [IndicatorCategory],
                       tasks: [MainTask], fields: FieldRegistry) -> Message {
        var rest = rest
        guard case .key(let part)? = rest.first else { return .none }
        switch part {
        case "funds":
            rest = rest.dropFirst()
            guard case .index(let row)? = rest.popFirst() else { return Message(chinese: "的资金情况", english: ", funds") }
            let source = funds.indices.contains(row) ? funds[row].source : ""
            let words = source.isEmpty ? Message(chinese: "资金第\(row + 1)行", english: "funds row \(row + 1)")
                                       : Message(chinese: "资金「\(source)」行", english: "funds row 「\(source)」")
            return Message(chinese: "", english: ", ") + words + field(rest, label: fields.declaration(key(rest), at: .funds)?.label)
        case "tasks":
            rest = rest.dropFirst()
            guard case .index(let row)? = rest.popFirst() else { return Message(chinese: "的年度主要任务", english: ", main tasks") }
            let name = tasks.indices.contains(row) ? tasks[row].name : ""
            return Message(chinese: "年度主要任务第\(row + 1)项" + (name.isEmpty ? "" : "「\(name)」"),
                           english: ", main task \(row + 1)" + (name.isEmpty ? "" : " 「\(name)」"))
                + field(rest, label: fields.declaration(key(rest), at: .task)?.label)
        case "indicators":
            return indicator(rest.dropFirst(), indicators, fields: fields)
        default:
            return field(rest, label: fields.declaration(key(rest), at: level)?.label)
        }
    }

    /// 第N条指标「name」 — N counts the form's 三级指标 in reading order, as
    /// the officer counts the rows — or 一级/二级指标 for a category.
    static func indicator(_ rest: ArraySlice<FieldPath.Component>, _ categories: [IndicatorCategory], fields: FieldRegistry) -> Message {
        let parts = Array(rest)
        guard parts.count >= 1, case .index(let c) = parts[0], categories.indices.contains(c) else {
            return Message(chinese: "的绩效指标", english: ", indicators")
        }
        let category = categories[c]
        if parts.count < 3 {
            return Message(chinese: "一级指标「\(category.name)」", english: ", 一级指标 「\(category.name)」")
        }
        guard case .index(let s) = parts[2], category.subcategories.indices.contains(s) else { return .none }
        let subcategory = category.subcategories[s]
        guard parts.count >= 5, case .index(let i) = parts[4], subcategory.indicators.indices.contains(i) else {
            return Message(chinese: "二级指标「\(subcategory.name)」", english: ", 二级指标 「\(subcategory.name)」")
        }
        let before = categories[..<c].reduce(0) { $0 + $1.subcategories.reduce(0) { $0 + $1.indicators.count } }
            + category.subcategories[..<s].reduce(0) { $0 + $1.indicators.count }
        let position = before + i + 1
        let name = subcategory.indicators[i].name
        return Message(chinese: "第\(position)条指标" + (name.isEmpty ? "" : "「\(name)」"),
                       english: ", indicator \(position)" + (name.isEmpty ? "" : " 「\(name)」"))
            + field(parts[5...], label: fields.declaration(key(parts[5...]), at: .indicator)?.label)
    }

    /// "的实际完成值" for a labelled field; nothing for the record itself.
    static func field(_ rest: ArraySlice<FieldPath.Component>, label: String?) -> Message {
        guard !rest.isEmpty else { return .none }
        let key = key(rest)
        // A label that shows its formula (小计④=①+②+③) is named by what stands before it.
        let shown = label.map { String($0.prefix { $0 != "=" }) } ?? ""
        if shown.isEmpty {
            return key == "category" ? .none : Message(chinese: "的一项内容", english: ", a field")
        }
        return Message(chinese: "的" + shown, english: ", " + shown)
    }

    /// `goal.expected` for the components goal, expected.
    static func key(_ rest: ArraySlice<FieldPath.Component>) -> String {
        rest.compactMap { if case .key(let key) = $0 { key } else { nil } }.joined(separator: ".")
    }
}

extension Message {
    static func + (a: Message, b: Message) -> Message {
        Message(chinese: a.chinese + b.chinese, english: a.english + b.english)
    }
}
