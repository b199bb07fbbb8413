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
            "ban quyen thuoc", "copyright", "©", "ghi ro nguon", "cong thong tin dien tu", "trang thong tin dien tu",
        ])),
        Rule(id: "chrome.image-name", test: .imageFileName),
        Rule(id: "chrome.image-label", test: .bareAsciiLabel),
    ]

    public init() {}

    /// The id of the rule that marks `line` as chrome, or nil for a line of the document.
    public func ruleID(for line: Substring) -> String? {
        var trimmed = line.trimmingCharacters(in: .whitespaces)
        while let first = trimmed.first, "•·-*+–".contains(first) {
            trimmed.removeFirst()
            trimmed = trimmed.trimmingCharacters(in: .whitespaces)
        }
        guard !trimmed.isEmpty, trimmed.utf8.count <= 300 else { return nil }
        let folded = VietnameseFolding.searchFold(trimmed)
        for rule in Self.rules {
            switch rule.test {
            case .exactly(let lines):
                if lines.contains(folded) { return rule.id }
            case .label(let labels):
                for label in labels where folded.hasPrefix(label) {
                    let rest = folded.dropFirst(label.count).drop(while: { $0 == " " })
                    guard let next = rest.first else { return rule.id }
                    if next == ":" || next == "|" || rest.allSatisfy({ $0.isNumber || $0 == " " || $0 == "." || $0 == "," }) {
                        return rule.id
                    }
                }
            case .startsWith(let prefixes):
                if prefixes.contains(where: folded.hasPrefix) { return rule.id }
            case .contains(let needles):
                if needles.contains(where: folded.contains) { return rule.id }
            case .imageFileName:
                if !trimmed.contains(" "), let dot = trimmed.lastIndex(of: "."),
                   ["jpg", "jpeg", "png", "gif", "webp", "bmp"].contains(trimmed[trimmed.index(after: dot)...].lowercased()) {
                    return rule.id
                }
            case .bareAsciiLabel:
                let tokens = trimmed.split(separator: " ")
                guard tokens.count >= 2, tokens.count <= 5, trimmed.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_") }) else { break }
                let hasNumber = tokens.contains { $0.allSatisfy(\.isNumber) }
                let hasWord = tokens.contains { $0.count >= 4 && $0.allSatisfy(\.isLetter) }
                if hasNumber && hasWord { return rule.id }
            }
        }
        return nil
    }

    /// The text without its chrome lines, and how many lines each rule dropped.
    public func filter(_ text: String) -> (text: String, dropped: [String: Int]) {
        var kept: [Substring] = []
        var dropped: [String: Int] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let id = ruleID(for: line) {
                dropped[id, default: 0] += 1
            } else {
                kept.append(line)
            }
        }
        // Collapse the runs of blank lines the dropped lines leave behind, and trim the ends.
        var out: [Substring] = []
        for line in kept {
            if line.allSatisfy({ $0 == " " }) {
                if let last = out.last, last.isEmpty { continue }
                out.append("")
            } else {
                out.append(line)
            }
        }
        while let first = out.first, first.isEmpty { out.removeFirst() }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return (out.joined(separator: "\n"), dropped)
    }
}
