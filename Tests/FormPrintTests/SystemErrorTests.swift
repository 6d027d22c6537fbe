import Foundation
import Support
import Testing

/// Issue 26, item 4: EAGAIN was retried as if a signal had interrupted the
/// call, so a read on a descriptor without data spun for ever.
@Suite("System calls retried only when a signal interrupts them")
struct SystemErrorTests {
    @Test func onlyEINTRIsAnInterruption() {
        #expect(SystemError(code: EINTR).isInterrupted)
        #expect(!SystemError(code: EAGAIN).isInterrupted)
        #expect(!SystemError(code: EIO).isInterrupted)
    }

    @Test("a read from a non-blocking pipe with no data fails with EAGAIN instead of spinning")
    func nonBlockingReadDoesNotSpin() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK) == 0)
        #expect(throws: SystemError(code: EAGAIN)) { try DescriptorIO.read(upTo: 16, from: ends[0]) }
    }
}
