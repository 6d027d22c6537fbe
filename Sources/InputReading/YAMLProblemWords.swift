import Foundation

/// What libyaml (through Yams) reports, said in Chinese for the officer.
/// The reader's own English stays after it, as the detail a developer
/// searches for; this table only puts a Chinese sentence in front of the
/// problems a hand-edited unit file runs into. A problem it does not know
/// gets the general sentence.
package enum YAMLProblemWords {
    /// Pattern of the reader's text (a regular expression, matched
    /// anywhere) → the Chinese sentence ($1… are the pattern's groups).
    static let sentences: [(pattern: String, chinese: String)] = [
        ("the file is empty", "文件是空的"),
        ("the field (.+) appears twice in one mapping", "字段“$1”在同一层写了两次，请删去多余的一个"),
        ("mapping values are not allowed in this context", "这里不能再有“名称: 值”：多半是某个值里含有“: ”却没有加引号，或这一行的缩进不对"),
        ("could not find expected ':'", "找不到应有的冒号“:”：字段名后须有“: ”，或上一行的引号没有闭合"),
        ("did not find expected key", "这里应是一个字段名：多半是这一行的缩进与同级字段没有对齐"),
        ("did not find expected '-' indicator", "这里应是以“- ”开头的列表项：多半是缩进没有对齐"),
        ("did not find expected ',' or '\\]'", "方括号“[ ]”中的列表没有闭合，或缺少逗号"),
        ("did not find expected ',' or '\\}'", "花括号“{ }”中的内容没有闭合，或缺少逗号"),
        ("did not find expected node content", "这里缺少一个值"),
        ("found character that cannot start any token", "这个字符不能作为值的开头（如 @ ` %）：请给这个值加上引号"),
        ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
        ("found unknown escape character", "双引号中的反斜杠“\\”后跟了无法识别的字符：请改用单引号，或写成两个反斜杠"),
        ("found a tab character", "缩进中有制表符（Tab）：请改用空格缩进"),
        ("found undefined tag handle", "值前的“!”标记无法识别：请给这个值加上引号"),
        ("block sequence entries are not allowed in this context", "这里不能有以“- ”开头的列表项：多半是缩进不对"),
        ("found unexpected document indicator", "一行开头的“---”或“...”被读作文档分隔符：请给这个值加上引号"),
        ("exceeded the maximum nesting level", "括号或缩进的层次太深，超过了允许的层数"),
        ("control characters are not allowed", "文件中有不可见的控制字符：请删去它"),
        ("invalid (leading|trailing) UTF-8 octet|incomplete UTF-8 octet sequence|invalid Unicode character", "文件中有无效的UTF-8字节：请另存为UTF-8"),
        ("found undefined alias|found duplicate anchor|while parsing an alias|while scanning an alias|while scanning an anchor",
         "“&”或“*”开头的值被读作引用：请给这个值加上引号"),
    ]

    /// The Chinese sentence for the reader's `detail`, or a general one.
    package static func chinese(_ detail: String) -> String {
        for (pattern, chinese) in sentences {
            guard let range = detail.range(of: pattern, options: .regularExpression) else { continue }
            // Only a sentence that names a group is a template (a backslash in the others is literal).
            guard chinese.contains("$") else { return chinese }
            return String(detail[range]).replacingOccurrences(of: pattern, with: chinese, options: .regularExpression)
        }
        return "文件的写法不合YAML/JSON的规则"
    }
}
