import VanThuText

extension SourceFormat {
    public static let text = SourceFormat(rawValue: "text")
}

extension TextOrigin {
    /// Characters decoded from the bytes of a text file.
    public static let decoded = TextOrigin(rawValue: "decoded")
}

/// Plain text in any encoding VanThu reads (UTF-8/16/32, TCVN3, VNI, VISCII, Windows-1258): the
/// character decoder (`DecodeStage.decode`) finds the encoding or refuses the bytes. Also what
/// bytes are read as when nothing else claims them.
public struct TextReader: FormatReader {
    public var format: SourceFormat { .text }
    public var extensions: [String] { ["txt", "text", ""] }
    public var detector = EncodingDetector()

    public init() {}

    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition { .consistent }

    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let decoded = try decode(bytes)
        return FormatReading(text: decoded.text, format: format, encoding: decoded.encoding, hints: DocumentHints(textOrigin: .decoded))
    }

    /// The text of bytes in any encoding VanThu reads, and the encoding's name.
    public func decode(_ bytes: [UInt8]) throws(FormatFailure) -> (text: String, encoding: String) {
        do { return try DecodeStage.decode(bytes, detector: detector) } catch { throw FormatFailure(error.reason) }
    }
}
