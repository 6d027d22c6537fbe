import Foundation

/// A failed system call's `errno`, turned into an error once, here — cf.
/// swift-system's `Errno` — instead of `strerror(errno)` at every call.
package struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    package let code: Int32

    package init(code: Int32) { self.code = code }

    /// The error of the system call that just failed.
    package static var last: SystemError { SystemError(code: errno) }

    /// The C library's sentence for the code ("No space left on device").
    package var description: String { String(cString: strerror(code)) }

    /// A signal interrupted the call: retry it. Only EINTR — EAGAIN on a
    /// descriptor opened without blocking means "no data now", and
    /// retrying it at once would spin.
    package var isInterrupted: Bool { code == EINTR }

    /// `result` of a call that returns -1 on failure (open, fstat, fsync, …).
    @discardableResult
    package static func check(_ result: Int32) throws(SystemError) -> Int32 {
        guard result >= 0 else { throw .last }
        return result
    }
}

/// Whole-buffer reads and writes on a file descriptor, retried when a
/// signal interrupts them.
package enum DescriptorIO {
    /// Writes every byte of `data`.
    package static func writeAll(_ data: Data, to descriptor: Int32) throws(SystemError) {
        let failure: SystemError? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    let error = SystemError.last
                    if error.code == EINTR { continue }
                    return error
                }
                offset += written
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Reads until end of file or until `count` bytes have come.
    package static func read(upTo count: Int, from descriptor: Int32) throws(SystemError) -> Data {
        var data = Data(count: count)
        var filled = 0
        while filled < count {
            let got = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if got < 0 {
                let error = SystemError.last
                if error.isInterrupted { continue }
                throw error
            }
            if got == 0 { break }
            filled += got
        }
        return data.prefix(filled)
    }
}
