import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// `vanthu serve`: Hummingbird 2 carries the HTTP; `ServeApp` answers. The handlers read SQLite
/// synchronously, so they run on Dispatch's threads, never on the event loops or the
/// cooperative pool.
public enum ServeServer {
    public struct Options: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080

        public init(host: String = "127.0.0.1", port: Int = 8080) { self.host = host; self.port = port }
    }

    struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let app: ServeApp
        /// At most two handlers a core at a time: more would only share the cores and SQLite's
        /// readers; the rest wait their turn in order.
        let workers: OperationQueue = {
            let queue = OperationQueue()
            queue.maxConcurrentOperationCount = max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)
            return queue
        }()

        func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
            let served = ServeRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "")
            let app = self.app
            let answer = await withCheckedContinuation { (continuation: CheckedContinuation<ServeResponse, Never>) in
                workers.addOperation { continuation.resume(returning: app.respond(to: served)) }
            }
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
            }
            return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    /// Serves the archive until the process is stopped (SIGINT or SIGTERM end it gracefully).
    /// `onRunning` gets the port bound (useful with port 0).
    public static func run(archive: ServedArchive, options: Options, onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var logger = Logger(label: "vanthu-serve")
        logger.logLevel = .warning
        let app = Application(
            responder: Responder(app: ServeApp(archive: archive, cache: true)),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "vanthu"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger
        )
        // The archive-wide tables are built in the background, so the first page is quick.
        DispatchQueue.global().async { _ = try? archive.currentDigest() }
        try await app.runService()
    }
}
