# wrk's script for a benchmark that POSTs one JSON body with an API key and counts only 200s:
# sourced by Benchmarks/drain.sh and Benchmarks/several-instances.sh.
#
#   wrk_post_lua KEY BODY > load.lua
#   wrk -t2 -c32 -d5s -s load.lua URL
#
# wrk then prints, last, one line: "wrk answers: N x 200, M other; socket errors: connect …,
# read …, write …, timeout …; R req/s (200s only), p99 P ms". A correct run has 0 other and no
# socket errors; the callers say what they expect (a drain refuses connections on purpose).
wrk_post_lua() {
  local key="$1" body="$2"
  cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
wrk.body = '$body'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; other = 0 end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local ok, other = 0, 0
  for _, t in ipairs(threads) do ok = ok + t:get("ok"); other = other + t:get("other") end
  local e = summary.errors
  io.write(string.format("wrk answers: %d x 200, %d other; socket errors: connect %d, read %d, write %d, timeout %d; %.0f req/s (200s only), p99 %.2f ms\n",
    ok, other, e.connect, e.read, e.write, e.timeout, ok / (summary.duration / 1e6), latency:percentile(99) / 1000))
end
LUA
}
