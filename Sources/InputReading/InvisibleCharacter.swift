import Evaluation

/// Characters that print as nothing but change what a value means: control
/// characters, bidirectional overrides that reorder text (and could make a
/// file name or a name on an official form read differently from what it
/// is), zero-width joiners and byte-order marks pasted in from other
/// programs. A value holding one is rejected with its code point, so that
/// what is printed is exactly what was written.
package struct InvisibleCharacter: Sendable, Equatable, HasMessage {
    package var scalar: Unicode.Scalar

    /// The first invisible character of `text`; line breaks and tabs are
    /// ordinary text in a cell.
    package static func first(in text: String) -> InvisibleCharacter? {
        for scalar in text.unicodeScalars where scalar != "\n" && scalar != "\t" && scalar != "\r" {
            // Printable ASCII and the CJK Unified Ideographs, nearly every
            // scalar of a unit file, are all assigned and visible: answered
            // without looking up the category, which was 2.8 K instructions
            // a value read (issue 25). `FastPathEquivalenceTests` checks both
            // ranges against the categories.
            if (0x20...0x7E).contains(scalar.value) || visibleIdeographs.contains(scalar.value) { continue }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                return InvisibleCharacter(scalar: scalar)
            default:
                continue
            }
        }
        return nil
    }

    /// CJK Unified Ideographs, U+4E00…U+9FFF: every one assigned (Lo).
    static let visibleIdeographs: ClosedRange<UInt32> = 0x4E00...0x9FFF

    package var codePoint: String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    package var message: Message {
        let name = [scalar.properties.name, scalar.properties.nameAlias].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let named = name.isEmpty ? "" : " (\(name))"
        switch scalar.properties.generalCategory {
        case .privateUse: return Message(chinese: "私用区字符 \(codePoint)\(named)", english: "the private-use character \(codePoint)\(named)")
        // Control characters have no name in Swift's Unicode data.
        case .control: return Message(chinese: "控制字符 \(codePoint)\(named)", english: "the control character \(codePoint)\(named)")
        default: return Message(chinese: "不可见字符 \(codePoint)\(named)", english: "the invisible character \(codePoint)\(named)")
        }
    }

    package var hint: Message {
        switch scalar.properties.generalCategory {
        case .privateUse:
            Message(chinese: "请换成本来要写的字符：私用区字符在各字体中显示不同，甚至不显示。",
                    english: "Replace it with the character meant: a private-use character is drawn differently by every font, if at all.")
        case .format where (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
            Message(chinese: "请删除：它会改变周围文字的顺序。", english: "Delete it: it reorders the text around it.")
        default:
            Message(chinese: "请删除（多半是从其他程序粘贴进来的）。", english: "Delete it (it was probably pasted in from another program).")
        }
    }
}
