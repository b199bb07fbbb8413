import Foundation

/// Drops the lines of site chrome that text dumps of web pages carry around the article: visitor
/// counters, login prompts, SharePoint commands and field labels, image file names, portal footers
/// with address, phone and e-mail. The rules are data; each has an id that says why a line went.
public struct ChromeFilter: Sendable {
    public struct Rule: Sendable {
        public enum Test: Sendable {
            /// The whole line equals one of these (compared search-folded).
            case exactly([String])
            /// The line starts with one of these (search-folded), then a colon, a bar, only a number,
            /// or nothing: a label with its value.
            case label([String])
            /// The line starts with one of these (search-folded), whatever follows.
            case startsWith([String])
            /// The line contains one of these (search-folded).
            case contains([String])
            /// A single file name of an image.
            case imageFileName
            /// A short line of bare ASCII words and numbers with no Vietnamese letter ("15 3 mohinh").
            case bareAsciiLabel
        }

        public var id: String
        public var test: Test
    }

    public static let rules: [Rule] = [
        Rule(id: "chrome.counter", test: .label([
            "dang online", "dang truy cap", "hom nay", "hom qua", "trong tuan", "tuan truoc", "trong thang",
            "thang truoc", "tat ca", "tong truy cap", "tong luot truy cap", "luot truy cap", "luot nguoi xem",
            "luot xem", "so luot nguoi doc", "so luot truy cap", "truy cap hien tai", "thong ke truy cap",
        ])),
        Rule(id: "chrome.sharepoint", test: .exactly([
            "skip ribbon commands", "skip to main content", "manage permissionsmanage permissions",
            "manage permissions", "attachments", "created at by", "last modified at by",
            "tieu de", "hinh anh", "hinh anh mo ta", "tom tat", "noi dung", "link thay the noi dung",
            "ngay xuat ban", "tin noi bat", "tac gia", "phan loai", "loai bai viet", "trang thai", "lich su",
            "so luot nguoi doc", "dang nhap", "dang xuat", "thong ke truy cap", "tin lien quan", "tin khac",
            "cac tin khac", "chia se", "in bai viet", "gui email", "ve dau trang", "xem them",
        ])),
        Rule(id: "chrome.sharepoint-field", test: .label(["content type"])),
        Rule(id: "chrome.login", test: .contains([
            "bam vao day de duy tri trang thai dang nhap", "ban da khong su dung site",
        ])),
        Rule(id: "chrome.footer", test: .label([
            "dien thoai", "dt", "fax", "email", "e-mail", "tru so", "dia chi", "co quan chu quan", "truong ban bien tap",
            "giay phep", "chiu trach nhiem noi dung", "chiu trach nhiem xuat ban", "hotline",
        ])),
        Rule(id: "chrome.copyright", test: .startsWith([
            "ban quyen thuoc", "copyright", "(c)", "ghi ro nguon", "cong thong tin dien tu", "trang thong tin dien tu",
        ])),
        Rule(id: "chrome.image-name", test: .imageFileName),
        Rule(id: "chrome.image-label", test: .bareAsciiLabel),
    ]

    public init() {}

    /// The rules' words as folded bytes, prepared once.
    private static let prepared: [(id: String, test: Rule.Test, words: [[UInt8]])] = rules.map { rule in
        switch rule.test {
        case .exactly(let words), .label(let words), .startsWith(let words), .contains(let words):
            return (rule.id, rule.test, words.map { Array($0.utf8) })
        case .imageFileName, .bareAsciiLabel:
            return (rule.id, rule.test, [])
        }
    }

    private static let imageExtensions: [[UInt8]] = ["jpg", "jpeg", "png", "gif", "webp", "bmp"].map { Array($0.utf8) }

    /// The id of the rule that marks `line` as chrome, or nil for a line of the document.
    public func ruleID(for line: Substring) -> String? {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { ruleID(line: UnsafeBufferPointer($0)) }
    }

    /// The same for a line given as UTF-8 bytes (no newline).
    func ruleID(line raw: UnsafeBufferPointer<UInt8>) -> String? {
        // Trim blanks and leading bullets ("•", "·", "-", "*", "+", "–").
        var start = 0
        var end = raw.count
        while true {
            while start < end && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1 }
            if start < end && (raw[start] == UInt8(ascii: "-") || raw[start] == UInt8(ascii: "*") || raw[start] == UInt8(ascii: "+")) {
                start += 1; continue
            }
            if start + 2 < end && raw[start] == 0xE2 && raw[start + 1] == 0x80 && (raw[start + 2] == 0xA2 || raw[start + 2] == 0x93) {
                start += 3; continue  // • –
            }
            if start + 1 < end && raw[start] == 0xC2 && raw[start + 1] == 0xB7 { start += 2; continue }  // ·
            break
        }
        while end > start && (raw[end - 1] == 0x20 || raw[end - 1] == 0x09) { end -= 1 }
        guard start < end, end - start <= 400 else { return nil }
        let line = UnsafeBufferPointer(rebasing: raw[start..<end])
        // Fold: lower-case ASCII letters without diacritics, one byte per scalar.
        var folded: [UInt8] = []
        folded.reserveCapacity(line.count)
        var index = 0
        var ascii = true
        while index < line.count {
            let byte = line[index]
            if byte < 0x80 {
                folded.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
                index += 1
                continue
            }
            ascii = false
            var length = 2
            var value = UInt32(byte & 0x1F)
            if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
            if index + length > line.count { break }
            for k in 1..<length { value = value << 6 | UInt32(line[index + k] & 0x3F) }
            index += length
            if value >= 0x300 && value <= 0x36F { continue }
            if value == 0xA9 { folded.append(contentsOf: [0x28, 0x63, 0x29]); continue }  // © → (c)
            folded.append(VietnameseFolding.baseLetter(value: value) ?? 0x80)
        }
        for rule in Self.prepared {
            switch rule.test {
            case .exactly:
                if rule.words.contains(folded) { return rule.id }
            case .label:
                for word in rule.words where folded.starts(with: word) {
                    var rest = folded[word.count...].drop(while: { $0 == 0x20 })
                    guard let next = rest.first else { return rule.id }
                    if next == UInt8(ascii: ":") || next == UInt8(ascii: "|") { return rule.id }
                    rest = rest.drop(while: { ($0 >= 48 && $0 <= 57) || $0 == 0x20 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") })
                    if rest.isEmpty { return rule.id }
                }
            case .startsWith:
                if rule.words.contains(where: { folded.starts(with: $0) }) { return rule.id }
            case .contains:
                for word in rule.words where Self.contains(folded, word) { return rule.id }
            case .imageFileName:
                guard !folded.contains(0x20), let dot = folded.lastIndex(of: UInt8(ascii: ".")) else { break }
                if Self.imageExtensions.contains(where: { $0.elementsEqual(folded[(dot + 1)...]) }) { return rule.id }
            case .bareAsciiLabel:
                guard ascii else { break }
                let tokens = line.split(separator: 0x20)
                guard tokens.count >= 2, tokens.count <= 5,
                      line.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 0x20 || $0 == 0x2D || $0 == 0x5F }) else { break }
                let hasNumber = tokens.contains { $0.allSatisfy { $0 >= 48 && $0 <= 57 } }
                let hasWord = tokens.contains { $0.count >= 4 && $0.allSatisfy { $0 >= 97 && $0 <= 122 } }
                if hasNumber && hasWord { return rule.id }
            }
        }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The text without its chrome lines (blank runs they leave collapsed, ends trimmed), and how
    /// many lines each rule dropped.
    public func filter(_ text: String) -> (text: String, dropped: [String: Int]) {
        var text = text
        return text.withUTF8 { filter(bytes: $0) }
    }

    func filter(bytes: UnsafeBufferPointer<UInt8>) -> (text: String, dropped: [String: Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var dropped: [String: Int] = [:]
        var lastBlank = true  // no blank line at the start
        var pendingBlank = false
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            let blank = line.allSatisfy { $0 == 0x20 }
            if blank {
                if !lastBlank { pendingBlank = true }
            } else if let id = ruleID(line: line) {
                dropped[id, default: 0] += 1
            } else {
                if !out.isEmpty { out.append(0x0A) }
                if pendingBlank { out.append(0x0A) }
                out.append(contentsOf: line)
                pendingBlank = false
                lastBlank = false
            }
            lineStart = lineEnd + 1
        }
        return (String(decoding: out, as: UTF8.self), dropped)
    }
}
