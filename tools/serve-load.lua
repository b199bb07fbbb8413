-- wrk script for tools/serve-load: each request a different search from a fixed list (words with
-- and without diacritics, phrases, facets, pages), so the figures are not one cached query.
local queries = {
  "/api/search?q=dan+van+kheo", "/api/search?q=m%C3%B4+h%C3%ACnh", "/api/search?q=%22mo+hinh%22&kind=news",
  "/api/search?q=bao+cao&year=2024", "/api/search?q=uy+ban+nhan+dan&page=2", "/api/search?q=nong+thon+moi",
  "/api/search?q=thi+dua&deadline=1", "/api/search?q=hoi+nong+dan", "/api/search?q=chuyen+doi+so",
  "/api/search?q=an+ninh+trat+tu", "/api/search?q=bao+hiem+xa+hoi", "/api/search?q=giao+duc&size=10",
  "/?q=dan+van+kheo", "/?q=mo+hinh&kind=dispatch", "/?q=ke+hoach", "/?q=nghi+dinh",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
