import Testing
import Foundation
@testable import VanThuText

struct VietnameseFoldingTests {
    @Test("abbreviations and long forms share a key", arguments: [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("Ủy ban MTTQ Việt Nam", "Uỷ ban Mặt trận Tổ quốc Việt Nam"),
        ("BCĐ thành phố", "Ban Chỉ đạo thành phố"),
        ("các đoàn thể CT-XH", "các đoàn thể chính trị - xã hội"),
        ("TP. Hà Tĩnh", "thành phố Hà Tĩnh"),
        ("TP Hà Tĩnh", "Thành phố Hà Tĩnh"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Hội LHPN xã", "Hội Liên hiệp Phụ nữ xã"),
        ("Bộ Lao động-Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
        ("Phong trào “Dân vận khéo”", "phong trào \"Dân vận khéo\""),
    ])
    func sameKey(_ pair: (String, String)) {
        #expect(VietnameseFolding.canonicalKey(pair.0) == VietnameseFolding.canonicalKey(pair.1))
    }

    @Test func keyKeepsDiacriticsButFoldsD() {
        #expect(VietnameseFolding.canonicalKey("Ban Dân vận Tỉnh ủy") == "ban dân vận tỉnh ủy")
        #expect(VietnameseFolding.canonicalKey("Đảng ủy Khối") == "dảng ủy khối")
        #expect(VietnameseFolding.canonicalKey("Sở Y tế") != VietnameseFolding.canonicalKey("Số Y tế"))
    }

    @Test func keyIsTheSameForNFD() {
        let nfd = "Ủy ban nhân dân".decomposedStringWithCanonicalMapping
        #expect(VietnameseFolding.canonicalKey(nfd) == VietnameseFolding.canonicalKey("Ủy ban nhân dân"))
    }
}

/// The first, plain implementation of `canonicalKey` (String operations), kept as the oracle of
/// the fast one.
enum ReferenceCanonicalKey {
    static func keyText(_ text: String) -> String {
        let lowered = VietnameseFolding.unifyTones(text.precomposedStringWithCanonicalMapping.lowercased())
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x111, 0xF0: scalars.append("d")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: scalars.append("\"")
            case 0x2010...0x2015, 0x2212: scalars.append("-")
            case 0xA0, 0x09, 0x0A, 0x0D: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static let abbreviations: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (short, long) in VietnameseFolding.abbreviations {
            table[keyText(short)] = keyText(long).split(separator: " ").map(String.init)
        }
        return table
    }()

    static func key(_ name: String) -> String {
        var tokens: [String] = []
        for raw in keyText(name).split(separator: " ") {
            var token = Substring(raw)
            while let last = token.last, ",;:".contains(last) { token = token.dropLast() }
            if token.isEmpty { continue }
            if let long = abbreviations[String(token)] {
                tokens += long
            } else if token.hasPrefix("tp."), token.count > 3 {
                let rest = String(token.dropFirst(3))
                tokens += abbreviations["tp"]! + (abbreviations[rest] ?? [rest])
            } else if token.contains("-") {
                let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                for (index, part) in parts.enumerated() {
                    if index > 0 { tokens.append("-") }
                    if !part.isEmpty { tokens.append(part) }
                }
            } else {
                tokens.append(String(token))
            }
        }
        var key = tokens.joined(separator: " ")
        while let last = key.last, ",.;: ".contains(last) { key.removeLast() }
        while let first = key.first, ",.;: ".contains(first) { key.removeFirst() }
        return key
    }
}

struct CanonicalKeyOracleTests {
    static let names: [String] = [
        "UBND huyện", "Ủy ban MTTQ Việt Nam, các đoàn thể CT-XH huyện", "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” thành phố",
        "TP.HCM", "Tp. Hà Tĩnh", "TP Hà Tĩnh", "Hội LHPN xã", "Bộ Lao động-Thương binh và Xã hội", "Sở GD&ĐT Lào Cai",
        "HOÀ BÌNH", "Uỷ ban nhân dân Quận 1", "Quý ủy", "ĐẢNG ỦY KHỐI", "Ðoàn thanh niên", "  - Ban  Dân vận ;",
        "Chi bộ khóm 2 phường 7", "Cty TNHH MTV", "Văn hóa, Thể thao và Du lịch", "Hội Cựu chiến binh\nxã", "Trường ĐH Y-Dược",
        "Thuý Hoà", "KHOÁ", "Ủy ban nhân dân".decomposedStringWithCanonicalMapping, "BCĐ 35", "HĐND - UBND",
    ]

    @Test("fast key equals the plain one", arguments: names)
    func sameAsReference(_ name: String) {
        #expect(VietnameseFolding.canonicalKey(name) == ReferenceCanonicalKey.key(name))
    }

    @Test(.enabled(if: SharedSeedsTests.available)) func sameOnEverySeedUnit() throws {
        for document in try SharedSeedsTests.gold().documents {
            for name in document.units.required + document.units.optional + (try SharedSeedsTests.record(document.file).units.map(\.name)) {
                #expect(VietnameseFolding.canonicalKey(name) == ReferenceCanonicalKey.key(name), "\(name)")
            }
        }
    }
}
