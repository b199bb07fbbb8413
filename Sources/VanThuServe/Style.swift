/// The one style sheet (served at /style.css; no inline styles, so the CSP forbids them all).
enum Style {
    static let css = """
    :root { --ink: #1d232b; --muted: #5b6670; --line: #d8dee4; --accent: #0b5cab; --bg: #fbfbfa;
      --date: #d9ecff; --deadline: #ffd6cc; --unit: #e3f4dd; --count: #fff0b3; --reference: #ecdcff; --period: #d6f2f0; --person: #f1e4d6; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
    header.top { display: flex; gap: 1.5rem; align-items: baseline; padding: .6rem 1.2rem; background: #12324f; }
    header.top a { color: #fff; text-decoration: none; } header.top .brand { font-weight: 700; font-size: 1.2rem; }
    header.top nav a { margin-right: 1rem; opacity: .85; } header.top nav a[aria-current] { opacity: 1; border-bottom: 2px solid #fff; }
    main { padding: 1rem 1.2rem; max-width: 1200px; margin: 0 auto; }
    footer { padding: 1rem 1.2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
    a { color: var(--accent); }
    form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0 1rem; }
    form.search label { width: 100%; font-weight: 600; }
    form.search input[type=search] { flex: 1; min-width: 16rem; padding: .5rem .7rem; font-size: 1.05rem; border: 1px solid #9aa5b1; border-radius: 4px; }
    form.search button { padding: .5rem 1.2rem; font-size: 1rem; background: var(--accent); color: #fff; border: 0; border-radius: 4px; }
    .results { display: grid; grid-template-columns: 16rem 1fr; gap: 1.5rem; }
    @media (max-width: 760px) { .results, .document-layout { grid-template-columns: 1fr; } }
    .facets h2 { font-size: .95rem; margin: 1rem 0 .3rem; }
    .facets ul { list-style: none; margin: 0; padding: 0; }
    .facets li a { display: flex; justify-content: space-between; padding: .15rem .4rem; border-radius: 3px; text-decoration: none; color: var(--ink); }
    .facets li a:hover { background: #eef2f6; } .facets li a.selected { background: var(--accent); color: #fff; }
    .count { color: var(--muted); font-size: .85em; } a.selected .count { color: #fff; }
    .total { color: var(--muted); margin: .3rem 0 .8rem; }
    ol.hits { padding-left: 1.5rem; } li.hit { margin-bottom: 1.1rem; }
    li.hit h3 { margin: 0; font-size: 1.1rem; }
    .meta { margin: .2rem 0; color: var(--muted); font-size: .9rem; }
    .chip { display: inline-block; padding: 0 .45rem; border-radius: 999px; background: #e8edf2; color: var(--ink); font-size: .8rem; text-decoration: none; }
    .chip.kind-dispatch { background: #dbe8f7; } .chip.kind-news { background: #f6e7d8; } .chip.gone { background: #f7d4d4; }
    .snippet { margin: .2rem 0; } .snippet mark { background: #ffe27a; padding: 0 .1rem; }
    .path { margin: 0; color: var(--muted); font-size: .8rem; word-break: break-all; }
    .pager { margin: 1rem 0; display: flex; gap: 1rem; }
    .document-layout { display: grid; grid-template-columns: 1fr 20rem; gap: 1.5rem; }
    div.text { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1rem; border-radius: 4px; line-height: 1.6; }
    .f { border-radius: 2px; } .f-date { background: var(--date); } .f-deadline { background: var(--deadline); outline: 1px solid #e0735a; }
    .f-unit { background: var(--unit); } .f-count { background: var(--count); } .f-reference { background: var(--reference); }
    .f-period { background: var(--period); } .f-person { background: var(--person); }
    .legend .f { display: inline-block; padding: 0 .4rem; margin: 0 .3rem .3rem 0; font-size: .85rem; }
    aside.facts { font-size: .9rem; } aside.facts ul { padding-left: 1.1rem; } aside.facts h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
    table { border-collapse: collapse; margin: .5rem 0 1rem; }
    th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--line); }
    table.header th { width: 11rem; color: var(--muted); font-weight: 600; } caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .provenance td { word-break: break-all; }
    .download { display: inline-block; padding: .35rem .8rem; background: var(--accent); color: #fff; border-radius: 4px; text-decoration: none; }
    .chart svg { max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); }
    .chart .grid { stroke: #e4e8ec; } .chart .axis { font-size: 11px; fill: var(--muted); }
    .chart figcaption span { margin-right: .8rem; font-size: .85rem; }
    .problem { font-size: 1.05rem; } .note { color: #8a5a00; }
    """
}
