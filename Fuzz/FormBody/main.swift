// Fuzzes the desk's reading of a posted form (FormBody over MultipartKit's
// parser and Hummingbird's URL-encoded decoder, within FormLimits) and the
// measuring of a pasted table (InputLimits): the input's first line is the
// Content-Type, the rest the body. Any bytes must give fields or a refusal.
import Foundation
import FuzzSupport
import NIOCore
import Serving

fuzz { data in
    let newline = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
    let contentType = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
    let body = data[min(newline + 1, data.endIndex)...]
    var limits = FormLimits(largeBytes: 1 << 15)
    limits.fieldBytes = 1 << 12
    limits.parts = 8
    if let form = try? FormBody(ByteBuffer(bytes: body), contentType: contentType, limits: limits), let text = form["text"] {
        _ = InputLimits().excess(Data(text.utf8), kind: .pasted)
    }
}
