import Foundation

/// The grade of a 总分 (财预〔2020〕10号): 90（含）–100 优, 80（含）–90 良,
/// 60（含）–80 中, below 60 差. Only for a total written as a number (an
/// optional trailing 分); anything else has no grade.
enum ScoreGrade {
    static func grade(forTotal text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("分") { trimmed.removeLast() }
        guard let score = Double(trimmed), score >= 0, score <= 100 else { return nil }
        switch score {
        case 90...: return "优"
        case 80..<90: return "良"
        case 60..<80: return "中"
        default: return "差"
        }
    }
}
