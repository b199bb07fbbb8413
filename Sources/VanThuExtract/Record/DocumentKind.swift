import VanThuText

/// What a document is, as the classifier decided.
public enum DocumentKind: String, Codable, Sendable, CaseIterable, JSONWritable {
    case dispatch
    case news
    case unknown

    public func write(to writer: inout JSONWriter) { writer.string(rawValue) }
}
