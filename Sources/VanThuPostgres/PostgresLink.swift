import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A value bound to a statement's parameter.
package enum PGValue: Sendable {
    case text(String?)
    case int(Int64?)
    case double(Double)
    case bytes([UInt8])
    case bool(Bool)
    /// A `text[]`.
    case texts([String])
    case int8s([Int64])
    case float8s([Double])
}

/// Synchronous use of postgres-nio's connections for the store, whose callers (the run's writer
/// thread, the commands) are synchronous: each call blocks its own thread, never an event loop.
/// Connections are pooled: a thread takes an idle one or opens another.
///
/// A connection that fails (the server restarted, the network dropped it) is closed, not pooled
/// again; `retrying` runs a unit of work again on a new connection, up to `attempts` times, for
/// work that is safe to repeat (the store's writes are idempotent by content id).
package final class PostgresLink: @unchecked Sendable {
    let location: PostgresLocation
    private let lock = NSLock()
    private var idle: [WatchedConnection] = []
    private var nextID = 1
    private let logger: Logger
    /// Tries of a unit of work whose connection failed, and the pause before each new try.
    package var attempts = 4
    package var pause = 0.5
    /// How long a statement may go without an answer before its connection counts as lost:
    /// `VANTHU_PG_QUERY_SECONDS`, else 300 s.
    package var queryTimeout = ProcessInfo.processInfo.environment["VANTHU_PG_QUERY_SECONDS"].flatMap(Double.init) ?? 300

    package init(_ location: PostgresLocation) {
        self.location = location
        // postgres-nio logs nothing of the password; its log is silent here all the same.
        logger = Logger(label: "vanthu.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    deinit {
        for pooled in idle { try? pooled.connection.close().wait() }
    }

    private func connect() throws -> WatchedConnection {
        let id = lock.withLock { defer { nextID += 1 }; return nextID }
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            return WatchedConnection(try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                                    configuration: configuration, id: id, logger: logger).wait())
        } catch {
            throw PostgresStoreError.unreachable(location: location.redacted, reason: Self.reason(error))
        }
    }

    /// Runs `body` on a connection of the pool. A connection whose work failed with a connection
    /// error is closed; others go back to the pool.
    package func withSession<T>(_ body: (PGSession) throws -> T) throws -> T {
        var pooled = lock.withLock { idle.popLast() }
        // A pooled connection the server ended while it was idle is dropped, not used.
        while let watched = pooled, watched.connection.isClosed {
            try? watched.connection.close().wait()
            pooled = lock.withLock { idle.popLast() }
        }
        let watched = try pooled ?? connect()
        let connection = watched.connection
        let session = PGSession(connection: connection, watch: watched.watch, logger: logger, timeout: queryTimeout,
                                location: location.redacted)
        do {
            let value = try body(session)
            lock.withLock { idle.append(watched) }
            return value
        } catch {
            if Self.isConnectionLoss(error) || connection.isClosed {
                try? connection.close().wait()
            } else {
                lock.withLock { idle.append(watched) }
            }
            throw error
        }
    }

    /// `withSession`, tried again on a new connection when the connection was lost (or the
    /// server could not be reached), and when the transaction lost a deadlock or a serialization
    /// conflict to another worker. Only for work that is safe to repeat.
    package func retrying<T>(canRetry: () -> Bool = { true }, _ body: (PGSession) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do { return try withSession(body) } catch {
                let transient = (Self.isConnectionLoss(error) || Self.isConflict(error)) && canRetry()
                guard transient, attempt < attempts else {
                    if Self.isConnectionLoss(error) {
                        throw PostgresStoreError.connectionLost(location: location.redacted, attempts: attempt, reason: Self.reason(error))
                    }
                    throw error
                }
                Thread.sleep(forTimeInterval: pause * Double(1 << (attempt - 1)))
                attempt += 1
            }
        }
    }

    /// Closes every pooled connection.
    package func close() {
        let connections = lock.withLock { defer { idle = [] }; return idle }
        for pooled in connections { try? pooled.connection.close().wait() }
    }

    /// The connection is gone (or never came): the server went away, the network dropped it, or
    /// the server ended the session (SQLSTATE class 08, 57P01–57P03).
    package static func isConnectionLoss(_ error: any Error) -> Bool {
        if case PostgresStoreError.unreachable = error { return true }
        if case PostgresStoreError.connectionLost = error { return true }
        guard let error = error as? PSQLError else { return error is IOError || error is ChannelError }
        switch error.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown, .clientClosedConnection: return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default: return false
        }
    }

    /// A deadlock or serialization failure: the transaction can be run again.
    package static func isConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server else { return false }
        return ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// The server's message and SQLSTATE, or the connection's problem (postgres-nio's own
    /// description hides them).
    package static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresStoreError { return error.description }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

/// A connection with the one watcher of its close (`PGSession.wait` says why it is watched).
struct WatchedConnection: Sendable {
    let connection: PostgresConnection
    let watch: CloseWatch

    init(_ connection: PostgresConnection) {
        self.connection = connection
        let watch = CloseWatch()
        connection.closeFuture.whenComplete { _ in watch.closed() }
        self.watch = watch
    }
}

/// Wakes the statement waiting on a connection when the connection closes. One per connection,
/// registered once: a callback on `closeFuture` for each statement would stay (with the answer
/// it captured, rows and all) until the connection closed, and a long-lived connection would
/// keep every answer it ever gave.
final class CloseWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var isClosed = false
    private weak var waiter: (any Waking)?

    /// `waiter` is woken if the connection closes while it waits (at once if it already has).
    func begin(_ waiter: any Waking) {
        let closed = lock.withLock { () -> Bool in
            self.waiter = waiter
            return isClosed
        }
        if closed { waiter.signal() }
    }

    func end() {
        lock.withLock { waiter = nil }
    }

    func closed() {
        let waiter = lock.withLock { () -> (any Waking)? in
            isClosed = true
            return self.waiter
        }
        waiter?.signal()
    }
}

protocol Waking: AnyObject {
    func signal()
}

/// A statement's answer, or the connection's close, whichever comes first (`PGSession.wait`).
private final class Answer<T: Sendable>: Waking, @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?
    private var woken = false

    func set(_ value: Result<T, any Error>) {
        condition.withLock { result = value; woken = true; condition.broadcast() }
    }

    func signal() {
        condition.withLock { woken = true; condition.broadcast() }
    }

    /// The answer; nil when the connection closed without one, or none came in `timeout` seconds.
    func wait(timeout: Double) -> Result<T, any Error>? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while !woken { if !condition.wait(until: deadline) { break } }
            return result
        }
    }
}

/// One connection, used by one thread at a time.
package struct PGSession {
    let connection: PostgresConnection
    let watch: CloseWatch
    let logger: Logger
    var timeout: Double = 300
    var location: String = ""

    /// The future's value, or a lost connection as soon as the connection is closed.
    ///
    /// Why the close is watched: postgres-nio sends a statement with
    /// `channel.write(HandlerTask.extendedQuery(context), promise: nil)`. While the channel is open
    /// (or closing, its handlers still in the pipeline) its state machine answers every statement,
    /// failing it when the connection ends. But once the server has ended the session (an
    /// administrator's `pg_terminate_backend`, a restart) and NIO has closed the channel, NIO
    /// removes the handlers (`BaseSocketChannel.close0`, then `closePromise.succeed`); a statement
    /// written after that reaches an empty pipeline, which fails the write's promise, and that
    /// promise is nil: the statement's own promise is never completed, and whoever waits for it
    /// waits for ever. That happens when the server ends the session between two statements of
    /// one unit of work (a transaction: BEGIN answered, the next statement written after the
    /// close). The channel's `closeFuture` completes only after the handlers have failed every
    /// statement they held, so when it has completed and the statement has no answer, the
    /// statement never reached them: the connection is lost, at once.
    ///
    /// `timeout` (300 s, `VANTHU_PG_QUERY_SECONDS`) remains for a server that vanished without
    /// closing the connection (a network cut, a machine powered off): no FIN or RST arrives, and
    /// the kernel would retransmit for about 15 minutes (`tcp_retries2`) before the socket fails.
    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let answered = Answer<T>()
        future.whenComplete { answered.set($0) }
        watch.begin(answered)
        defer { watch.end() }
        guard let result = answered.wait(timeout: timeout) else {
            let closed = connection.isClosed
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
            throw PostgresStoreError.connectionLost(location: location, attempts: 1,
                                                    reason: closed ? "the server closed the connection" : "no answer in \(Int(timeout)) s")
        }
        return try result.get()
    }

    /// PostgreSQL's text cannot hold U+0000 (a statement with one fails, SQLSTATE 22021): it is
    /// bound as a space, which separates words as it does in the SQLite index. The records keep
    /// it (they are bytes, `bytea`), so the archive is the same on both stores.
    static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: " ") : text
    }

    /// Runs `sql` with `values` bound to $1, $2 …; returns every row.
    @discardableResult
    package func query(_ sql: String, _ values: [PGValue] = []) throws -> [PostgresRow] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): binds.append(text.map(Self.storable))
            case .int(let int): binds.append(int)
            case .double(let double): binds.append(double)
            case .bytes(let bytes): binds.append(ByteBuffer(bytes: bytes))
            case .bool(let bool): binds.append(bool)
            case .texts(let texts): binds.append(texts.map(Self.storable))
            case .int8s(let ints): binds.append(ints)
            case .float8s(let doubles): binds.append(doubles)
            }
        }
        return try wait(connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)).rows
    }

    /// One statement without parameters or rows (schema changes).
    package func execute(_ sql: String) throws {
        try query(sql)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    package func transaction<T>(_ isolation: String = "READ COMMITTED", _ body: () throws -> T) throws -> T {
        try query("BEGIN ISOLATION LEVEL \(isolation)")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }
}

extension PostgresRow {
    /// The cell at `index` decoded as `T`.
    package func value<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        try makeRandomAccess()[index].decode(T.self)
    }

    /// A bytea cell's bytes.
    package func bytes(_ index: Int) throws -> [UInt8] {
        guard let buffer = try makeRandomAccess()[index].decode(ByteBuffer?.self) else { return [] }
        return Array(buffer.readableBytesView)
    }
}

/// Why the PostgreSQL store could not be used.
public enum PostgresStoreError: Error, CustomStringConvertible, Equatable {
    case unreachable(location: String, reason: String)
    case connectionLost(location: String, attempts: Int, reason: String)
    case schemaTooNew(location: String, found: Int, known: Int)
    case readOnly

    public var description: String {
        switch self {
        case .unreachable(let location, let reason): return "cannot connect to the PostgreSQL store \(location): \(reason)"
        case .connectionLost(let location, let attempts, let reason):
            return "lost the connection to the PostgreSQL store \(location) (\(attempts) tries): \(reason); "
                + "what was committed stays, and the next run redoes the rest"
        case .schemaTooNew(let location, let found, let known):
            return "the PostgreSQL store \(location) has schema version \(found), newer than this vanthu knows (\(known)): "
                + "upgrade vanthu; the store was not changed"
        case .readOnly: return "the store is open read-only"
        }
    }

    /// The connection could not be made or was lost: the run's own exit status.
    public var isConnectionProblem: Bool {
        switch self {
        case .unreachable, .connectionLost: return true
        default: return false
        }
    }
}
