-- wrk script: POST the body in $CCHC_BODY (a CheckRequest JSON file) to every request, with the Accept-Encoding in
-- $CCHC_ENCODING when set (the pane's browser asks for "gzip, deflate, br"), and count what came back.
local file = assert(io.open(os.getenv("CCHC_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
local encoding = os.getenv("CCHC_ENCODING")
if encoding ~= nil and encoding ~= "" then
  wrk.headers["Accept-Encoding"] = encoding
end
file:close()

done = function(summary, latency, requests)
  io.write(string.format("p50_ms\t%.2f\np90_ms\t%.2f\np99_ms\t%.2f\nmax_ms\t%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests\t%d\nrequests_per_s\t%.1f\n", summary.requests, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("socket_errors\t%d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("non_2xx\t%d\n", summary.errors.status))
end
