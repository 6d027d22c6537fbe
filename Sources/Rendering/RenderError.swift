import Evaluation

/// Failures of the rendering back end: missing fonts, a cairo, qpdf or OFD
/// error. `message` is the type's catalogue, in Chinese and English; the
/// detail is the C library's own report (a cairo status, qpdf's text),
/// which names the failing call and is not translated: the Chinese
/// sentence says what happened and what to do, the detail follows it.
package enum RenderError: Error, Sendable, Equatable, HasMessage {
    case fontsMissing(String)
    /// cairo, Pango or fontconfig failed: setting up the fonts, or drawing
    /// a file of `CairoFailure.format`.
    case cairo(CairoFailure)
    /// qpdf could not read a document's PDF or write the combined one.
    case assembly(String)
    /// hb-subset or the ZIP writer failed on an OFD file.
    case ofd(String)

    package var message: Message {
        switch self {
        case .fontsMissing(let places):
            .error(at: nil, chinese: "找不到随附字体（查找了：\(places)）；请把 FORMPRINT_FONTS 设为FormPrint的Fonts/文件夹",
                   english: "the bundled fonts were not found (looked in: \(places)); set FORMPRINT_FONTS to the Fonts/ folder of FormPrint")
        case .cairo(let failure):
            if let format = failure.format?.rawValue {
                .error(at: nil, chinese: "无法写出\(format)：绘图库（cairo/Pango）报告了错误；请确认输出文件夹可写、磁盘有空间后重试，仍失败请把这条信息报告给维护者（原文：\(failure.detail)）",
                       english: "the \(format) could not be written: \(failure.detail); check that the output folder is writable and the disk has room, then try again, and report this message if it persists")
            } else {
                .error(at: nil, chinese: "无法准备排版用的字体：字体库（fontconfig/Pango）报告了错误；请确认FormPrint的Fonts/文件夹完整、内存充足后重试，仍失败请把这条信息报告给维护者（原文：\(failure.detail)）",
                       english: "the fonts could not be set up for typesetting: \(failure.detail); check that FormPrint's Fonts/ folder is complete and memory is available, then try again, and report this message if it persists")
            }
        case .ofd(let detail):
            .error(at: nil, chinese: "OFD文件写入失败：字体子集或打包出错；PDF不受影响，去掉 --format ofd 即可跳过（原文：\(detail)）",
                   english: "the OFD file could not be written: \(detail); the PDF is unaffected, leave out --format ofd to skip it")
        case .assembly(let detail):
            .error(at: nil, chinese: "合并PDF失败：PDF合并库（qpdf）报告了错误；各文档自己的PDF不受影响，不加 --combined（批量：--no-combined）即可跳过（原文：\(detail)）",
                   english: "the combined PDF could not be assembled: \(detail); the documents' own PDFs are unaffected, render without --combined (batch: --no-combined) to skip it")
        }
    }
}
