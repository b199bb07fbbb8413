import VanThuText

/// What a document is, as the classifier decided.
public enum DocumentKind: String, Codable, Sendable, CaseIterable, JSONCodable {
    case dispatch
    case news
    case unknown
}
