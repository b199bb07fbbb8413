/// A document as Unicode text, before cleaning.
public struct DecodedDocument: Sendable {
    public var raw: RawDocument
    public var text: String
    /// The encoding the bytes were found to be in: `utf-8`, `utf-16le`, `utf-16be` …
    public var encoding: String

    public init(raw: RawDocument, text: String, encoding: String) {
        self.raw = raw; self.text = text; self.encoding = encoding
    }
}
