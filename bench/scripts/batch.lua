-- POST /v1/invoices/batch with 1000 invoices per request, every number unique (BENCH_RUN names the run).
dofile(os.getenv("BENCH_SCRIPTS") .. "/common.lua")
wrk.method = "POST"
wrk.path = (os.getenv("BENCH_PREFIX") or "") .. "/v1/invoices/batch"
wrk.headers["Content-Type"] = "application/json"
local run = os.getenv("BENCH_RUN")
local originating = os.getenv("BENCH_ORIGINATING")
local receiving = os.getenv("BENCH_RECEIVING")
local counter = 0

function request()
  local items = {}
  for i = 1, 1000 do
    counter = counter + 1
    items[i] = string.format(
      '{"amount_cents":125000,"discount_amount_cents":2500,"currency":"eur","invoice_date":"2026-11-01","invoice_due_date":"2026-12-01",' ..
      '"invoice_number":"%s-%d","note":"bench","originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}',
      run, counter, originating, receiving)
  end
  return wrk.format(nil, nil, nil, "[" .. table.concat(items, ",") .. "]")
end
