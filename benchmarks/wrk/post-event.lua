-- One event per request, as the sample's clients send them.
wrk.method = "POST"
wrk.body = '{"type":"click","payload":"x"}'
wrk.headers["Content-Type"] = "application/json"
