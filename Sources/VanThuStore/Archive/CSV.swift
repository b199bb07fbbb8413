/// The one CSV writer of every spreadsheet-targeted export (`export --format csv`, the model-count
/// CSV, `search --csv`): UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting decided
/// on bytes (a field with a comma, a quote, CR or LF is quoted, quotes doubled; a CR LF pair is
/// two bytes, never one character that matches neither), and formula injection neutralised as
/// OWASP recommends: a field that a spreadsheet would take for a formula (it begins with
/// `= + - @`, a tab or CR, or their full-width forms) gets a leading `'` and is quoted. Plain
/// numbers (`-12`, `3.5`) are left as they are.
public enum CSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    public static let lineEnd: [UInt8] = [0x0D, 0x0A]

    /// The byte-order mark and the header row.
    public static func header(_ columns: [String]) -> [UInt8] { byteOrderMark + row(columns) }

    /// One row, CRLF at its end.
    public static func row(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(0x2C) }
            append(field, to: &out)
        }
        out += lineEnd
        return out
    }

    /// One field as it is written.
    public static func field(_ value: String) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one field, quoted when RFC 4180 asks for it or when it was neutralised.
    public static func append(_ value: String, to out: inout [UInt8]) {
        let bytes = value.utf8
        let formula = isFormula(bytes)
        let quoted = formula || bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if quoted { out.append(0x22) }
        if formula { out.append(0x27) }
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        if quoted { out.append(0x22) }
    }

    /// ASCII bytes that make a spreadsheet read a cell as a formula: `= + - @`, tab, CR.
    package static let formulaBytes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
    /// Their full-width forms (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠), which some spreadsheets fold.
    package static let fullWidthFormula: [[UInt8]] = [[0xEF, 0xBC, 0x9D], [0xEF, 0xBC, 0x8B], [0xEF, 0xBC, 0x8D], [0xEF, 0xBC, 0xA0]]

    /// Whether a spreadsheet would read the field as a formula (and it is not a plain number).
    package static func isFormula(_ bytes: String.UTF8View) -> Bool {
        guard let first = bytes.first else { return false }
        if formulaBytes.contains(first) { return !isPlainNumber(bytes) }
        if first == 0xEF { return fullWidthFormula.contains { bytes.starts(with: $0) } }
        return false
    }

    /// `-?digits(.digits)?`: a number, not a formula.
    package static func isPlainNumber(_ bytes: String.UTF8View) -> Bool {
        var digits = 0, dots = 0, index = 0
        for byte in bytes {
            defer { index += 1 }
            if index == 0 && (byte == 0x2D || byte == 0x2B) { continue }
            if byte >= 0x30 && byte <= 0x39 { digits += 1; continue }
            if byte == 0x2E && dots == 0 && digits > 0 { dots += 1; continue }
            return false
        }
        return digits > 0 && bytes.last.map { $0 >= 0x30 && $0 <= 0x39 } == true
    }
}
