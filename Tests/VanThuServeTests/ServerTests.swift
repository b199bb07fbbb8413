import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe
#if canImport(Glibc)
import Glibc
#endif

/// The real server on a loopback port: Hummingbird carries the requests to `ServeApp`.
struct ServerTests {
    final class Port: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int?
        func set(_ port: Int) { lock.lock(); value = port; lock.unlock() }
        var port: Int? { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// `fetch` on a Dispatch thread: a blocking socket call must not hold one of the few threads
    /// of the cooperative pool, which the server's own tasks need (under the full suite, other
    /// tests hold the rest of them for long stretches).
    static func fetch(port: Int, _ request: String) async throws -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: blockingFetch(port: port, request)) }
        }
    }

    /// One HTTP/1.1 request over a plain socket; the whole answer as text ("" when nothing came
    /// within ten minutes: the in-process server shares the test process's two cooperative threads
    /// with synchronous suites, such as the PostgreSQL workers', that can hold them for minutes).
    static func blockingFetch(port: Int, _ request: String) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        var timeout = timeval(tv_sec: 600, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            out += buffer[0..<count]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func servesOnLoopbackAndAnswersMalformedRequestsWith4xx() async throws {
        #expect(ServeServer.Options().host == "127.0.0.1")
        let archive = ServedArchive(folder: ServeFixture.shared.output)
        let port = Port()
        let server = Task { try await ServeServer.run(archive: archive, options: .init(host: "127.0.0.1", port: 0)) { port.set($0) } }
        defer { server.cancel() }
        var waited = 0
        while port.port == nil && waited < 1200 { try await Task.sleep(nanoseconds: 50_000_000); waited += 1 }
        let bound = try #require(port.port)
        let page = try await Self.fetch(port: bound, "GET /?q=dan+van+kheo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200"))
        #expect(page.contains("Sơn Lâm: 45 mô hình"))
        #expect(page.lowercased().contains("content-security-policy: default-src 'none'"))
        let api = try await Self.fetch(port: bound, "GET /api/search?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(api.hasPrefix("HTTP/1.1 400"))
        let post = try await Self.fetch(port: bound, "POST /api/search HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        #expect(post.hasPrefix("HTTP/1.1 405"))
        let garbage = try await Self.fetch(port: bound, "\u{1}\u{2} nonsense\r\n\r\n")
        #expect(garbage.isEmpty || garbage.hasPrefix("HTTP/1.1 4"))
        // Still serving after all that.
        let again = try await Self.fetch(port: bound, "GET /api/counts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(again.hasPrefix("HTTP/1.1 200"))
    }
}
