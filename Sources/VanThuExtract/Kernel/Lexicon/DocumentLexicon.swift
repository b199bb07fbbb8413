import Foundation
import VanThuText

/// What the header and reference rules know about Vietnamese documents, as data: document types
/// (names and the type codes of number-symbols), signing authorities, and the issuer codes of
/// symbols (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW). A value, so that a configuration can
/// extend it.
public struct DocumentLexicon: Sendable {
    /// Type names as written in text (`Kế hoạch`, `Nghị định` …), longest first in matching.
    public var typeNames: [String]
    /// Type code of a symbol → type name (`KH` → `Kế hoạch`, `CV` → `Công văn`).
    public var typeCodes: [String: String]
    /// Signing authority prefixes (`T/M`, `KT.` …), folded, with the form to print.
    public var authorities: [(folded: String, printed: String)]
    /// Issuer codes of symbols → the body's name (`HU` → `Huyện ủy`, `CP` → `Chính phủ`).
    public var issuerCodes: [String: String]
    /// Issuer codes whose body is named after its place (`HU` + Triệu Phong → `Huyện ủy Triệu Phong`).
    public var placeNamedIssuers: Set<String>
    /// Prefixes and suffixes that compose issuer codes (`B` + `DV` + `TU` → `Ban Dân vận Tỉnh ủy`).
    public var issuerDepartments: [String: String]
    public var issuerCommittees: [String: String]
    /// Symbol segments whose lower-case letters are part of the code (`TTg`, `QyĐ`, `CTr`).
    public var mixedCaseCodes: Set<String>

    /// Types named after a session, whose bare number is the session's ordinal, not the
    /// document's (`Nghị quyết Trung ương 4` = of the fourth plenum).
    public var sessionNumberedTypes: Set<String> = ["Nghị quyết Trung ương"]

    /// Types whose bare number names a part of a programme or a period, not a document
    /// (`Dự án 4` of a national programme, `Chương trình 135`, `Báo cáo 6 tháng`): only `số`
    /// makes their number a document's.
    public var partNumberedTypes: Set<String> = ["Dự án", "Chương trình", "Đề án", "Phương án", "Báo cáo"]

    /// Type names by folded form (`ke hoach` → `Kế hoạch`).
    public let typeNamesByFold: [String: String]

    /// Whether a folded line starts by citing a document: a type name, an optional `so`, and a
    /// number (`thong tu so 57/2015/tt-bldtbxh ngay …`, `thong tu 38/2015/…`). In a consolidated
    /// text such a line under the title starts the consolidation note.
    public func startsCitation(folded line: String) -> Bool {
        let words = line.split(separator: " ", maxSplits: 6)
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1)
            where typeNamesByFold[words[0..<length].joined(separator: " ")] != nil {
            var rest = words[length...]
            if rest.first == "so" || rest.first == "so:" { rest = rest.dropFirst() }
            return rest.first?.first?.isNumber ?? false
        }
        return false
    }
    /// Type words as phrases, for finding them in token streams.
    public let typePhrases: PhraseTable<String>
    /// Folded type names followed by " so" (`luat so`, `nghi quyet so`), as bytes: the starts of
    /// number lines such as `Luật số: 51/2024/QH15`.
    public let numberPrefixes: [[UInt8]]
    /// The length of the longest of `numberPrefixes`.
    public let numberPrefixLength: Int
    /// The folded type names (`typeNamesByFold`) in the kernel's phrase matcher, compared byte for
    /// byte (a space is a space), longest first, each with its name.
    package let typeFolds: PhraseMatcher<UInt8, String>
    /// The folded type names as bytes with their names, longest first, for matching backwards
    /// from a number (`ReferenceExtractor`): the first that matches is the longest.
    package let typeFoldsLongestFirst: [(fold: [UInt8], name: String)]
    /// The folded authority prefixes in the kernel's phrase matcher, as listed, each with its index
    /// in `authorities`.
    package let authorityFolds: PhraseMatcher<UInt8, Int>
    /// `mayStartNumberLine[b]`: a number line (`Số: …`, `Kế hoạch số: …`) may start with folded byte `b`.
    public let mayStartNumberLine: [Bool]
    /// `mayStartAuthority[b]`: an authority line (`T/M …`, `KT. …`) may start with folded byte `b`.
    public let mayStartAuthority: [Bool]

    public init(typeNames: [String], typeCodes: [String: String], authorities: [(folded: String, printed: String)],
                issuerCodes: [String: String], placeNamedIssuers: Set<String>, issuerDepartments: [String: String],
                issuerCommittees: [String: String], mixedCaseCodes: Set<String>) {
        self.typeNames = typeNames
        self.typeCodes = typeCodes
        self.authorities = authorities
        self.issuerCodes = issuerCodes
        self.placeNamedIssuers = placeNamedIssuers
        self.issuerDepartments = issuerDepartments
        self.issuerCommittees = issuerCommittees
        self.mixedCaseCodes = mixedCaseCodes
        var byFold: [String: String] = [:]
        var phrases = PhraseTable<String>()
        for name in typeNames {
            byFold[VietnameseFolding.searchFold(name)] = name
            phrases.insert(name, name)
        }
        self.typeNamesByFold = byFold
        self.typePhrases = phrases
        self.numberPrefixes = byFold.keys.sorted().map { Array(($0 + " so").utf8) }
        self.numberPrefixLength = numberPrefixes.map(\.count).max() ?? 0
        // Folds of one length that both match at one place are the same fold: the order among
        // them does not matter. No fold holds a 0 byte: nothing in one is read as a break between words.
        self.typeFoldsLongestFirst = byFold.map { (Array($0.key.utf8), $0.value) }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0.lexicographicallyPrecedes($1.0) }
        self.typeFolds = PhraseMatcher(byFold.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }, separator: 0)
        self.authorityFolds = PhraseMatcher(authorities.enumerated().map { (Array($0.element.folded.utf8), $0.offset) },
                                            separator: 0, order: .asListed)
        // The first bytes come from the tables themselves: a new type name or authority needs no
        // second list to be read.
        var numberStarts = [Bool](repeating: false, count: 256)
        numberStarts[Int(UInt8(ascii: "s"))] = true
        for prefix in numberPrefixes where !prefix.isEmpty { numberStarts[Int(prefix[0])] = true }
        self.mayStartNumberLine = numberStarts
        var authorityStarts = [Bool](repeating: false, count: 256)
        for (folded, _) in authorities { if let first = folded.utf8.first { authorityStarts[Int(first)] = true } }
        self.mayStartAuthority = authorityStarts
    }

    /// Whether a folded, trimmed line is exactly a type name (`ke hoach`, `thong tu lien tich`),
    /// perhaps with a footnote mark glued to it (`thong tu1`, a consolidated text's).
    public func isTypeName<Line: RandomAccessCollection<UInt8>>(folded line: Line) -> Bool where Line.Index == Int {
        var end = line.endIndex
        while end - line.startIndex > 2, end - line.endIndex > -2, (0x30...0x39).contains(line[end - 1]) { end -= 1 }
        if end < line.endIndex, end > line.startIndex, line[end - 1] == 0x20 { return false }
        return typeName(in: line[line.startIndex..<end], at: 0, wholeLine: true) != nil
    }

    /// The type name a folded text starts with, longest first, ending on a word boundary, and its
    /// folded length: `thong bao so 12` → (`Thông báo`, 9).
    public func typeName(atStartOf folded: some Collection<UInt8>) -> (name: String, length: Int)? {
        typeName(in: Array(folded), at: 0)
    }

    /// The longest type name that the folded text has at `offset` and that ends on a word
    /// boundary (with `wholeLine`, where the text ends), and its folded length.
    package func typeName<Line: RandomAccessCollection<UInt8>>(in folded: Line, at offset: Int, wholeLine: Bool = false)
        -> (name: String, length: Int)? where Line.Index == Int {
        let base = folded.startIndex, count = folded.count
        return typeFolds.first(from: offset, symbol: { $0 < count ? folded[base + $0] : nil }, join: { _, _, _ in nil },
                               accept: { _, end in end == count || !wholeLine && !FoldedText.isWordByte(folded[base + end]) })
            .map { (typeFolds.values[$0.entry], $0.end - offset) }
    }

    public static let standard = DocumentLexicon(
        typeNames: [
            "Nghị quyết", "Nghị quyết liên tịch", "Nghị định", "Quyết định", "Chỉ thị", "Quy chế", "Quy định",
            "Thông cáo", "Thông báo", "Thông tri", "Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án", "Đề án",
            "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng", "Công điện", "Bản ghi nhớ", "Bản thỏa thuận",
            "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép", "Phiếu gửi", "Phiếu chuyển",
            "Phiếu báo", "Công văn", "Thông tư", "Thông tư liên tịch", "Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp",
            "Lệnh", "Kết luận", "Văn bản hợp nhất", "Điều lệ", "Quy chuẩn", "Nghị quyết Trung ương",
        ],
        typeCodes: [
            "NQ": "Nghị quyết", "NQLT": "Nghị quyết liên tịch", "QĐ": "Quyết định", "CT": "Chỉ thị",
            "QC": "Quy chế", "QyĐ": "Quy định", "QĐi": "Quy định", "QYĐ": "Quy định", "TC": "Thông cáo", "TB": "Thông báo",
            "TTr": "Tờ trình", "TTR": "Tờ trình", "HD": "Hướng dẫn", "CTr": "Chương trình", "CTR": "Chương trình",
            "KH": "Kế hoạch", "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản",
            "HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận",
            "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GT": "Giấy giới thiệu",
            "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
            "CV": "Công văn", "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "PL": "Pháp lệnh",
            "VBHN": "Văn bản hợp nhất", "KL": "Kết luận", "TTg": "Quyết định", "L": "Luật", "CTHĐ": "Chương trình",
            "TRI": "Thông tri",
        ],
        authorities: [
            ("t/m", "T/M"), ("k/t", "K/T"), ("t/l", "T/L"), ("t/uq", "T/UQ"), ("tm.", "TM."), ("kt.", "KT."),
            ("tl.", "TL."), ("tuq.", "TUQ."), ("q.", "Q."), ("tm", "TM."), ("kt", "KT."), ("tl", "TL."),
            ("tuq", "TUQ."),
        ],
        issuerCodes: [
            "TW": "Ban Chấp hành Trung ương", "VPTW": "Văn phòng Trung ương Đảng", "BBT": "Ban Bí thư",
            "TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "TXU": "Thị xã ủy",
            "ThU": "Thành ủy", "THU": "Thành ủy", "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối",
            "BCĐ": "Ban Chỉ đạo", "BTV": "Ban Thường vụ", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
            "MTTQ": "Ủy ban Mặt trận Tổ quốc", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội",
            "UBTVQH": "Ủy ban Thường vụ Quốc hội", "VPQH": "Văn phòng Quốc hội", "VPCP": "Văn phòng Chính phủ",
            "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng", "BTC": "Bộ Tài chính", "BYT": "Bộ Y tế",
            "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "BGDĐT": "Bộ Giáo dục và Đào tạo", "BNV": "Bộ Nội vụ",
            "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BCT": "Bộ Công Thương", "BTP": "Bộ Tư pháp", "BXD": "Bộ Xây dựng",
            "BGTVT": "Bộ Giao thông vận tải", "BTNMT": "Bộ Tài nguyên và Môi trường",
            "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn", "BNNMT": "Bộ Nông nghiệp và Môi trường",
            "BKHCN": "Bộ Khoa học và Công nghệ", "BTTTT": "Bộ Thông tin và Truyền thông",
            "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BNG": "Bộ Ngoại giao", "BDTTG": "Bộ Dân tộc và Tôn giáo",
            "NHNN": "Ngân hàng Nhà nước Việt Nam", "TANDTC": "Tòa án nhân dân tối cao",
            "VKSNDTC": "Viện kiểm sát nhân dân tối cao", "KTNN": "Kiểm toán nhà nước", "BHXH": "Bảo hiểm xã hội",
            "TLĐ": "Tổng Liên đoàn Lao động Việt Nam", "VP": "Văn phòng",
        ],
        placeNamedIssuers: ["HU", "QU", "ThU", "THU", "TXU"],
        issuerDepartments: [
            "DV": "Dân vận", "TG": "Tuyên giáo", "TC": "Tổ chức", "NC": "Nội chính", "TGDV": "Tuyên giáo và Dân vận",
            "KT": "Kiểm tra",
        ],
        issuerCommittees: [
            "TW": "Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy", "QU": "Quận ủy", "ThU": "Thành ủy",
            "THU": "Thành ủy", "ĐU": "Đảng ủy", "ĐUK": "Đảng ủy Khối",
        ],
        mixedCaseCodes: ["TTg", "QyĐ", "CTr", "TTr", "ThU", "BNNMT", "CTHĐ", "QĐi"]
    )

    /// The type name of a symbol's first letter segment, if it is a type code.
    public func typeName(code: String) -> String? {
        typeCodes[code] ?? typeCodes[code.uppercased()]
    }

    /// The body an issuer code stands for: a listed code, or `B` + department + committee
    /// (`BDVTU` → `Ban Dân vận Tỉnh ủy`), or `UBKT` + committee.
    public func issuerName(code: String) -> String? {
        if let name = issuerCodes[code] { return name }
        for (prefix, head) in [("UBKT", "Ủy ban Kiểm tra"), ("B", "Ban")] where code.hasPrefix(prefix) {
            let rest = String(code.dropFirst(prefix.count))
            if head == "Ban" {
                for (department, name) in issuerDepartments where rest.hasPrefix(department) {
                    let committee = String(rest.dropFirst(department.count))
                    if committee.isEmpty { return "Ban \(name)" }
                    if let body = issuerCommittees[committee] { return "Ban \(name) \(body)" }
                }
            } else if let body = issuerCommittees[rest] {
                return "\(head) \(body)"
            }
        }
        return nil
    }

    /// The printed authority prefix a folded signature line starts with, and its length in the fold.
    public func authority(atStartOf folded: String) -> (printed: String, length: Int)? {
        authority(atStartOf: Array(folded.utf8))
    }

    /// The same on folded bytes (ASCII for the prefixes): the classifier reads lines as bytes.
    public func authority(atStartOf folded: some Collection<UInt8>) -> (printed: String, length: Int)? {
        guard let first = folded.first, mayStartAuthority[Int(first)] else { return nil }
        let bytes = Array(folded)
        return authorityFolds.first(from: 0, symbol: { $0 < bytes.count ? bytes[$0] : nil }, join: { _, _, _ in nil },
                                    accept: { entry, end in
            guard end < bytes.count else { return false }
            let prefix = authorities[entry].folded
            let last = prefix.utf8.last!
            let next = bytes[end]
            let isLetter = FoldedText.isWordByte(next) && !FoldedText.isDigit(next)
            // "tm " needs a space after it; "t/m" anything but a letter; "tm." anything ("KT.BỘ TRƯỞNG").
            if FoldedText.isWordByte(last) || prefix == "q." { return next == 0x20 }
            return !(isLetter && last != UInt8(ascii: "."))
        }).map { (authorities[authorityFolds.values[$0.entry]].printed, $0.end) }
    }
}
