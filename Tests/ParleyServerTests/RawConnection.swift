import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to a test server for what HTTP clients will not do: send half a
/// request head, trickle a body, send garbage. Blocking socket calls run on their own thread,
/// so the server's tasks keep the cooperative pool.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything the server sends until it closes the connection or `timeout` passes
    /// (`closed` says which).
    func readUntilClosed(timeout: Duration) async -> (text: String, closed: Bool) {
        let fd = fd
        return await withCheckedContinuation { continuation in
            Thread {
                var received: [UInt8] = []
                var closed = false
                let deadline = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while Date() < deadline {
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
                    guard poll(&poller, 1, left) > 0 else { continue }
                    let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if count <= 0 { closed = true; break }
                    received += buffer[0..<count]
                }
                continuation.resume(returning: (String(decoding: received, as: UTF8.self), closed))
            }.start()
        }
    }
}
