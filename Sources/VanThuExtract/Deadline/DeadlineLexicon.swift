/// What makes a date a deadline, and the words around a deadline. Folded form (see `FoldedText`).
package enum DeadlineLexicon {
    package enum Trigger: Sendable, Equatable {
        /// `trước ngày …`: a deadline when the clause asks for something to be done.
        case before
        /// `chậm nhất`, `muộn nhất`: always a deadline.
        case latest
        /// `không quá`, `không muộn hơn`: always a deadline.
        case noLater
        /// `hạn chót`, `hạn cuối`, `thời hạn`: a deadline, possibly a few words before the date.
        case term
        /// `trong tháng 6/2020`: a month or quarter; a deadline only in a clause that asks for work.
        case within
        /// `đến hết ngày …`: the end of a window; a deadline when the window is one for submitting
        /// (`nhận hồ sơ từ ngày … đến hết ngày …`), not a period of validity (`áp dụng đến hết ngày …`).
        case windowEnd
        /// `ngày 25 hằng tháng báo cáo …`: a day of every month with the verb of a report right after it.
        case standingDay

        package var rule: String {
            switch self {
            case .before: "deadline.before"
            case .latest: "deadline.latest"
            case .noLater: "deadline.no-later"
            case .term: "deadline.term"
            case .within: "deadline.within"
            case .windowEnd: "deadline.window-end"
            case .standingDay: "deadline.standing-day"
            }
        }
    }

    /// Right before the date (after fillers).
    package static let triggers = FoldedPhraseTable<Trigger>([
        ("truoc", .before), ("xong truoc", .before),
        ("cham nhat", .latest), ("muon nhat", .latest), ("tre nhat", .latest),
        ("khong qua", .noLater), ("khong muon hon", .noLater), ("khong cham hon", .noLater), ("khong tre hon", .noLater),
        ("han chot", .term), ("han cuoi", .term), ("thoi han", .term), ("han nop", .term), ("thoi han nop", .term),
        ("trong", .within),
        ("den het", .windowEnd), ("cho den het", .windowEnd),
    ])

    /// In the clause of a window's end: the window is one for submitting or registering.
    package static let submissions = FoldedPhraseTable<Bool>([
        ("nhan ho so", true), ("nhan bai", true), ("nhan tac pham", true), ("nhan don", true), ("tiep nhan", true),
        ("thu nhan", true), ("nop", true), ("gui", true), ("nhan dang ky", true), ("dang ky du thi", true),
        ("dang ky tham gia", true), ("bai du thi", true), ("bai thi", true), ("nhan hinh anh", true),
        ("nhan y kien", true), ("gop y", true), ("nhan de cu", true),
        // A window for the public's comments (`Thời gian lấy ý kiến từ ngày … đến hết ngày …`).
        ("lay y kien", true),
        // A certificate of registration is no registering (`Giấy chứng nhận đăng ký … có giá trị đến hết ngày …`).
        ("chung nhan dang ky", false),
        // A registration window: `Thời gian đăng ký … đến hết ngày …`, `… đến hết ngày …: Mở đăng ký …`
        // (not `Giấy chứng nhận đăng ký … cho đến hết ngày …`, a span).
        ("thoi gian dang ky", true), ("mo dang ky", true), ("han dang ky", true),
        // Registering a list is sending it (`đăng ký danh sách thí sinh về Ban X từ ngày … đến hết ngày …`).
        ("dang ky danh sach", true),
    ])

    /// Right after a day of every month with no trigger word (`ngày 25 hằng tháng báo cáo kết quả về …`,
    /// `Định kỳ vào ngày 20 hàng tháng gửi số liệu …`): the date is when the report or the filing is due.
    package static let standingDayActions = FoldedPhraseTable<Bool>([
        ("bao cao", true), ("gui", true), ("nop", true), ("cap nhat", true), ("tong hop", true),
    ])

    /// In the clause of a window's end: the window opens when a text takes effect (`từ ngày Thông tư này
    /// có hiệu lực thi hành đến hết ngày …`). It is a span of validity, whatever is filed in it.
    package static let validityStarts = FoldedPhraseTable<Bool>([
        ("co hieu luc", true), ("hieu luc thi hanh", true),
    ])

    /// After a schedule line's colon: the window opens for submissions (`Từ ngày … đến hết ngày …: Mở đăng
    /// ký …`); not a rate that applies in it (`… đến hết ngày 28 tháng 02 năm 2027: nộp lệ phí …`).
    package static let windowOpenings = FoldedPhraseTable<Bool>([
        ("mo dang ky", true), ("nhan ho so", true), ("tiep nhan ho so", true), ("nhan dang ky", true),
    ])

    /// Before the trigger in its clause: an event is planned for the date; its date is a date, not a
    /// deadline (`Dự kiến tổ chức trong tháng 8/2020`, `thời gian tổ chức từ ngày …`). A window's end
    /// or a `hạn chót` still makes a deadline (`dự kiến kết thúc nhận bài vào ngày …`).
    package static let planned = FoldedPhraseTable<Bool>([
        ("du kien", true), ("thoi gian to chuc", true), ("thoi gian dien ra", true), ("se to chuc", true),
        ("se dien ra", true), ("du dinh", true), ("thoi gian khai mac", true), ("le khai mac", true),
    ])

    /// Words that ask for something: a clause with one is no part of the schedule before it
    /// (`dự kiến họp ngày 5/6; các đơn vị phải báo cáo trong tháng 5/2024`).
    package static let requests = FoldedPhraseTable<Bool>([
        ("phai", true), ("can", true), ("de nghi", true), ("yeu cau", true), ("co trach nhiem", true),
    ])

    /// Between `đã` and the trigger: the sentence asks for something again (`đã được giao phải … trước`).
    package static let modals = FoldedPhraseTable<Bool>([
        ("phai", true), ("can", true), ("de nghi", true), ("yeu cau", true), ("co trach nhiem", true), ("de", true),
        ("thi", true),
    ])

    /// Before a boundary verb (`ban hành`, `ký`): the verb is the action asked for (`để ban hành trước
    /// ngày …`, `phải ký trước ngày …`), not a cut-off (`văn bản ban hành trước ngày …`).
    package static let boundaryOverrides = FoldedPhraseTable<Bool>([
        ("de", true), ("phai", true), ("can", true), ("khan truong", true), ("kip thoi", true), ("hoan thanh", true),
        ("xong", true), ("de nghi", true), ("tien hanh", true), ("tham muu", true),
    ])

    /// After a reporting verb of an earlier clause of the sentence, its receiving unit carries to a
    /// deadline whose own action is a report with no unit (`báo cáo Bộ …; báo cáo tổng kết trước ngày …`).
    package static let reportVerbs = FoldedPhraseTable<Bool>([
        ("bao cao", true), ("gui", true), ("nop", true), ("trinh", true), ("gui bao cao", true),
    ])

    /// Triggers that still read when the space before them was lost in the source (`nhân dânchậm nhất
    /// ngày …`, `hồ sơtrước ngày …`): words that no Vietnamese syllable ends with, so a letter glued
    /// before them can only be another word. Not `hạn …` (`phần cuối`, `thân chót` fold to `…han …`).
    package static let gluedTriggers = FoldedPhraseTable<Trigger>([
        ("cham nhat", .latest), ("muon nhat", .latest), ("truoc", .before), ("khong qua", .noLater),
        ("thoi han", .term),
    ])

    /// Triggers that may stand a few words before their date: `hạn chót nộp hồ sơ là ngày …`, and the
    /// end of a submission window (`thời gian kết thúc nhận bài vào ngày …`, `hết hạn nhận hồ sơ ngày …`).
    package static let distantTriggers = FoldedPhraseTable<Trigger>([
        ("han chot", .term), ("han cuoi", .term), ("han nop", .term), ("thoi han nop", .term),
        ("thoi han hoan thanh", .term), ("thoi han gui", .term), ("thoi han bao cao", .term),
        ("ket thuc nhan", .term), ("ket thuc tiep nhan", .term), ("ket thuc thu nhan", .term), ("han nhan", .term),
        ("het han nhan", .term), ("het han nop", .term), ("het han dang ky", .term), ("ket thuc dang ky", .term),
    ])

    /// Right before `trong tháng …`: the month is when work must be done (`hoàn thành trong tháng 6/2020`).
    package static let withinActions = FoldedPhraseTable<Bool>([
        ("hoan thanh", true), ("hoan tat", true), ("xong", true), ("bao cao", true), ("gui", true), ("nop", true),
        ("trien khai", true), ("to chuc", true), ("thuc hien", true), ("ban hanh", true), ("tong hop", true),
        ("phai", true), ("can", true), ("de nghi", true), ("yeu cau", true), ("ket thuc", true),
    ])

    /// Words that contain an obligation word but do not ask for anything (`theo báo cáo`, `lập tức`).
    package static let notObligations = FoldedPhraseTable<Bool>([
        ("theo bao cao", true), ("bao cao cua", true), ("lap tuc", true), ("thuc hien boi", true),
        ("duoc thuc hien", true), ("da thuc hien", true), ("theo thong bao", true), ("duoc thong bao", true),
        // `Ban tổ chức chấm bài trong tháng 10`: the organising committee, not the verb `tổ chức`.
        ("ban to chuc", true),
    ])

    /// Words that may stand between a trigger and its date: `trước 17 giờ 00 ngày …`, `chậm nhất vào ngày …`.
    package static let fillers = FoldedPhraseTable<Bool>([
        ("vao", true), ("la", true), ("luc", true), ("gio", true), ("phut", true), ("h", true), ("g", true),
        ("sang", true), ("chieu", true), ("trua", true), ("toi", true), ("den", true),
        // `trước thứ Sáu, ngày 12/4/2024`
        ("thu hai", true), ("thu ba", true), ("thu tu", true), ("thu nam", true), ("thu sau", true), ("thu bay", true),
        ("chu nhat", true), ("thu 2", true), ("thu 3", true), ("thu 4", true), ("thu 5", true), ("thu 6", true),
        ("thu 7", true),
    ])

    /// The clause asks for something to be done: action verbs and modal words.
    package static let obligations = FoldedPhraseTable<Bool>([
        ("bao cao", true), ("gui", true), ("nop", true), ("hoan thanh", true), ("hoan tat", true),
        ("tong hop", true), ("dang ky", true), ("cong nhan", true), ("to chuc", true), ("trien khai", true),
        ("thuc hien", true), ("cung cap", true), ("xay dung", true), ("ket thuc", true),
        ("tra loi", true), ("phan hoi", true), ("de xuat", true), ("gioi thieu", true), ("so ket", true),
        ("tong ket", true), ("cap nhat", true), ("ra soat", true), ("kiem tra", true), ("xong", true),
        ("lap danh sach", true), ("lap ho so", true), ("lap bao cao", true), ("lap ke hoach", true),
        ("quyet toan", true), ("giai ngan", true), ("dieu chinh", true), ("bo sung", true), ("xin y kien", true),
        ("phai", true), ("can phai", true), ("yeu cau", true), ("de nghi", true), ("dam bao", true), ("duoc giao", true),
        ("chi dao", true), ("huong dan", true), ("ban hanh", true),
        // `Bộ thông báo chỉ tiêu … trước ngày …`, `công khai danh sách …`, `bàn giao cho … trước ngày …`
        ("thong bao", true), ("cong khai", true), ("ban giao", true),
    ])

    /// The verbs whose phrase is the deadline's action, longest first; `thực hiện` only when no other.
    package static let actions = FoldedPhraseTable<Int>([
        ("bao cao", 2), ("gui", 2), ("nop", 2), ("hoan thanh", 2), ("hoan tat", 2), ("tong hop", 2),
        ("dang ky", 2), ("cong nhan", 2), ("to chuc", 2), ("trien khai", 2), ("cung cap", 2),
        ("xay dung", 2), ("tra loi", 2), ("phan hoi", 2), ("de xuat", 2), ("gioi thieu", 2), ("so ket", 2),
        ("tong ket", 2), ("cap nhat", 2), ("ra soat", 2), ("kiem tra", 2), ("lap danh sach", 2), ("lap ho so", 2),
        ("lap bao cao", 2), ("lap ke hoach", 2), ("quyet toan", 2), ("thong bao", 2), ("cong khai", 2), ("ban giao", 2),
        ("dieu chinh", 2), ("bo sung", 2), ("thuc hien", 1),
    ])

    /// Right before `trước`: the date bounds a period of validity, it is not a deadline
    /// (`ký trước ngày …`, `ngay trước ngày …`).
    package static let boundaries = FoldedPhraseTable<Bool>([
        ("ky", true), ("cap", true), ("ban hanh", true), ("phat sinh", true), ("giao ket", true), ("thanh lap", true),
        ("hieu luc", true), ("sinh", true), ("da", true), ("ngay", true), ("duoc", true), ("nhu", true),
        ("tuyen dung", true), ("nghi huu", true), ("xay ra", true), ("dien ra", true), ("khoi cong", true),
        // `năm trước`, `tháng trước` (last year, last month; `trợ cấp hằng tháng trước ngày …` a cut-off),
        // but not after a report's name (`báo cáo năm trước ngày 15/01`: see `periodicReports`).
        ("it nhat", true), ("toi thieu", true), ("nam", false), ("thang", false), ("tuan", false), ("hom", true),
        ("tu", true), ("den", true),
    ])

    /// Before `năm`, `tháng`, `quý` ending in `trước ngày …`: the period names a report that is due
    /// (`báo cáo năm trước ngày 15/01`, `quyết toán năm trước ngày …`), not `last year`.
    package static let periodicReports = FoldedPhraseTable<Bool>([
        ("bao cao", true), ("ke hoach", true), ("tong ket", true), ("so ket", true), ("quyet toan", true),
        ("du toan", true), ("so lieu", true),
    ])

    /// Longer words that end in a boundary word but ask for an act: `đăng ký trước ngày …`.
    package static let notBoundaries = FoldedPhraseTable<Bool>([("dang ky", true), ("ky ket", true)])

    /// A few words before the trigger: the sentence tells what happened, not what must be done.
    /// `chưa … trước ngày` is a condition on what had not happened by then (`chưa xuất cảnh trước ngày …`).
    /// Each is read only as spelled here (`đa khoa`, `vua`, `chùa` fold alike; see `spellings`).
    package static let pastMarkers = FoldedPhraseTable<Bool>([("da", true), ("vua", true), ("tung", true), ("chua", true)])

    /// Short words that several spellings fold to: the one a rule means (`đã`, not `đa` of `đa khoa`;
    /// `cần`, not `căn` of `1.000 căn`). Lower-case, NFC. The receiving unit's reader
    /// (`UnitPhraseReader`) reads its stop and name words by the same table: `dựng` of `Bộ Xây dựng`
    /// folds like `đúng`, `vệ` of `Bảo vệ` like `về`, `thị` of `thị xã` like `thì`, `tình` of
    /// `tình hình` like `tỉnh`, `phương` like `phường`; and locality nouns of the unit lexicon that
    /// fold like common words: `bản` like `ban` (`ban hành`), `làng` like `lãng`, `buôn` like
    /// `buồn`, `sóc` like `sốc`, `xóm` like `xởm`.
    package static let spellings = FoldedSpellings([
        "da": ["đã"], "vua": ["vừa"], "tung": ["từng"], "chua": ["chưa"], "can": ["cần"], "phai": ["phải"],
        "gui": ["gửi"], "nop": ["nộp"],
        "dung": ["đúng"], "ve": ["về"], "thi": ["thì"], "co": ["có"], "de": ["để"], "do": ["do", "đó"],
        "den": ["đến"], "la": ["là"], "han": ["hạn"], "bang": ["bằng"], "cho": ["cho"], "nay": ["này"],
        "tinh": ["tỉnh"], "huyen": ["huyện"], "xa": ["xã"], "phuong": ["phường"], "quan": ["quận"],
        "to": ["tổ"], "ap": ["ấp"], "thon": ["thôn"], "cap": ["cấp"], "khoi": ["khối"], "dang": ["đảng"],
        "ban": ["bản"], "lang": ["làng"], "buon": ["buôn"], "soc": ["sóc"], "xom": ["xóm"],
        // `năm trước` (last year), not `Quảng Nam trước ngày …`, `Việt Nam trước ngày …`; nor `ông Thắng`, `anh Tuấn`.
        "nam": ["năm"], "thang": ["tháng"], "tuan": ["tuần"],
    ])

    /// Before the receiving unit. `qua` (an intermediary) only counts when no other is stated.
    package static let recipients = FoldedPhraseTable<Bool>([
        ("ve", true), ("gui", true), ("nop", true), ("nop ve", true), ("gui ve", true), ("bao cao", true),
        ("trinh", true), ("cho", true), ("den", true), ("toi", true), ("qua", false),
        // `nộp trực tiếp tại Học viện …`: where the papers are handed in receives them.
        ("nop tai", true),
    ])

    /// The words that open the line closing a list of report items and sending them (`Các báo cáo gửi về …`).
    package static let listClosings = FoldedPhraseTable<Bool>([
        ("cac bao cao", true), ("bao cao", true), ("cac bao cao tren", true), ("cac van ban", true),
    ])

    /// What a window for submissions takes, opening the sentence that sends it (`Ý kiến xin gửi về …`).
    package static let submittedThings = FoldedPhraseTable<Bool>([
        ("y kien", true), ("ho so", true), ("bai du thi", true), ("tac pham", true), ("bai viet", true),
        ("don", true), ("danh sach", true),
    ])

    /// Committees named by their role in an event (`Ban Tổ chức cuộc thi`): no receiving unit.
    package static let roleCommittees = FoldedPhraseTable<Bool>([
        ("ban to chuc", true), ("ban giam khao", true),
    ])

    /// The events a role committee serves (`Ban Tổ chức Hội thi`, `Ban Giám khảo cuộc thi`).
    package static let events = FoldedPhraseTable<Bool>([
        ("cuoc thi", true), ("hoi thi", true), ("ky thi", true), ("giai", true), ("hoi dien", true), ("lien hoan", true),
        ("le", true), ("chuong trinh", true), ("hoi nghi", true), ("dai hoi", true), ("hoi thao", true), ("trai", true),
    ])

    /// After a duration: what a relative deadline counts from; `sau khi` only after a strong trigger.
    package static let anchors = FoldedPhraseTable<Bool>([("ke tu", true), ("tinh tu", true), ("sau khi", false), ("sau", false)])

    /// Before a duration: a relative deadline; the strong ones (true) accept any anchor.
    package static let relativeTriggers = FoldedPhraseTable<Bool>([
        ("trong thoi han", true), ("trong vong", false), ("trong", false), ("cham nhat", true), ("khong qua", true),
        ("toi da", false), ("cham nhat la", true), ("thoi han", true),
    ])

    /// Words that end the anchor of a relative deadline.
    package static let anchorStops = FoldedPhraseTable<Bool>([("va", true), ("hoac", true), ("thi", true), ("phai", true)])
}
