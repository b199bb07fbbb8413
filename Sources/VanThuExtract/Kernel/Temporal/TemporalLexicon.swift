/// Keyword tables of the temporal rules, one table per family, all in folded form (lower-case ASCII,
/// no diacritics, đ → d). See `FoldedText`.
package enum TemporalLexicon {
    /// Words before a number (read backwards from the number).
    package static let cues = FoldedPhraseTable<TemporalCue>([
        ("ngay", .day), ("mung", .day), ("mong", .day), ("hom", .day),
        ("thang", .month),
        ("nam", .year), ("nam tai chinh", .year), ("nam ngan sach", .year),
        ("quy", .quarter),
        ("sang", .timeOfDay), ("chieu", .timeOfDay), ("toi", .timeOfDay), ("trua", .timeOfDay),
        ("dem", .timeOfDay), ("khuya", .timeOfDay), ("rang sang", .timeOfDay), ("sang som", .timeOfDay),
        ("thu hai", .weekday), ("thu ba", .weekday), ("thu tu", .weekday), ("thu nam", .weekday),
        ("thu sau", .weekday), ("thu bay", .weekday), ("chu nhat", .weekday),
        ("thu 2", .weekday), ("thu 3", .weekday), ("thu 4", .weekday), ("thu 5", .weekday),
        ("thu 6", .weekday), ("thu 7", .weekday), ("cn", .weekday),
        ("t2", .weekday), ("t3", .weekday), ("t4", .weekday), ("t5", .weekday), ("t6", .weekday), ("t7", .weekday),
        ("dip", .occasion), ("le", .occasion), ("ky niem", .occasion),
        ("giai doan", .span), ("nhiem ky", .span), ("thoi ky", .span), ("nien khoa", .span),
        ("nam hoc", .span), ("nien hoc", .span), ("khoa hoc", .span), ("nien do", .span), ("mua giai", .span),
        ("tu", .from), ("ke tu", .from), ("bat dau tu", .from),
        ("den", .until), ("truoc", .until), ("den het", .until), ("cho den", .until),
        ("date", .metadata),
        ("so", .number), ("so hieu", .number), ("ma so", .number), ("thieu so", .none), ("da so", .none),
    ])

    /// After a year-less day: the day recurs.
    package static let recurrences = FoldedPhraseTable<TemporalMention.Recurrence>([
        ("hang nam", .yearly), ("moi nam", .yearly), ("cua hang nam", .yearly), ("cac nam", .yearly),
        ("hang thang", .monthly), ("moi thang", .monthly), ("cua hang thang", .monthly), ("cac thang", .monthly),
    ])

    /// After a deadline's day: the month is one of a cycle, so the deadline recurs monthly (`trước ngày
    /// 10 của tháng sau`, `ngày 5 tháng tiếp theo`). Not `tháng cuối quý` (quarterly: not scored).
    package static let cycleMonths = FoldedPhraseTable<Bool>([
        ("thang sau", true), ("cua thang sau", true), ("thang tiep theo", true), ("cua thang tiep theo", true),
        ("thang ke tiep", true), ("cua thang ke tiep", true), ("thang lien ke", true),
    ])

    /// A year written as a word after `năm`, relative to the document's year.
    package static let relativeYears = FoldedPhraseTable<Int>([
        ("nay", 0), ("ngoai", -1), ("truoc", -1), ("sau", 1), ("toi", 1), ("ke tiep", 1), ("tiep theo", 1),
        ("bao cao", 0), ("lien ke", 0),
    ])

    /// After a deadline's day and month: the year is one of a cycle, so the deadline recurs yearly
    /// (`trước ngày 31/01 năm sau`, `trước ngày 15/3 của năm báo cáo`, `… của năm liền kề`). `true`:
    /// yearly wherever it stands; `false`: only after a deadline trigger (`năm sau` alone may be next
    /// year: `Năm sau, ngày 2/9 sẽ …`). Not: `năm nay`, `năm ngoái` (a fixed year).
    package static let cycleYears = FoldedPhraseTable<Bool>([
        ("nam bao cao", true), ("nam lien ke", true), ("nam sau", false), ("nam tiep theo", false), ("nam ke tiep", false),
    ])

    /// Earlier in a deadline's paragraph: the rule stands every year, so a year-less deadline recurs
    /// (`Hằng năm, các đơn vị … Báo cáo gửi … trước ngày 25/6`; `định kỳ báo cáo … trước ngày 15/12`).
    /// A year named in between (`năm 2024`, `năm nay`) anchors the deadline in that year instead.
    /// `false` rows: a year named after the rule (`Năm nay, …`, `Riêng năm 2024, …`) anchors what follows.
    package static let standingRules = FoldedPhraseTable<Bool>([
        ("nam nay", false), ("rieng nam", false), ("nam ngoai", false), ("nam toi", false),
        ("hang nam", true), ("moi nam", true), ("dinh ky", true), ("thuong nien", true),
        // A report of the year just ended is one of every year (`Báo cáo … của năm liền kề gửi … trước ngày 20/01`).
        ("nam lien ke", true), ("nam bao cao", true),
        // `định kỳ hằng tháng`, `định kỳ hằng quý`: not yearly.
        ("dinh ky hang thang", false), ("dinh ky hang quy", false), ("dinh ky hang tuan", false), ("dinh ky thang", false),
        ("dinh ky quy", false), ("dinh ky tuan", false),
    ])

    /// Right before `năm YYYY`: a part of the year, not the year itself (`6 tháng đầu năm 2024`,
    /// `cuối năm 2023`, `nửa cuối năm 2022`). Not: `trong năm 2024`, `đến năm 2025`.
    package static let yearParts = FoldedPhraseTable<Bool>([
        ("dau", true), ("cuoi", true), ("giua", true), ("nua dau", true), ("nua cuoi", true),
    ])

    /// After a year: the span runs on to now (`từ năm 2009 đến nay`), so the year is not a year of its own.
    /// Not: `từ năm 2009 đến năm 2015` (a period), `năm 2009 nay đã …` (no `đến`).
    package static let openEnds = FoldedPhraseTable<Bool>([
        ("den nay", true), ("toi nay", true), ("den hien nay", true), ("cho den nay", true), ("cho toi nay", true),
        ("den thoi diem nay", true),
    ])

    /// Right before a bare four-digit number: it counts or measures, it is no year (`có 2015`, `là 2020`,
    /// `hơn 1990`). A year after a name (`Nông dân tiêu biểu 2019`) is not in the table.
    package static let notBeforeBareYear = FoldedPhraseTable<Bool>([
        ("co", true), ("la", true), ("gom", true), ("dat", true), ("tong", true), ("tong so", true), ("voi", true),
        ("khoang", true), ("hon", true), ("gan", true), ("tren", true), ("duoi", true), ("tu", true), ("den", true),
        ("so", true), ("con", true), ("thu", true), ("muc", true), ("gia", true), ("len", true), ("xuong", true),
        ("tang", true), ("giam", true), ("bang", true), ("chi", true), ("them", true), ("toi", true), ("ma", true),
        ("phong", true), ("diem", true), ("tai", true), ("ngay", true), ("thang", true), ("trong", true), ("sau", true),
        ("truoc", true), ("x", true), ("va", true), ("hoac", true), ("cac", true), ("nhung", true), ("moi", true),
        ("duong", true), ("pho", true), ("hotline", true), ("tong dai", true), ("lo", true), ("kho", true),
        ("thap nien", true), ("the ky", true),
        // Words that end in `số` (folded like the number word) but name a group: `dân tộc thiểu số 2018`.
        ("thieu so", false), ("da so", false),
    ])

    /// After a month: the month is a lunar one, not a calendar date.
    package static let lunar = FoldedPhraseTable<Bool>([("am lich", true), ("al", true), ("am", true)])

    /// Between two mentions: they are one range or list, so the first may borrow the second's year.
    package static let connectors = FoldedPhraseTable<Bool>([
        ("den", true), ("toi", true), ("cho den", true), ("den het", true), ("va", false), ("hoac", false),
    ])

    /// After a bare `YYYY-YYYY`: the numbers count things, they are not years.
    package static let countUnits = FoldedPhraseTable<Bool>([
        ("ho", true), ("nguoi", true), ("dong", true), ("trieu", true), ("ty", true), ("nghin", true),
        ("ngan", true), ("km", true), ("kg", true), ("tan", true), ("ha", true), ("m", true), ("con", true),
        ("chiec", true), ("usd", true), ("vnd", true), ("lao dong", true), ("hoc sinh", true), ("trang", true),
        ("so", true), ("m2", true), ("cm", true), ("mm", true), ("lit", true), ("phong", true), ("can", true),
    ])

    /// After a number: the number counts a duration (`15 ngày`), for relative deadlines.
    package static let durationUnits = FoldedPhraseTable<Bool>([
        ("ngay", true), ("ngay lam viec", true), ("thang", true), ("tuan", true), ("gio", true), ("nam", true),
    ])
}
