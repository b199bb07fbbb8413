/// A cleaned document with its kind and the reasons the classifier gave for it.
public struct ClassifiedDocument: Sendable {
    public var clean: CleanDocument
    public var kind: DocumentKind
    public var reasons: [String]

    /// `clean` with its kind-dependent chrome settled for `kind` (`CleanDocument.settlingChrome`):
    /// a news page loses its contact footer, a dispatch keeps its own contact lines.
    public init(clean: CleanDocument, kind: DocumentKind, reasons: [String]) {
        self.clean = clean.settlingChrome(for: kind); self.kind = kind; self.reasons = reasons
    }
}
