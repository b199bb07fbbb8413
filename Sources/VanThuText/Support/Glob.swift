#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path glob: `*` and `?` within one path segment, `[…]` classes, and `**` for any number of
/// segments. Paths use `/` and are relative to an input root.
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let segments: [String]
    /// Per segment: the number of segments from it to the end when none of them is `**`, else
    /// nil. Each segment but `**` takes one path segment, so such a rest of the pattern matches
    /// only a rest of the path as long, and other rests are not tried (`**/*.json` asks `fnmatch`
    /// about the last segment only, not about every one).
    private let fixedLength: [Int?]

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var lengths = [Int?](repeating: nil, count: segments.count)
        var length: Int? = 0
        for index in segments.indices.reversed() {
            length = segments[index] == "**" ? nil : length.map { $0 + 1 }
            lengths[index] = length
        }
        fixedLength = lengths
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool { matches(segments: Self.segments(of: path)) }

    /// The segments of a path as `matches(segments:)` takes them: a path tested against several
    /// globs is split once.
    public static func segments(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public func matches(segments parts: [String]) -> Bool { match(0, parts, 0) }

    /// Whether segments `p...` of the pattern match segments `s...` of the path.
    private func match(_ p: Int, _ path: [String], _ s: Int) -> Bool {
        guard p < segments.count else { return s == path.count }
        if let length = fixedLength[p], length != path.count - s { return false }
        if segments[p] == "**" {
            for candidate in s...path.count where match(p + 1, path, candidate) { return true }
            return false
        }
        guard s < path.count, fnmatch(segments[p], path[s], 0) == 0 else { return false }
        return match(p + 1, path, s + 1)
    }
}
