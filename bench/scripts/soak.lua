-- The soak's mixed traffic (bench/soak.sh, bench/README.md "Soak"). One wrk thread, many connections.
--
-- Each request is one "kind" with the status (and the words of the body) it must get. The kind travels in the
-- request's own Request-Id header ("<run>-<kind>-<n>"), which the service echoes (§1), so response() knows which
-- request an answer belongs to whatever connection it came back on; an answer without it counts as unexpected.
-- Pacing (SOAK_RATE requests/s, 0 = as fast as the connections go) is one global schedule in delay(), read from
-- CLOCK_MONOTONIC through LuaJIT's FFI (wrk has no millisecond clock of its own).
--
-- Environment: SOAK_KEY, SOAK_ORIGINATING, SOAK_RECEIVING, SOAK_PAID_ID (a paid invoice), SOAK_DUP_NUMBER (a number
-- already stored for SOAK_ORIGINATING), SOAK_IDEM_KEY + SOAK_IDEM_BODY (an Idempotency-Key already used with that
-- body), SOAK_RUN (unique per wrk run, "s<digits>-<letters>": prefixes invoice numbers and request ids), SOAK_RATE,
-- SOAK_SEED.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clock_id, soak_timespec *tp);
]]
local clock = ffi.new("soak_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local key = os.getenv("SOAK_KEY")
local originating = os.getenv("SOAK_ORIGINATING")
local receiving = os.getenv("SOAK_RECEIVING")
local paid_id = os.getenv("SOAK_PAID_ID")
local dup_number = os.getenv("SOAK_DUP_NUMBER")
local idem_key = os.getenv("SOAK_IDEM_KEY")
local idem_body = os.getenv("SOAK_IDEM_BODY")
local run = os.getenv("SOAK_RUN")
local rate = tonumber(os.getenv("SOAK_RATE") or "0")
math.randomseed(tonumber(os.getenv("SOAK_SEED") or "1"))

-- kind → weight (per mille of requests), expected status, words the body must contain.
-- Order matters only for the printout.
local kinds = {
  { name = "get",              weight = 250, status = 200, body = { '"object":"invoice"' } },
  { name = "list",             weight = 130, status = 200, body = { '"object":"list"', '"has_more":' } },
  { name = "create",           weight = 150, status = 201, body = { '"object":"invoice"', '"status":"open"' } },
  { name = "batch",            weight = 15,  status = 201, body = { '"object":"invoice"' } },
  { name = "pay",              weight = 60,  status = 200, body = { '"status":"paid"' } },
  { name = "void",             weight = 40,  status = 200, body = { '"status":"void"' } },
  { name = "conflict",         weight = 30,  status = 409, body = { '"code":"invoice_state_conflict"' } },
  { name = "counterparty",     weight = 30,  status = 200, body = { '"object":"counterparty"' } },
  { name = "cp_create",        weight = 10,  status = 201, body = { '"object":"counterparty"' } },
  { name = "events",           weight = 20,  status = 200, body = { '"object":"list"' } },
  { name = "idem_replay",      weight = 20,  status = 201, body = { '"object":"invoice"' } },
  { name = "idem_mismatch",    weight = 10,  status = 422, body = { '"code":"idempotency_key_reused"' } },
  { name = "unknown_id",       weight = 40,  status = 404, body = { '"code":"invoice_not_found"' } },
  { name = "unknown_cp",       weight = 10,  status = 404, body = { '"code":"counterparty_not_found"' } },
  { name = "bad_json",         weight = 30,  status = 400, body = { '"code":"invalid_request"' } },
  { name = "missing_fields",   weight = 30,  status = 400, body = { '"code":"invalid_request"', '"code":"required"' } },
  { name = "wrong_types",      weight = 20,  status = 400, body = { '"code":"invalid_request"', '"code":"invalid"' } },
  { name = "duplicate",        weight = 20,  status = 400, body = { '"code":"invalid_request"', '"code":"unique"' } },
  { name = "batch_invalid",    weight = 5,   status = 400, body = { '"code":"invalid_request"', '"items":[' } },
  { name = "bad_query",        weight = 10,  status = 400, body = { '"code":"invalid_request"' } },
  { name = "wrong_key",        weight = 40,  status = 401, body = { '"code":"unauthorized"' } },
  { name = "media_type",       weight = 10,  status = 415, body = { '"code":"unsupported_media_type"' } },
  { name = "no_route",         weight = 5,   status = 404, body = { '"code":"route_not_found"' } },
  { name = "bad_method",       weight = 5,   status = 405, body = { '"code":"method_not_allowed"' } },
  { name = "too_large",        weight = 2,   status = 413, body = { '"code":"payload_too_large"' } },
}
local by_name, wheel = {}, {}
for _, k in ipairs(kinds) do
  by_name[k.name] = k
  for _ = 1, k.weight do wheel[#wheel + 1] = k.name end
end

-- State of this thread (wrk copies the tables out in done()).
counts = {}      -- "kind status" → n (flat: wrk's thread:get cannot copy nested tables)
unexpected = {}  -- kind → n
samples = {}     -- the first unexpected answers, for the printout
sent = {}        -- kind → requests sent (those without an answer when wrk stops were still in flight)
stored = { invoices = 0, paid = 0, voided = 0, counterparties = 0 } -- what the 2xx answers say was written
local known, known_next, known_max = {}, 1, 5000 -- ids of stored invoices (ring) for GET and cursors
local open, open_head, open_tail = {}, 1, 0       -- ids of open invoices (queue) for pay/void
local counter = 0

local function remember(id)
  known[known_next] = id
  known_next = known_next % known_max + 1
end
local function any_known() return known[math.random(#known)] or paid_id end
local function push_open(id)
  if open_tail - open_head < 20000 then open_tail = open_tail + 1; open[open_tail] = id end
end
local function pop_open()
  if open_head > open_tail then return nil end
  local id = open[open_head]; open[open_head] = nil; open_head = open_head + 1
  return id
end

local function uuid4()
  return string.format("%08x-%04x-4%03x-%04x-%04x%08x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), math.random(0, 0x7fffffff))
end
local base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
local function random_key()
  local t = {}
  for i = 1, 32 do local j = math.random(62); t[i] = base62:sub(j, j) end
  return "sk_test_" .. table.concat(t)
end

local function invoice(number, day)
  return string.format(
    '{"amount_cents":%d,"discount_amount_cents":250,"currency":"eur","invoice_date":"2026-11-%02d","invoice_due_date":"2026-12-28",' ..
    '"invoice_number":"%s","note":"soak","originating_counterparty_id":"%s","receiving_counterparty_id":"%s"}',
    1000 + counter % 100000, day, number, originating, receiving)
end
local function next_number(tag) return string.format("%s-%s-%d", run, tag, counter) end

local function headers(kind, extra)
  local h = { ["Authorization"] = "Bearer " .. key, ["Request-Id"] = string.format("%s-%s-%d", run, kind, counter) }
  for name, value in pairs(extra or {}) do h[name] = value end
  return h
end
local json = { ["Content-Type"] = "application/json" }

local list_paths = {
  function() return "/v1/invoices?limit=10" end,
  function() return "/v1/invoices?limit=100&starting_after=" .. any_known() end,
  function() return "/v1/invoices?status=open&limit=20" end,
  function() return "/v1/invoices?status=paid&limit=5" end,
  function() return "/v1/invoices?originating_counterparty_id=" .. originating .. "&limit=10&ending_before=" .. any_known() end,
  function() return "/v1/invoices?receiving_counterparty_id=" .. receiving .. "&limit=25" end,
  function() return string.format("/v1/invoices?invoice_date%%5Bgte%%5D=2026-11-%02d&invoice_date%%5Blte%%5D=2026-11-28&limit=10", math.random(1, 28)) end,
  function() return "/v1/counterparties?limit=10" end,
}
local bad_queries = {
  "/v1/invoices?limit=0", "/v1/invoices?limit=abc", "/v1/invoices?status=lost",
  "/v1/invoices?starting_after=not-a-uuid", "/v1/invoices?invoice_date%5Bgte%5D=2026-13-45",
}
local bad_json_bodies = { '{"amount_cents":', "not json at all", '{"amount_cents":1000,}', "[1,2", '{"a":"\\x"}' }
local large_body = '{"note":"' .. string.rep("x", 1100000) .. '"}'

local builders = {
  get = function(k) return wrk.format("GET", "/v1/invoices/" .. any_known(), headers(k)) end,
  list = function(k) return wrk.format("GET", list_paths[math.random(#list_paths)](), headers(k)) end,
  create = function(k) return wrk.format("POST", "/v1/invoices", headers(k, json), invoice(next_number("c"), 1 + counter % 28)) end,
  batch = function(k)
    local items = {}
    for i = 1, 100 do items[i] = invoice(next_number("b" .. i), 1 + (counter + i) % 28) end
    return wrk.format("POST", "/v1/invoices/batch", headers(k, json), "[" .. table.concat(items, ",") .. "]")
  end,
  pay = function(k, id) return wrk.format("POST", "/v1/invoices/" .. id .. "/pay", headers(k)) end,
  void = function(k, id) return wrk.format("POST", "/v1/invoices/" .. id .. "/void", headers(k)) end,
  conflict = function(k)
    return wrk.format("POST", "/v1/invoices/" .. paid_id .. (counter % 2 == 0 and "/pay" or "/void"), headers(k))
  end,
  counterparty = function(k)
    return wrk.format("GET", "/v1/counterparties/" .. (counter % 2 == 0 and originating or receiving), headers(k))
  end,
  cp_create = function(k)
    return wrk.format("POST", "/v1/counterparties", headers(k, json),
      string.format('{"name":"Soak %s-%d","email":"soak%d@example.test"}', run, counter, counter))
  end,
  events = function(k)
    local types = { "", "&type=invoice.paid", "&type=invoice.created", "&type=invoice.voided" }
    return wrk.format("GET", "/v1/events?limit=10" .. types[math.random(#types)], headers(k))
  end,
  idem_replay = function(k)
    return wrk.format("POST", "/v1/invoices", headers(k, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idem_key }), idem_body)
  end,
  idem_mismatch = function(k)
    return wrk.format("POST", "/v1/invoices", headers(k, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idem_key }),
      invoice(next_number("idem"), 1))
  end,
  unknown_id = function(k)
    local ids = { uuid4(), "not-a-uuid", "00000000-0000-0000-0000-000000000000" }
    local id = ids[counter % 3 + 1]
    return counter % 4 == 0 and wrk.format("POST", "/v1/invoices/" .. uuid4() .. "/pay", headers(k))
      or wrk.format("GET", "/v1/invoices/" .. id, headers(k))
  end,
  unknown_cp = function(k) return wrk.format("GET", "/v1/counterparties/" .. uuid4(), headers(k)) end,
  bad_json = function(k)
    return wrk.format("POST", counter % 2 == 0 and "/v1/invoices" or "/v1/invoices/batch", headers(k, json),
      bad_json_bodies[math.random(#bad_json_bodies)])
  end,
  missing_fields = function(k)
    local bodies = { "{}", '{"invoice_number":"' .. next_number("m") .. '"}', '{"amount_cents":5}' }
    return wrk.format("POST", "/v1/invoices", headers(k, json), bodies[math.random(#bodies)])
  end,
  wrong_types = function(k)
    return wrk.format("POST", "/v1/invoices", headers(k, json), string.format(
      '{"amount_cents":"abc","discount_amount_cents":1.5,"invoice_date":"22/11/2026","invoice_due_date":20261201,' ..
      '"invoice_number":"%s","originating_counterparty_id":"nope","receiving_counterparty_id":"%s"}', next_number("w"), receiving))
  end,
  duplicate = function(k) return wrk.format("POST", "/v1/invoices", headers(k, json), invoice(dup_number, 1)) end,
  batch_invalid = function(k)
    local items = {}
    for i = 1, 100 do items[i] = invoice(next_number("bad" .. i), 1) end
    items[50] = '{"invoice_number":"' .. next_number("bad50") .. '"}'
    return wrk.format("POST", "/v1/invoices/batch", headers(k, json), "[" .. table.concat(items, ",") .. "]")
  end,
  bad_query = function(k) return wrk.format("GET", bad_queries[math.random(#bad_queries)], headers(k)) end,
  wrong_key = function(k)
    local h = headers(k)
    local variant = counter % 4
    if variant == 0 then h["Authorization"] = nil
    elseif variant == 1 then h["Authorization"] = "Bearer " .. random_key()
    elseif variant == 2 then h["Authorization"] = "Basic dXNlcjpwYXNz"
    else h["Authorization"] = "Bearer sk_live_short" end
    return wrk.format(counter % 2 == 0 and "GET" or "POST", "/v1/invoices", h, counter % 2 == 0 and nil or invoice(next_number("k"), 1))
  end,
  media_type = function(k)
    return wrk.format("POST", "/v1/invoices", headers(k, { ["Content-Type"] = "text/plain" }), invoice(next_number("t"), 1))
  end,
  no_route = function(k) return wrk.format("GET", "/v1/nothing-here", headers(k)) end,
  bad_method = function(k) return wrk.format("DELETE", "/v1/invoices", headers(k)) end,
  too_large = function(k) return wrk.format("POST", "/v1/invoices", headers(k, json), large_body) end,
}

function request()
  counter = counter + 1
  local kind = wheel[math.random(#wheel)]
  local id
  if kind == "pay" or kind == "void" then
    id = pop_open()
    if id == nil then kind = "create" end -- nothing open yet: make some
  end
  sent[kind] = (sent[kind] or 0) + 1
  return builders[kind](kind, id)
end

local interval = rate > 0 and 1000 / rate or 0
local next_slot
function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if next_slot == nil or next_slot < t - 1000 then next_slot = t end -- never burst more than 1 s to catch up
  local wait = next_slot - t
  next_slot = next_slot + interval
  return wait > 0 and math.floor(wait + 0.5) or 0
end

local function note_unexpected(kind, status, request_id, body)
  unexpected[kind] = (unexpected[kind] or 0) + 1
  if #samples < 20 then
    samples[#samples + 1] = string.format("%s status=%d request_id=%s body=%s", kind, status, tostring(request_id),
      (body or ""):sub(1, 300):gsub("%s+", " "))
  end
end

local function count(kind, status)
  local name = kind .. " " .. status
  counts[name] = (counts[name] or 0) + 1
end

function response(status, hdrs, body)
  local request_id = hdrs["Request-Id"] or hdrs["request-id"]
  local kind = request_id and request_id:match("^[%w]+%-[%a]+%-([%w_]+)%-%d+$")
  local expected = kind and by_name[kind]
  if not expected then
    kind = "unattributed"
    count(kind, status)
    note_unexpected(kind, status, request_id, body)
    return
  end
  count(kind, status)
  local ok = status == expected.status
  if ok then
    for _, word in ipairs(expected.body) do
      if not body:find(word, 1, true) then ok = false; break end
    end
  end
  if not ok then return note_unexpected(kind, status, request_id, body) end
  if kind == "create" then
    local id = body:match('"id":"([%x%-]+)"')
    stored.invoices = stored.invoices + 1
    if id then remember(id); push_open(id) end
  elseif kind == "batch" then
    for id in body:gmatch('"id":"([%x%-]+)"') do
      stored.invoices = stored.invoices + 1
      push_open(id)
      if stored.invoices % 10 == 0 then remember(id) end
    end
  elseif kind == "pay" then stored.paid = stored.paid + 1
  elseif kind == "void" then stored.voided = stored.voided + 1
  elseif kind == "cp_create" then stored.counterparties = stored.counterparties + 1
  end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local total = {}
  local all_counts, all_unexpected, all_samples, all_sent = {}, {}, {}, {}
  local all_stored = { invoices = 0, paid = 0, voided = 0, counterparties = 0 }
  for _, thread in ipairs(threads) do
    for name, n in pairs(thread:get("counts") or {}) do
      local kind, status = name:match("^(%S+) (%d+)$")
      status = tonumber(status)
      all_counts[kind] = all_counts[kind] or {}
      all_counts[kind][status] = (all_counts[kind][status] or 0) + n
    end
    for kind, n in pairs(thread:get("unexpected") or {}) do all_unexpected[kind] = (all_unexpected[kind] or 0) + n end
    for kind, n in pairs(thread:get("sent") or {}) do all_sent[kind] = (all_sent[kind] or 0) + n end
    for _, s in ipairs(thread:get("samples") or {}) do all_samples[#all_samples + 1] = s end
    for name, n in pairs(thread:get("stored") or {}) do all_stored[name] = all_stored[name] + n end
  end
  local answered, bad, s500 = 0, 0, 0
  local in_flight = {} -- kind → requests sent without an answer (wrk stops without waiting for them)
  local total_sent = 0
  for _, n in pairs(all_sent) do total_sent = total_sent + n end
  local names = {}
  for _, k in ipairs(kinds) do names[#names + 1] = k.name end
  if all_counts.unattributed then names[#names + 1] = "unattributed" end
  for _, name in ipairs(names) do
    local statuses, parts = all_counts[name] or {}, {}
    local sorted = {}
    for status in pairs(statuses) do sorted[#sorted + 1] = status end
    table.sort(sorted)
    in_flight[name] = all_sent[name] or 0
    for _, status in ipairs(sorted) do
      parts[#parts + 1] = string.format("%d×%d", status, statuses[status])
      answered = answered + statuses[status]
      in_flight[name] = in_flight[name] - statuses[status]
      if status >= 500 then s500 = s500 + statuses[status] end
    end
    local expected = by_name[name]
    bad = bad + (all_unexpected[name] or 0)
    io.write(string.format("KIND\t%s\t%s\t%s\t%d\n", name, expected and tostring(expected.status) or "-",
      #parts > 0 and table.concat(parts, " ") or "-", all_unexpected[name] or 0))
  end
  for _, s in ipairs(all_samples) do io.write("SAMPLE\t" .. s .. "\n") end
  local e = summary.errors
  io.write(string.format(
    "SOAKRESULT requests=%d answered=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f unexpected=%d status5xx=%d " ..
    "socket_errors=%d invoices=%d paid=%d voided=%d counterparties=%d " ..
    "in_flight=%d in_flight_invoices=%d in_flight_paid=%d in_flight_voided=%d in_flight_counterparties=%d\n",
    summary.requests, answered, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, s500,
    e.connect + e.read + e.write + e.timeout, all_stored.invoices, all_stored.paid, all_stored.voided, all_stored.counterparties,
    total_sent - answered,
    (in_flight.create or 0) + 100 * (in_flight.batch or 0), in_flight.pay or 0, in_flight.void or 0, in_flight.cp_create or 0))
end
