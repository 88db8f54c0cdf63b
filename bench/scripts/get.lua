-- GET one invoice by id (BENCH_INVOICE_ID), over and over.
dofile(os.getenv("BENCH_SCRIPTS") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/v1/invoices/" .. os.getenv("BENCH_INVOICE_ID")
