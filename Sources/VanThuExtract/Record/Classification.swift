/// What the classifier decided about a document, and why: the hand-off from classification to
/// extraction, kept in the record as `kind` and `kindReasons`.
public struct Classification: Sendable, Equatable {
    public var kind: DocumentKind
    /// The ids of the rules that fired, in the order they fired.
    public var reasons: [String]

    public init(kind: DocumentKind, reasons: [String] = []) {
        self.kind = kind
        self.reasons = reasons
    }

    /// For a pipeline configured without the classify stage.
    public static let unclassified = Classification(kind: .unknown)
}
