-- wrk script for Babillard's benchmark (docs/benchmarks.md). Environment:
--   BENCH_ID       the figure's name in the results
--   BENCH_RESULTS  the results file (one JSON line appended per run)
--   BENCH_TOKENS   optional: a file of "username token" lines; each request carries the bearer token of one of
--                  the first BENCH_READERS readers, chosen at random (many readers, as in real use)
--   BENCH_METHOD   GET (default) or POST; a POST sends BENCH_BODY (form-encoded) with a counter appended
--   BENCH_PATHS    optional: paths separated by "|", one chosen at random per request (else the URL's path)
local tokens = {}
local paths = nil
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local counter = 0
local thread_id = 0

function setup(thread)
   thread_id = thread_id + 1
   thread:set("tid", thread_id)
end

function init(args)
   local file = os.getenv("BENCH_TOKENS")
   local readers = tonumber(os.getenv("BENCH_READERS") or "500")
   if file and file ~= "" then
      for line in io.lines(file) do
         local token = line:match("^%S+%s+(%S+)")
         if token then
            tokens[#tokens + 1] = token
            if #tokens >= readers then break end
         end
      end
   end
   local p = os.getenv("BENCH_PATHS")
   if p and p ~= "" then
      paths = {}
      for path in p:gmatch("[^|]+") do paths[#paths + 1] = path end
   end
   math.randomseed(os.time() + (tid or 0) * 7919)
end

function request()
   local headers = {}
   if #tokens > 0 then
      headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
   end
   local path = nil
   if paths then path = paths[math.random(#paths)] end
   if method == "POST" then
      counter = counter + 1
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      return wrk.format("POST", path, headers, (body or "status=bench") .. "+" .. (tid or 0) .. "-" .. counter)
   end
   return wrk.format(method, path, headers)
end

function done(summary, latency, requests)
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                  + summary.errors.status + summary.errors.timeout
   local seconds = summary.duration / 1e6
   local line = string.format(
      '{"id":"%s","clients":%d,"count":%d,"errors":%d,"seconds":%.3f,"rps":%.2f,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
      os.getenv("BENCH_ID") or "wrk", tonumber(os.getenv("BENCH_CLIENTS") or "0"), summary.requests, errors, seconds,
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000)
   io.write(line)
   local out = os.getenv("BENCH_RESULTS")
   if out then
      local f = io.open(out, "a")
      f:write(line)
      f:close()
   end
end
