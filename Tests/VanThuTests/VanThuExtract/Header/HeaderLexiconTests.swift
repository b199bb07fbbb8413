import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The header reader's shortcuts (which first letters may start a number line or an authority
/// line) come from the lexicon's tables: a type name or an authority added to the lexicon is read
/// with no second list to change.
struct HeaderLexiconTests {
    /// The standard lexicon with one more type name and one more signing authority.
    static let extended: DocumentLexicon = {
        let standard = DocumentLexicon.standard
        return DocumentLexicon(typeNames: standard.typeNames + ["Thông điệp"], typeCodes: standard.typeCodes.merging(["TĐ": "Thông điệp"]) { $1 },
                               authorities: standard.authorities + [("ph.", "PH.")], issuerCodes: standard.issuerCodes,
                               placeNamedIssuers: standard.placeNamedIssuers, issuerDepartments: standard.issuerDepartments,
                               issuerCommittees: standard.issuerCommittees, mixedCaseCodes: standard.mixedCaseCodes)
    }()

    static let text = """
        VĂN PHÒNG ĐIỀU PHỐI VÙNG
        Thông điệp số: 3/TĐ-VPĐP
        Hòa Bình, ngày 2 tháng 9 năm 2024
        Gửi toàn thể cán bộ về đợt tập huấn mùa thu.
        Trân trọng!
        PH. GIÁM ĐỐC
        TRƯỞNG PHÒNG
        Đỗ Thị Hạnh
        """

    func header(_ lexicon: DocumentLexicon) -> DispatchHeader? {
        var context = ExtractionContext(text: Self.text, kind: .dispatch)
        HeaderExtractor(lexicon: lexicon).extract(&context)
        return context.record.header
    }

    @Test func aTypeNameAddedToTheLexiconStartsANumberLine() throws {
        // `Thông điệp` starts with `t`, as `Thông báo` does; the number line is found by the table,
        // not by a list of letters.
        #expect(header(.standard)?.number == nil)
        let extended = try #require(header(Self.extended))
        #expect(extended.number == "3/TĐ-VPĐP")
        #expect(extended.issuer == "Văn phòng Điều phối Vùng" || extended.issuer?.lowercased() == "văn phòng điều phối vùng")
    }

    @Test func anAuthorityAddedToTheLexiconStartsASignatureBlock() throws {
        // `p` starts no standard authority: the authority shortcut follows the table.
        #expect(header(.standard)?.signer?.authority == nil)
        let signer = try #require(header(Self.extended)?.signer)
        #expect(signer.authority?.hasPrefix("PH.") == true)
        #expect(signer.name == "Đỗ Thị Hạnh")
    }

    @Test func numberLinesOfEveryStandardTypeAreRead() {
        // Every type name of the lexicon, not only those that start with l, n, b, q, t or p.
        for (name, code) in [("Kế hoạch", "KH"), ("Chỉ thị", "CT"), ("Hướng dẫn", "HD"), ("Đề án", "ĐA"), ("Giấy mời", "GM")] {
            var context = ExtractionContext(text: "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\n\(name) số: 7/\(code)-UBND\nAn Phú, ngày 5 tháng 6 năm 2023\n",
                                            kind: .dispatch)
            HeaderExtractor().extract(&context)
            #expect(context.record.header?.number == "7/\(code)-UBND", "\(name)")
            #expect(context.record.header?.issuer?.hasPrefix("Ủy ban nhân dân") == true, "\(name)")
        }
    }
}
