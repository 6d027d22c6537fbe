import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import NIOPosix

/// Serves `router` with a real Hummingbird server on a free loopback port
/// for as long as `body` runs, and hands `body` a client for it. The tests'
/// own client over NIO's HTTP/1 codec (NIO is already the server's), so
/// that the tests compile no HTTP client stack of their own (issue 26:
/// HummingbirdTesting brought AsyncHTTPClient, HTTP/2 and NIO Transport
/// Services into the test build).
func withLoopbackServer<Builder: HTTPResponderBuilder, Value>(
    _ router: Builder, _ body: (LoopbackClient) async throws -> Value
) async throws -> Value where Builder.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let (ports, portArrived) = AsyncStream.makeStream(of: Int.self)
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { channel in
                              portArrived.yield(channel.localAddress?.port ?? 0)
                              portArrived.finish()
                          })
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port != 0 else {
            group.cancelAll()
            throw LoopbackClient.Failure(description: "the server did not start on a loopback port")
        }
        defer { group.cancelAll() }
        return try await body(LoopbackClient(port: port))
    }
}

/// One request per connection to the loopback server: the response's
/// status, every header as sent (each Set-Cookie on its own) and the body.
/// Redirects are not followed and cookies are the caller's (TestBrowser).
struct LoopbackClient: Sendable {
    let port: Int
    /// Longer than any one request of the tests takes on a loaded machine.
    static let deadline = TimeAmount.seconds(300)

    struct Response {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: Data?) async throws -> Response {
        let group = MultiThreadedEventLoopGroup.singleton
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers()
            }
            .connect(host: "127.0.0.1", port: port).get()
        let promise = channel.eventLoop.makePromise(of: Response.self)
        let collector = ResponseCollector(promise: promise)
        try await channel.pipeline.addHandler(collector).get()
        let timeout = channel.eventLoop.scheduleTask(in: Self.deadline) {
            promise.fail(Failure(description: "no response to \(method) \(uri) within \(Self.deadline)"))
        }

        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method.rawValue), uri: uri)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        for field in headers { head.headers.add(name: field.name.rawName, value: field.value) }
        if let body { head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body, !body.isEmpty {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        }
        // A write the server refused part-way (it answered early and
        // closed) is not a failure: the response decides.
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        do {
            let response = try await promise.futureResult.get()
            timeout.cancel()
            try? await channel.close()
            return response
        } catch {
            timeout.cancel()
            try? await channel.close()
            throw error
        }
    }
}

/// Gathers one response; completes the promise at its end, or fails it
/// when the connection closes before the end.
private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<LoopbackClient.Response>
    private var head: HTTPResponseHead?
    private var body = Data()

    init(promise: EventLoopPromise<LoopbackClient.Response>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            var fields = HTTPFields()
            for (name, value) in head.headers {
                if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
            }
            promise.succeed(.init(status: HTTPResponse.Status(code: Int(head.status.code)), headers: fields, body: body))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(LoopbackClient.Failure(description: "the server closed the connection before the end of its response"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset after the whole response has arrived changes nothing.
        if head == nil { promise.fail(error) }
        context.close(promise: nil)
    }
}
