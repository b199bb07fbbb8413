-- wrk script for tools/serve-load: every request a search not made before in the run (three
-- words from a list, a combination that does not repeat), so the response cache never answers:
-- the figures are the store's search, facets and page.
local words = {
  "dan", "van", "kheo", "mo", "hinh", "bao", "cao", "uy", "ban", "nhan", "nong", "thon", "moi", "thi", "dua",
  "hoi", "chuyen", "doi", "so", "an", "ninh", "trat", "tu", "hiem", "xa", "giao", "duc", "ke", "hoach", "nghi",
  "dinh", "quyet", "tinh", "huyen", "phuong", "cong", "tac", "phat", "trien", "kinh", "te", "hoa",
}
local n = #words
local count = 0
setup = function(thread)
  thread:set("offset", count * 40009)
  count = count + 1
end
local i = 0
request = function()
  i = i + 1
  local k = (i + (offset or 0)) % (n * n * n)
  local a, b, c = k % n + 1, math.floor(k / n) % n + 1, math.floor(k / (n * n)) % n + 1
  return wrk.format("GET", "/api/search?q=" .. words[a] .. "+" .. words[b] .. "+" .. words[c])
end
