import Evaluation
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS

/// TLS in the server itself (`serve --tls-cert FILE --tls-key FILE`), over
/// Hummingbird's TLS channel and swift-nio-ssl: codes and passwords never
/// cross the bureau's network in plain text, with no proxy to set up.
package struct ServerTLS: Sendable {
    /// The certificate chain (PEM), the server's own certificate first.
    package var certificate: URL
    /// Its private key (PEM).
    package var key: URL

    package init(certificate: URL, key: URL) {
        self.certificate = certificate
        self.key = key
    }

    /// The server's TLS configuration, checked before the server starts:
    /// both files read, and the key tried with the certificate.
    func configuration() throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate.path)
        } catch {
            throw Failure.certificate(path: certificate.path, detail: "\(error)")
        }
        guard !chain.isEmpty else { throw Failure.certificate(path: certificate.path, detail: "no certificate") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key.path, format: .pem)
        } catch {
            throw Failure.key(path: key.path, detail: "\(error)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        // Making the channel makes swift-nio-ssl's context, which refuses a
        // key that is not the certificate's: said now, not at the first visit.
        do {
            _ = try TLSChannel(HTTP1Channel(responder: { _, _, _ in }), tlsConfiguration: configuration)
        } catch {
            throw Failure.mismatch(certificate: certificate.path, key: key.path, detail: "\(error)")
        }
        return configuration
    }

    package enum Failure: Error, HasMessage {
        case certificate(path: String, detail: String)
        case key(path: String, detail: String)
        case mismatch(certificate: String, key: String, detail: String)

        package var message: Message {
            switch self {
            case .certificate(let path, let detail):
                Message(chinese: "无法读取 TLS 证书 \(path)：文件不存在、不可读，或不是 PEM 格式的证书（-----BEGIN CERTIFICATE-----）。请用 --tls-cert 指定证书文件。（\(detail)）",
                        english: "The TLS certificate \(path) cannot be read: it is missing, unreadable, or not a PEM certificate (-----BEGIN CERTIFICATE-----). Give the certificate file with --tls-cert. (\(detail))")
            case .key(let path, let detail):
                Message(chinese: "无法读取 TLS 私钥 \(path)：文件不存在、不可读，或不是未加密的 PEM 私钥（-----BEGIN PRIVATE KEY-----）。请用 --tls-key 指定私钥文件。（\(detail)）",
                        english: "The TLS private key \(path) cannot be read: it is missing, unreadable, or not an unencrypted PEM key (-----BEGIN PRIVATE KEY-----). Give the key file with --tls-key. (\(detail))")
            case .mismatch(let certificate, let key, let detail):
                Message(chinese: "TLS 私钥 \(key) 与证书 \(certificate) 不配套，服务没有启动。请指定签发该证书时所用的私钥。（\(detail)）",
                        english: "The TLS key \(key) does not belong to the certificate \(certificate); the server did not start. Give the key the certificate was made for. (\(detail))")
            }
        }
    }
}
