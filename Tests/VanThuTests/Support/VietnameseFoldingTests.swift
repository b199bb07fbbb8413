import Testing
import Foundation
@testable import VanThu

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
