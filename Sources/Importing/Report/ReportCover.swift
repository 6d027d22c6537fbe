import Evaluation

/// The cover some provinces put before a 自评报告 (湖南·岳阳: the official-forms
/// reference §2): label lines — 部门（单位）名称, 预算编码, 评价方式, 评价机构,
/// 报告日期 — and the issuer's "岳阳市财政局（制）".
///
/// The cover is the run of such lines at the top of the report, before its
/// first heading. Its 部门（单位）名称 names the unit, a clue as strong as the
/// 部门名称 of a form; its lines are the cover, not body paragraphs nor text
/// the report has no place for. The report layout prints no cover, so each
/// line read is a note.
struct ReportCover {
    /// The unit's name, as the cover's name line gives it.
    var name: (value: String, label: String, line: TextLine)?
    /// The lines of the cover, from the top of the report.
    var used: [TextLine] = []

    /// Labels of a cover's lines ("预算编码：123"), `Label.normalise`d; the
    /// first group names the unit.
    static let nameLabels = ["部门（单位）名称", "单位（部门）名称", "部门名称", "单位名称"]
    static let otherLabels = ["部门预算编码", "预算编码", "单位编码", "评价方式", "评价类型", "评价机构", "报告日期", "评价日期", "填报日期"]

    /// The cover at the top of `lines`, if there is one: it needs a label
    /// line, and ends at the first line that is neither a label line nor the
    /// issuer's line.
    static func read(_ lines: [TextLine]) -> ReportCover {
        var cover = ReportCover()
        var sawLabel = false
        for line in lines {
            let label = Label.normalise(line.text)
            if let found = labelled(label) {
                sawLabel = true
                cover.used.append(line)
                if cover.name == nil, nameLabels.contains(found.key), !found.value.isEmpty {
                    cover.name = (found.value, found.key, line)
                }
            } else if isIssuer(label) {
                cover.used.append(line)
            } else {
                break
            }
        }
        return sawLabel ? cover : ReportCover()
    }

    /// "部门（单位）名称：某局" → ("部门（单位）名称", "某局"); the colon may be
    /// missing where a pasted row joined label and value with a space.
    static func labelled(_ label: String) -> (key: String, value: String)? {
        guard let key = (nameLabels + otherLabels).first(where: { label.hasPrefix($0) }) else { return nil }
        var value = label.dropFirst(key.count)
        if value.first == "：" { value = value.dropFirst() }
        // "部门名称是…" and the like are prose, not a cover line.
        guard value.count <= 40, !value.contains("，"), !value.contains("。") else { return nil }
        return (key, String(value).replacingOccurrences(of: "（盖章）", with: ""))
    }

    /// The issuer's line: "岳阳市财政局（制）", "某省财政厅制".
    static func isIssuer(_ label: String) -> Bool {
        label.count <= 30 && (label.hasSuffix("（制）") || label.hasSuffix("财政局制") || label.hasSuffix("财政厅制"))
    }

    /// Notes each cover line as read, and gives the name as a clue.
    func record(_ context: inout ReadingContext) {
        for line in used {
            context.note(.inferred, line.place, Message(chinese: "把“\(ReadingContext.excerpt(line.text))”读作报告的封面（报告表样不打印封面）",
                                                        english: "read \"\(ReadingContext.excerpt(line.text))\" as the report's cover (the report layout prints no cover)"))
        }
        if let name {
            context.evidence.name(name.value, rank: ClueRank.formHeader,
                                  source: Message(chinese: "报告封面的\(name.label)", english: "the report cover's \(name.label)"), at: name.line.place)
        }
    }
}
