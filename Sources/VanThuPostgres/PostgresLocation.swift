import Foundation

/// Where a PostgreSQL store is: `postgres://user@host:port/database` (or `postgresql://`). The
/// password is taken, in this order, from the URL (discouraged: it shows in `ps`), from the
/// environment's `PGPASSWORD`, or from `~/.pgpass` (`PGPASSFILE`), as libpq does. It is never
/// part of `redacted`, which is all that run.json, the logs and the messages show.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// Not printed: see `description`.
    public var password: String?

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notAPostgresURL(String)
        case missing(part: String, url: String)

        public var description: String {
            switch self {
            case .notAPostgresURL(let text):
                return "\(text) is not a PostgreSQL URL: expected postgres://USER@HOST[:PORT]/DATABASE (password from PGPASSWORD or ~/.pgpass)"
            case .missing(let part, let url): return "\(url): the URL names no \(part)"
            }
        }
    }

    /// Whether a `--store` value or pipeline.json's store URL names PostgreSQL.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `url`; the password comes from the URL, then `environment["PGPASSWORD"]`, then the
    /// password file (`PGPASSFILE`, else `~/.pgpass`).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else { throw .notAPostgresURL(Self.redact(text)) }
        guard let host = components.host, !host.isEmpty else { throw .missing(part: "host", url: Self.redact(text)) }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding ?? path
        if database.isEmpty { database = user }
        if let inURL = components.password {
            password = inURL.removingPercentEncoding
        } else if let fromEnvironment = environment["PGPASSWORD"], !fromEnvironment.isEmpty {
            password = fromEnvironment
        } else {
            let file = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
            password = Self.passwordFile(file, host: host, port: port, database: database, user: user)
        }
    }

    /// `postgres://user@host:port/database`: never the password.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }
    public var description: String { redacted }

    /// The text with any password in its URL replaced by `***` (for a message about a bad URL).
    public static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }

    /// The password of the first matching line of a libpq password file
    /// (`hostname:port:database:username:password`, `*` matches anything, `\` escapes `:` and `\`).
    /// libpq ignores a file others can read; so does this.
    package static func passwordFile(_ path: String, host: String, port: Int, database: String, user: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], current = "", escaped = false
            for character in line {
                if escaped { current.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":" && fields.count < 4 { fields.append(current); current = "" }
                else { current.append(character) }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
