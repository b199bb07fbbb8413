import VanThuExtract
import VanThuStore
import VanThuText

/// The JSON beside every page. Shapes are described in `OpenAPI.document`.
enum API {
    static func search(_ o: SearchOutcome) -> [UInt8] {
        var w = JSONWriter()
        let p = o.parameters
        w.beginObject()
        w.key("query"); w.beginObject()
        w.field("q", p.q); w.field("kind", p.kind?.rawValue); w.field("year", p.year); w.field("from", p.from); w.field("to", p.to)
        w.field("unit", p.unit); w.field("field", p.field); w.field("deadline", p.deadline)
        w.endObject()
        w.field("total", o.total); w.field("page", p.page); w.field("size", p.size); w.field("pages", o.pages)
        w.field("first", o.first); w.field("last", o.last); w.field("cut", o.cut); w.field("note", o.note)
        w.field("url", URLText.with("/", p.parameters()))
        w.key("hits"); w.beginArray()
        for item in o.hits {
            let hit = item.hit
            w.beginObject()
            w.field("id", hit.id); w.field("title", hit.title); w.field("date", hit.date); w.field("kind", hit.kind); w.field("path", hit.path)
            w.field("snippet", hit.plainSnippet); w.field("matches", hit.matches); w.field("units", item.units); w.field("gone", hit.gone)
            w.field("url", "/documents/" + URLText.component(hit.id))
            w.endObject()
        }
        w.endArray()
        w.key("facets"); w.beginObject()
        func facet(_ name: String, _ values: [FacetCount], label: (String) -> String) {
            w.key(name); w.beginArray()
            for value in values {
                w.beginObject(); w.field("value", value.value); w.field("label", label(value.value)); w.field("count", value.count); w.endObject()
            }
            w.endArray()
        }
        facet("kind", o.facets.kinds, label: Labels.kind)
        facet("year", o.facets.years, label: { $0 })
        facet("unit", o.facets.units, label: { o.unitNames[$0] ?? $0 })
        facet("field", o.facets.fields, label: Labels.field)
        w.field("deadline", o.facets.withDeadline)
        w.endObject()
        w.endObject()
        return w.bytes
    }

    static func document(_ record: Record, digest: ArchiveDigest?, hasOriginal: Bool) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("record"); record.write(to: &w)
        w.key("links"); w.beginObject()
        w.field("page", "/documents/" + URLText.component(record.id))
        w.field("original", hasOriginal ? "/documents/\(URLText.component(record.id))/original" : nil)
        w.key("references"); w.beginArray()
        for reference in record.references {
            w.beginObject()
            w.field("id", reference.id)
            w.field("document", digest?.document(cited: reference, from: record.id))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        return w.bytes
    }

    static func units(_ digest: ArchiveDigest, filter: String?) -> [UInt8] {
        var keys = digest.unitOrder
        if let filter {
            let folded = VietnameseFolding.searchFold(filter)
            keys = keys.filter { key in digest.units[key]!.names.contains { VietnameseFolding.searchFold($0).contains(folded) } }
        }
        var w = JSONWriter()
        w.beginObject()
        w.field("total", keys.count)
        w.key("units"); w.beginArray()
        for key in keys.prefix(500) {
            let unit = digest.units[key]!
            w.beginObject()
            w.field("key", unit.key); w.field("name", unit.name); w.field("names", unit.names)
            w.field("documents", unit.documents.count); w.field("mentions", unit.mentions)
            w.field("url", "/units/" + URLText.component(unit.key))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func unit(_ unit: ArchiveDigest.Unit, digest: ArchiveDigest) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("key", unit.key); w.field("name", unit.name); w.field("names", unit.names); w.field("mentions", unit.mentions)
        w.key("documents"); w.beginArray()
        for id in unit.documents {
            let line = digest.documents[id]
            w.beginObject()
            w.field("id", id); w.field("title", line?.title); w.field("date", line?.date); w.field("kind", line?.kind.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("modelCounts"); w.beginArray()
        for (id, fact) in digest.modelCountsByUnit[unit.key] ?? [] {
            w.beginObject()
            w.field("document", id); w.field("count", fact.count); w.field("status", fact.status); w.field("year", fact.year)
            w.field("field", fact.field); w.field("text", fact.text)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func deadlines(_ digest: ArchiveDigest) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("today", digest.today)
        w.key("deadlines"); w.beginArray()
        for d in digest.deadlines {
            w.beginObject()
            w.field("due", d.due); w.field("next", d.next); w.field("recurrence", d.recurrence); w.field("text", d.text)
            w.field("action", d.action); w.field("to", d.to); w.field("document", d.documentId)
            w.field("title", digest.documents[d.documentId]?.title)
            w.field("upcoming", (d.next ?? "") >= digest.today)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func counts(_ digest: ArchiveDigest) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("counts"); w.beginArray()
        for cell in digest.counts {
            w.beginObject()
            w.field("year", cell.year.isEmpty ? nil : cell.year); w.field("status", cell.status); w.field("count", cell.count)
            w.field("facts", cell.facts); w.field("documents", cell.documents)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func error(_ problem: RequestProblem) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("error"); w.beginObject(); w.field("status", problem.status); w.field("message", problem.message); w.endObject()
        w.endObject()
        return w.bytes
    }
}
