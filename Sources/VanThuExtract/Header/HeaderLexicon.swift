/// The words the header reader looks for at the start of a line (or in it), as tables of the
/// lexicon: each word with a line of the project's own that it marks, and lines that no word of
/// the table marks (`FoldedWordTableTests` checks them all). The reader's code says what a table
/// is for; the words are here.
package struct HeaderLexicon: Sendable {
    /// Lines above the number line that are the page's or the motto's, not a body of the issuer
    /// block (a gazette's running head, the motto, e-signature stamps, `V/v`, `Số:` …).
    package var noise: FoldedWordTable
    /// Lines that start the next block of the header or the body's first section: they end a
    /// wrapped subject (`V/v …`) or title, in the header reader and in the title extractor alike.
    package var blockStarts: FoldedWordTable
    /// More lines that end a wrapped subject or title in the header reader: a number line without
    /// its colon, a gazette's running head, the body's opening words. (The title extractor's title
    /// may go on with them: `KẾ HOẠCH` / `Thực hiện …`.)
    package var boundaries: FoldedWordTable
    /// Lines under a signature block that are not the signer's name: e-signature stamps, `(Đã
    /// ký)`, a gazette's running head, the copy list and its items.
    package var signerSkips: FoldedWordTable
    /// Lines inside a recipients' or copy list that are not items and do not end it.
    package var listSkips: FoldedWordTable
    /// Mottos printed on the same line as a body of the issuer block (`SỞ NỘI VỤ   CỘNG HÒA …`):
    /// the body is what comes before them.
    package var mottos: FoldedWordTable
    /// Words right after a number-symbol at the start of a line that make the line a citation of
    /// another document (`Số 12/QĐ-UBND ngày …`), not the document's own number.
    package var citationFollowers: FoldedWordTable
    /// Labels of a legal register that may follow `Người ký:` on its line and end the name.
    package var registerLabels: FoldedWordTable
    /// The first line of an appendix or a form, past which no copy list is looked for.
    package var appendixStarts: FoldedWordTable
    /// The line that starts the recipients' list.
    package var recipientsHead: FoldedWordTable
    /// The line that starts the copy list.
    package var copyListHead: FoldedWordTable
    /// A header block flattened into one paragraph (`FlatHeader`): the mottos, each a line of its
    /// own; the words a line starts before; the words a line ends after; and the cues that, with a
    /// motto, make a long line a flattened header. Looked for anywhere in the line.
    package var flatMottos: FoldedWordTable
    package var flatLineStarts: FoldedWordTable
    package var flatLineEnds: FoldedWordTable
    package var flatCues: FoldedWordTable

    /// Every table, for the tests that check their examples.
    package var tables: [FoldedWordTable] {
        [noise, blockStarts, boundaries, signerSkips, listSkips, mottos, citationFollowers, registerLabels, appendixStarts,
         recipientsHead, copyListHead, flatMottos, flatLineStarts, flatLineEnds, flatCues]
    }

    /// The tables a configuration may add words to, by the name pipeline.json gives them
    /// (`"lexicon": {"header": {"noise": ["Mã định danh"]}}`).
    package static var extendable: [String: WritableKeyPath<HeaderLexicon, FoldedWordTable>] { [
        "noise": \.noise, "blockStarts": \.blockStarts, "boundaries": \.boundaries, "signerSkips": \.signerSkips,
        "listSkips": \.listSkips, "mottos": \.mottos, "citationFollowers": \.citationFollowers,
        "registerLabels": \.registerLabels, "appendixStarts": \.appendixStarts, "recipientsHead": \.recipientsHead,
        "copyListHead": \.copyListHead,
    ] }

    /// These tables with more words, as written, by table name (names not in `extendable` are
    /// left out: the configuration loader rejects them).
    package func extended(with words: [String: [String]]) -> HeaderLexicon {
        var copy = self
        for (name, added) in words.sorted(by: { $0.key < $1.key }) where !added.isEmpty {
            guard let table = Self.extendable[name] else { continue }
            copy[keyPath: table] = copy[keyPath: table].adding(added)
        }
        return copy
    }

    package static let standard = HeaderLexicon(
        noise: FoldedWordTable("header.noise", [
            ("cong bao", "CÔNG BÁO/Số 301 + 302/Ngày 9-10-2023"),
            ("cong hoa xa hoi", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("doc lap", "Độc lập - Tự do - Hạnh phúc"),
            ("dang cong san viet nam", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("van ban quy pham", "VĂN BẢN QUY PHẠM PHÁP LUẬT"),
            ("van ban phap luat", "VĂN BẢN PHÁP LUẬT KHÁC"),
            ("van ban hop nhat", "VĂN BẢN HỢP NHẤT"),
            ("ky boi", "Ký bởi: Văn phòng Ủy ban nhân dân xã Tân Lập"),
            ("nguoi ky", "Người ký: Phạm Thị Lan"),
            ("email", "Email: vanthu@tanlap.example.vn"),
            ("co quan:", "Cơ quan: Ủy ban nhân dân huyện Đồng Xuân"),
            ("thoi gian ky", "Thời gian ký: 14.03.2024 09:12:40 +07:00"),
            ("ngay ky", "Ngày ký: 14/03/2024"),
            ("v/v", "V/v tổ chức hội nghị sơ kết"),
            ("kinh gui", "Kính gửi: Các phòng, ban chuyên môn"),
            ("so:", "Số: 48/UBND-VP"),
            ("xac thuc", "Xác thực bằng chữ ký số"),
        ], notMatching: ["ỦY BAN NHÂN DÂN HUYỆN ĐỒNG XUÂN", "CÔNG AN TỈNH PHÚ YÊN", "Số liệu tổng hợp", "Cơ quan thường trực"]),
        blockStarts: FoldedWordTable("header.block-starts", [
            ("kinh gui", "Kính gửi: Ban Thường vụ Huyện đoàn"),
            ("can cu", "Căn cứ kết quả cuộc họp ngày 2/3/2024;"),
            ("so:", "Số: 17/KH-ĐTN"),
            ("cong hoa", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("dang cong san", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("doc lap", "Độc lập – Tự do – Hạnh phúc"),
            ("dieu 1", "Điều 1. Thành lập Tổ công tác xã Hòa Mỹ."),
            ("chuong ", "Chương II. QUY ĐỊNH CHUNG"),
            ("i.", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("noi nhan", "Nơi nhận:"),
        ], notMatching: ["về việc tăng cường phòng chống dịch", "trên địa bàn xã năm 2024", "Sốt xuất huyết ở trẻ em",
                         "Điểm a khoản 2 Điều 5", "Thực hiện Kế hoạch số 30/KH-UBND của huyện,", "số 12-NQ/TU của Tỉnh ủy"]),
        boundaries: FoldedWordTable("header.boundaries", [
            ("so ", "Số 17-KH/ĐU"),
            ("phan ", "Phần thứ nhất. KẾT QUẢ THỰC HIỆN"),
            ("cong bao", "CÔNG BÁO/Số 88/Ngày 1-2-2024"),
            ("v/v", "V/v góp ý dự thảo quy chế"),
            ("thuc hien", "Thực hiện Kế hoạch số 30/KH-UBND của huyện,"),
            ("xet de nghi", "Xét đề nghị của Trưởng phòng Nội vụ,"),
            ("theo de nghi", "Theo đề nghị của Chánh Văn phòng,"),
        ], notMatching: ["về việc tăng cường phòng chống dịch", "trên địa bàn xã năm 2024", "Sốt xuất huyết ở trẻ em",
                         "Điểm a khoản 2 Điều 5"]),
        signerSkips: FoldedWordTable("header.signer-skips", [
            ("nguoi ky", "Người ký: Trần Văn Bình"),
            ("ky boi", "Ký bởi: Sở Nội vụ"),
            ("email", "Email: sonoivu@example.gov.vn"),
            ("co quan", "Cơ quan: Sở Nội vụ tỉnh Phú Yên"),
            ("thoi gian", "Thời gian ký: 02.05.2024 16:20:11 +07:00"),
            ("ngay ky", "Ngày ký: 02/05/2024"),
            ("(", "(Đã ký)"),
            ("[", "[đã ký]"),
            ("da ky", "Đã ký"),
            ("cong bao", "CÔNG BÁO/Số 12/Ngày 5-1-2024"),
            ("-", "- Lưu: VT, NV."),
            ("+", "+ Bản điện tử"),
            ("noi nhan", "Nơi nhận:"),
        ], notMatching: ["Trần Văn Bình", "Hoàng Thị Mai", "PHÓ CHỦ TỊCH"]),
        listSkips: FoldedWordTable("header.list-skips", [
            ("cong bao", "CÔNG BÁO/Số 7/Ngày 3-1-2024"),
            ("ky boi", "Ký bởi: Văn phòng Sở"),
            ("nguoi ky", "Người ký: Lý Văn Tú"),
        ], notMatching: ["- Các xã, thị trấn;", "- Lưu: VT."]),
        mottos: FoldedWordTable("header.mottos", .anywhere, [
            ("cong hoa xa hoi", "SỞ NỘI VỤ    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("dang cong san viet nam", "HUYỆN ỦY ĐÔNG SƠN    ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("doc lap - tu do", "PHÒNG NỘI VỤ    Độc lập - Tự do - Hạnh phúc"),
        ], notMatching: ["ỦY BAN NHÂN DÂN XÃ HỢP THÀNH", "BAN TUYÊN GIÁO HUYỆN ỦY"]),
        citationFollowers: FoldedWordTable("header.citation-followers", [
            ("ngay ", "ngày 12/3/2024 của Ủy ban nhân dân tỉnh"),
            ("cua ", "của Ban Thường vụ Tỉnh ủy về công tác cán bộ"),
            ("ve ", "về việc kiện toàn Ban Chỉ đạo"),
            ("va ", "và Kế hoạch số 9/KH-UBND"),
            ("nam ", "năm 2023 của Hội đồng nhân dân"),
            ("quy d", "quy định mức chi hỗ trợ"),
        ], notMatching: ["Tân Lập, ngày 6 tháng 5 năm 2024", "V/v tổ chức lễ ra quân"]),
        registerLabels: FoldedWordTable("header.register-labels", .anywhere, [
            ("ngay hieu luc:", "Người ký: Võ Văn Sáu Ngày hiệu lực: 01/07/2024"),
            ("tinh trang:", "Người ký: Võ Văn Sáu Tình trạng: Còn hiệu lực"),
            ("ngay cong bao:", "Người ký: Võ Văn Sáu Ngày công báo: 20/06/2024"),
            ("so cong bao:", "Người ký: Võ Văn Sáu Số công báo: 615-616"),
        ], notMatching: ["Người ký: Võ Văn Sáu", "Tình trạng hiệu lực chưa xác định"]),
        appendixStarts: FoldedWordTable("header.appendix-starts", [
            ("phu luc", "PHỤ LỤC I"),
            ("mau so", "Mẫu số 02"),
        ], notMatching: ["Phương án phân bổ kinh phí", "Mẫu hồ sơ kèm theo"]),
        recipientsHead: FoldedWordTable("header.recipients-head", [
            ("kinh gui", "Kính gửi: Ủy ban nhân dân các xã"),
        ], notMatching: ["Gửi kèm theo văn bản này danh sách"]),
        copyListHead: FoldedWordTable("header.copy-list-head", [
            ("noi nhan", "Nơi nhận:"),
        ], notMatching: ["Nhận được văn bản này, đề nghị các đơn vị"]),
        flatMottos: FoldedWordTable("header.flat-mottos", .anywhere, [
            ("cong hoa xa hoi chu nghia viet nam", "UBND XÃ TÂN LẬP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 3/UBND"),
            ("dang cong san viet nam", "HUYỆN ỦY ĐÔNG SƠN ĐẢNG CỘNG SẢN VIỆT NAM Số 8-CV/HU"),
        ], notMatching: ["Cộng hòa xã hội đã ghi nhận", "Đảng viên cộng sản trẻ"]),
        flatLineStarts: FoldedWordTable("header.flat-line-starts", .anywhere, [
            ("doc lap", "Số: 3/UBND Độc lập - Tự do - Hạnh phúc"),
            ("v/v", "Tân Lập, ngày 2 tháng 3 năm 2024 V/v họp dân"),
            ("kinh gui", "về việc họp dân Kính gửi: Các thôn;"),
            ("can cu", "- Các thôn. Căn cứ kế hoạch của huyện,"),
            ("noi nhan", "Chủ tịch Nguyễn Văn Hào Nơi nhận: - Như trên;"),
        ], notMatching: ["Ủy ban nhân dân xã đề nghị các thôn họp dân"]),
        flatLineEnds: FoldedWordTable("header.flat-line-ends", .anywhere, [
            ("hanh phuc", "Độc lập - Tự do - Hạnh phúc Tân Lập, ngày 2 tháng 3"),
        ], notMatching: ["Độc lập - Tự do"]),
        flatCues: FoldedWordTable("header.flat-cues", .anywhere, [
            ("v/v", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 3/UBND V/v họp dân"),
            ("kinh gui", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 3/UBND Kính gửi: Các thôn"),
        ], notMatching: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 3/UBND Tân Lập, ngày 2 tháng 3 năm 2024"])
    )
}
