-- POST one invoice per request, each with a unique invoice number (BENCH_RUN names the run).
dofile(os.getenv("BENCH_SCRIPTS") .. "/common.lua")
wrk.method = "POST"
wrk.path = (os.getenv("BENCH_PREFIX") or "") .. "/v1/invoices"
wrk.headers["Content-Type"] = "application/json"
local run = os.getenv("BENCH_RUN")
local originating = os.getenv("BENCH_ORIGINATING")
local receiving = os.getenv("BENCH_RECEIVING")
local counter = 0

function request()
  counter = counter + 1
  local body = string.format(
    '{"amount_cents":125000,"discount_amount_cents":2500,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01",' ..
    '"invoice_number":"%s-%d","note":"bench","originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}',
    run, counter, originating, receiving)
  return wrk.format(nil, nil, nil, body)
end
