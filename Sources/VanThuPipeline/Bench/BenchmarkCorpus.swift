import Foundation

/// Builds benchmark corpora from real text: copies of the source documents, each made distinct
/// (so each is its own record), as plain text and as HTML pages with site chrome around them.
public struct BenchmarkCorpus {
    public var sources: [(name: String, text: String)]

    /// Reads the `.txt` files under `folders` (recursively).
    public init(folders: [URL]) {
        var sources: [(String, String)] = []
        for folder in folders {
            let listing = InputWalker(inputs: [.init(path: folder.path, include: ["**/*.txt"])]).list()
            for (file, _) in listing.files {
                guard let data = try? Data(contentsOf: file.url), let text = String(data: data, encoding: .utf8), !text.isEmpty else { continue }
                sources.append((file.relativePath, text))
            }
        }
        self.sources = sources
    }

    public var sourceBytes: Int { sources.reduce(0) { $0 + $1.text.utf8.count } }

    /// Writes copies of every source until at least `bytes` are written; returns (files, bytes).
    @discardableResult
    public func writeText(to folder: URL, bytes target: Int) throws -> (files: Int, bytes: Int) {
        try write(to: folder, bytes: target) { text, _ in Array(text.utf8) }
    }

    /// The same copies rendered as HTML pages: head, menu, the article in paragraphs, related
    /// links, counters and a footer.
    @discardableResult
    public func writeHTML(to folder: URL, bytes target: Int) throws -> (files: Int, bytes: Int) {
        try write(to: folder, bytes: target, extension: "html") { text, copy in Array(Self.page(text, copy: copy).utf8) }
    }

    /// Small distinct documents (a title and a few paragraphs of the sources), for re-run timing.
    @discardableResult
    public func writeSmall(to folder: URL, count: Int) throws -> (files: Int, bytes: Int) {
        let paragraphs = sources.flatMap { $0.text.split(separator: "\n").filter { $0.count > 120 } }.map(String.init)
        guard !paragraphs.isEmpty else { return (0, 0) }
        var bytes = 0
        for index in 0..<count {
            let body = (0..<3).map { paragraphs[(index * 3 + $0) % paragraphs.count] }.joined(separator: "\n")
            let text = "Tin số \(index)\n\(body)\n"
            let url = folder.appendingPathComponent(String(format: "%03d/%06d.txt", index / 1000, index))
            if index % 1000 == 0 { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
            let data = Data(text.utf8)
            try data.write(to: url)
            bytes += data.count
        }
        return (count, bytes)
    }

    /// Copies of real saved pages (every file under `pages`) until at least `bytes` are written,
    /// each made distinct by a comment after its markup; returns (files, bytes).
    @discardableResult
    public static func writePages(from pages: URL, to folder: URL, bytes target: Int) throws -> (files: Int, bytes: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).filter { !$0.hasPrefix(".") }.sorted()
        let originals = names.compactMap { name in (try? Data(contentsOf: pages.appendingPathComponent(name))).map { (name, $0) } }
        guard !originals.isEmpty else { return (0, 0) }
        var written = 0
        var files = 0
        var copy = 0
        while written < target {
            let copyFolder = folder.appendingPathComponent(String(format: "copy-%03d", copy))
            try FileManager.default.createDirectory(at: copyFolder, withIntermediateDirectories: true)
            for (name, data) in originals where written < target {
                var bytes = data
                bytes.append(Data("\n<!-- bản lưu số \(copy) -->\n".utf8))
                try bytes.write(to: copyFolder.appendingPathComponent(name))
                written += bytes.count
                files += 1
            }
            copy += 1
        }
        return (files, written)
    }

    private func write(to folder: URL, bytes target: Int, extension ext: String = "txt",
                       render: (String, Int) -> [UInt8]) throws -> (files: Int, bytes: Int) {
        guard !sources.isEmpty else { return (0, 0) }
        var written = 0
        var files = 0
        var copy = 0
        while written < target {
            let copyFolder = folder.appendingPathComponent(String(format: "copy-%03d", copy))
            for source in sources where written < target {
                let text = source.text + "\n\nBản lưu số \(copy) của \(source.name).\n"
                let bytes = render(text, copy)
                let name = (source.name as NSString).deletingPathExtension + "." + ext
                let url = copyFolder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
                written += bytes.count
                files += 1
            }
            copy += 1
        }
        return (files, written)
    }

    package static func page(_ text: String, copy: Int) -> String {
        func escape(_ s: Substring) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let title = lines.first.map(escape) ?? ""
        let body = lines.dropFirst().map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>\(title) - Cổng thông tin điện tử</title>
        <meta property="og:title" content="\(title.replacingOccurrences(of: "\"", with: "&quot;"))">
        <link rel="stylesheet" href="/style.css"><script>window.dataLayer = window.dataLayer || []; var copy = \(copy);</script>
        <style>body { font-family: sans-serif } .menu li { display: inline }</style></head>
        <body><header class="site-header"><div class="logo">Cổng thông tin</div>
        <ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></header>
        <div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc">Tin tức</a></div>
        <div class="main"><article class="detail"><h1>\(title)</h1>
        \(body)
        </article>
        <div class="share-bar">Chia sẻ: Facebook | Zalo | In bài</div>
        <div class="related-news"><h3>Tin liên quan</h3><ul><li><a href="/a">Bài viết khác ngày 1/1/2020</a></li><li><a href="/b">Hội nghị tổng kết</a></li></ul></div>
        </div><div class="sidebar"><div class="counter">Đang online: 12 · Hôm nay: 345 · Tất cả: 1.234.567</div></div>
        <footer><p>Cơ quan chủ quản: Ủy ban nhân dân</p><p>Điện thoại: 0275 3822 115 · Email: lienhe@example.vn</p></footer>
        </body></html>
        """
    }
}
