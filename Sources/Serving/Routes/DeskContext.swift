import Hummingbird
import NIOCore

/// The request context of the desk's routes: Hummingbird's basic one plus
/// the client's address, which failed logins are counted by.
package struct DeskContext: RequestContext, RemoteAddressRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let remoteAddress: SocketAddress?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address ("unknown" when the channel has none, as in tests).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
