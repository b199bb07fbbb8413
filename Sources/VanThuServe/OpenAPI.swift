/// The OpenAPI 3.0 description of the JSON API, served at `/openapi.json`. A test validates real
/// responses against it, and a request fuzzer (schemathesis) reads it.
enum OpenAPI {
    static let document = #"""
    {
      "openapi": "3.0.3",
      "info": {"title": "VanThu archive API", "version": "1.0.0",
               "description": "Read-only JSON over a VanThu archive: search, documents, units, deadlines and model counts. Every page of the web interface has its JSON twin here."},
      "paths": {
        "/api/search": {
          "get": {
            "operationId": "search",
            "summary": "Search the archive (diacritics optional, \"phrases\" in quotes) with facets and paging. Without words or filters, or past 1000 hits deep, the page is empty and `note` says why.",
            "parameters": [
              {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 2048}, "description": "Words and \"quoted phrases\"."},
              {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["dispatch", "news", "unknown"]}},
              {"name": "year", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}$"}},
              {"name": "from", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}},
              {"name": "to", "in": "query", "schema": {"type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"}},
              {"name": "unit", "in": "query", "schema": {"type": "string", "maxLength": 300}},
              {"name": "field", "in": "query", "schema": {"type": "string", "enum": ["economy", "culture-society", "defense-security", "politics"]}},
              {"name": "deadline", "in": "query", "schema": {"type": "string", "enum": ["1", "true", "0", "false"]}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
              {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
            ],
            "responses": {
              "200": {"description": "One page of hits, the total and the facets.",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "503": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/documents/{id}": {
          "get": {
            "operationId": "document",
            "summary": "One archived record, as the archive holds it, with links.",
            "parameters": [{"name": "id", "in": "path", "required": true,
                            "description": "The document's id (16 hexadecimal digits), or a prefix of at least 4 that only it starts with.",
                            "schema": {"type": "string", "pattern": "^[0-9a-fA-F]{4,64}$"}}],
            "responses": {
              "200": {"description": "The record.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/units": {
          "get": {
            "operationId": "units",
            "summary": "The unit registry, the most documented first (500 at most; q filters by name).",
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 300}}],
            "responses": {
              "200": {"description": "Units.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UnitList"}}}},
              "400": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/units/{key}": {
          "get": {
            "operationId": "unit",
            "summary": "One unit: its names, its documents and the model counts that name it.",
            "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The unit.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"}}}},
              "400": {"$ref": "#/components/responses/Problem"},
              "404": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/deadlines": {
          "get": {
            "operationId": "deadlines",
            "summary": "Every deadline, by the next date it falls on.",
            "responses": {
              "200": {"description": "Deadlines.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deadlines"}}}},
              "400": {"$ref": "#/components/responses/Problem"}
            }
          }
        },
        "/api/counts": {
          "get": {
            "operationId": "counts",
            "summary": "Exact model counts summed by year and status.",
            "responses": {
              "200": {"description": "Counts.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Counts"}}}},
              "400": {"$ref": "#/components/responses/Problem"}
            }
          }
        }
      },
      "components": {
        "responses": {
          "Problem": {"description": "The request was refused; the message says why.",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {
            "type": "object", "required": ["error"], "additionalProperties": false,
            "properties": {"error": {"type": "object", "required": ["status", "message"], "additionalProperties": false,
                                     "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}
          },
          "Facet": {
            "type": "object", "required": ["value", "label", "count"], "additionalProperties": false,
            "properties": {"value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer", "minimum": 0}}
          },
          "Hit": {
            "type": "object", "required": ["id", "title", "date", "kind", "path", "snippet", "matches", "units", "gone", "url"],
            "additionalProperties": false,
            "properties": {
              "id": {"type": "string"}, "title": {"type": "string", "nullable": true}, "date": {"type": "string", "nullable": true},
              "kind": {"type": "string", "enum": ["dispatch", "news", "unknown"]}, "path": {"type": "string"},
              "snippet": {"type": "string"}, "matches": {"type": "array", "items": {"type": "string"}},
              "units": {"type": "array", "items": {"type": "string"}}, "gone": {"type": "boolean"}, "url": {"type": "string"}
            }
          },
          "SearchResult": {
            "type": "object", "additionalProperties": false,
            "required": ["query", "total", "page", "size", "pages", "first", "last", "cut", "note", "url", "hits", "facets"],
            "properties": {
              "query": {"type": "object", "additionalProperties": false,
                        "required": ["q", "kind", "year", "from", "to", "unit", "field", "deadline"],
                        "properties": {"q": {"type": "string", "nullable": true}, "kind": {"type": "string", "nullable": true},
                                       "year": {"type": "string", "nullable": true}, "from": {"type": "string", "nullable": true},
                                       "to": {"type": "string", "nullable": true}, "unit": {"type": "string", "nullable": true},
                                       "field": {"type": "string", "nullable": true}, "deadline": {"type": "boolean"}}},
              "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer", "minimum": 1}, "size": {"type": "integer", "minimum": 1},
              "pages": {"type": "integer", "minimum": 0}, "first": {"type": "integer", "minimum": 0}, "last": {"type": "integer", "minimum": 0},
              "cut": {"type": "boolean"}, "note": {"type": "string", "nullable": true}, "url": {"type": "string"},
              "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
              "facets": {"type": "object", "additionalProperties": false, "required": ["kind", "year", "unit", "field", "deadline"],
                         "properties": {"kind": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                        "year": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                        "unit": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                        "field": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                        "deadline": {"type": "integer", "minimum": 0}}}
            }
          },
          "Document": {
            "type": "object", "required": ["record", "links"], "additionalProperties": false,
            "properties": {
              "record": {"type": "object", "required": ["id", "source", "kind", "text"],
                         "properties": {"id": {"type": "string"}, "kind": {"type": "string"}, "text": {"type": "string"},
                                        "title": {"type": "string", "nullable": true}, "date": {"type": "string", "nullable": true},
                                        "source": {"type": "object", "required": ["path", "sha256", "bytes", "format", "encoding"]}}},
              "links": {"type": "object", "required": ["page", "original", "references"], "additionalProperties": false,
                        "properties": {"page": {"type": "string"}, "original": {"type": "string", "nullable": true},
                                       "references": {"type": "array", "items": {"type": "object", "required": ["id", "document"],
                                         "properties": {"id": {"type": "string"}, "document": {"type": "string", "nullable": true}}}}}}
            }
          },
          "UnitSummary": {
            "type": "object", "required": ["key", "name", "names", "documents", "mentions", "url"], "additionalProperties": false,
            "properties": {"key": {"type": "string"}, "name": {"type": "string"}, "names": {"type": "array", "items": {"type": "string"}},
                           "documents": {"type": "integer", "minimum": 0}, "mentions": {"type": "integer", "minimum": 0}, "url": {"type": "string"}}
          },
          "UnitList": {
            "type": "object", "required": ["total", "units"], "additionalProperties": false,
            "properties": {"total": {"type": "integer", "minimum": 0}, "units": {"type": "array", "items": {"$ref": "#/components/schemas/UnitSummary"}}}
          },
          "Unit": {
            "type": "object", "required": ["key", "name", "names", "mentions", "documents", "modelCounts"], "additionalProperties": false,
            "properties": {
              "key": {"type": "string"}, "name": {"type": "string"}, "names": {"type": "array", "items": {"type": "string"}},
              "mentions": {"type": "integer"},
              "documents": {"type": "array", "items": {"type": "object", "required": ["id", "title", "date", "kind"],
                "properties": {"id": {"type": "string"}, "title": {"type": "string", "nullable": true},
                               "date": {"type": "string", "nullable": true}, "kind": {"type": "string", "nullable": true}}}},
              "modelCounts": {"type": "array", "items": {"type": "object", "required": ["document", "count", "status", "year", "field", "text"],
                "properties": {"document": {"type": "string"}, "count": {"type": "integer", "nullable": true}, "status": {"type": "string"},
                               "year": {"type": "integer", "nullable": true}, "field": {"type": "string", "nullable": true}, "text": {"type": "string"}}}}
            }
          },
          "Deadlines": {
            "type": "object", "required": ["today", "deadlines"], "additionalProperties": false,
            "properties": {
              "today": {"type": "string"},
              "deadlines": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                "required": ["due", "next", "recurrence", "text", "action", "to", "document", "title", "upcoming"],
                "properties": {"due": {"type": "string", "nullable": true}, "next": {"type": "string", "nullable": true},
                               "recurrence": {"type": "string", "nullable": true}, "text": {"type": "string"},
                               "action": {"type": "string", "nullable": true}, "to": {"type": "string", "nullable": true},
                               "document": {"type": "string"}, "title": {"type": "string", "nullable": true}, "upcoming": {"type": "boolean"}}}}
            }
          },
          "Counts": {
            "type": "object", "required": ["counts"], "additionalProperties": false,
            "properties": {"counts": {"type": "array", "items": {"type": "object", "additionalProperties": false,
              "required": ["year", "status", "count", "facts", "documents"],
              "properties": {"year": {"type": "string", "nullable": true}, "status": {"type": "string"}, "count": {"type": "integer"},
                             "facts": {"type": "integer"}, "documents": {"type": "integer"}}}}}
          }
        }
      }
    }
    """#
}
