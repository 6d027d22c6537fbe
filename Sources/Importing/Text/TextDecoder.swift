import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes a text file whose encoding nobody wrote down. Chinese offices
/// save text in three ways: UTF-8 (WPS, modern editors), UTF-16 with a
/// byte-order mark (Excel's "Unicode text") and GB18030/GBK (Notepad and
/// Excel on a Chinese Windows). UTF-8 is tried first because valid UTF-8 is
/// almost never valid-looking GB18030 by accident; GB18030 comes last.
package enum TextDecoder {
    package enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case gb18030 = "GB18030"
    }

    package static func decode(_ data: Data, file: String) throws -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(bytes: bytes.dropFirst(3), encoding: .utf8) else {
                throw ImportError(.unknownTextEncoding, at: .file(file))
            }
            return (try checked(text, file), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(bytes: bytes.dropFirst(2), encoding: encoding) else {
                throw ImportError(.unknownTextEncoding, at: .file(file))
            }
            return (try checked(text, file), .utf16)
        }
        if let text = String(bytes: bytes, encoding: .utf8) {
            return (try checked(text, file), .utf8)
        }
        if bytes.contains(0) { throw ImportError(.binaryNotText, at: .file(file)) }
        if let text = convert(bytes, from: "GB18030") {
            return (try checked(text, file), .gb18030)
        }
        throw ImportError(.unknownTextEncoding, at: .file(file))
    }

    /// Text with NUL characters is a binary file that happened to decode.
    private static func checked(_ text: String, _ file: String) throws -> String {
        if text.unicodeScalars.contains("\u{0}") { throw ImportError(.binaryNotText, at: .file(file)) }
        return text
    }

    /// `bytes` in `charset`, converted by the C library's iconv (Foundation
    /// on Linux has no GB18030 decoder); nil if any byte sequence is invalid
    /// or the input ends inside a character.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        // GB18030 needs at most 4 bytes per character, UTF-8 at most 4 too.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let outputCount = output.count
        var produced = -1
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputCount
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0 {
                    produced = outputCount - outLeft
                }
            }
        }
        guard produced >= 0 else { return nil }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }
}
