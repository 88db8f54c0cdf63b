#!/usr/bin/env python3
"""The clients, the webhook receiver and the checks of bench/fleet.sh (Python 3 standard library only).

Subcommands (each check prints one JSON object on stdout; bench/fleet.sh reads it):
  receiver  the webhook receiver: records every delivery (event id, time, which instance sent it)
  rate      GETs paced at a fixed rate with one key; counts accepted and 429 answers
  idem      the same create with the same Idempotency-Key sent at once to every instance, several rounds
  clients   paced clients creating invoices with Idempotency-Key, retrying until they get their 201
  kill      picks the instance with webhook sends in flight, fires a burst of creates, kills it (SIGKILL) mid-burst
  webhooks  waits until every event was received, then counts lost and duplicate deliveries
  intended  checks that every invoice the clients meant to create exists exactly once in the database
"""
import argparse
import collections
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RETRYABLE = {0, 409, 429, 500, 502, 503, 504}


def now():
    return time.time()


class Client:
    """One keep-alive HTTP connection; a failed request answers status 0 (the caller decides whether to retry)."""

    def __init__(self, url, key, timeout=60.0):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.key, self.timeout, self.conn = parts.hostname, parts.port, key, timeout, None

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        all_headers = {"Authorization": "Bearer " + self.key}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=all_headers)
            response = self.conn.getresponse()
            payload = response.read()
            answer = {k.lower(): v for k, v in response.getheaders()}
            if answer.get("connection", "").lower() == "close":
                self.close()
            return response.status, answer, payload
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return 0, {"error": type(error).__name__}, b""


def invoice_body(number, originating, receiving):
    return json.dumps({
        "amount_cents": 12345, "invoice_date": "2026-12-01", "invoice_due_date": "2026-12-31", "invoice_number": number,
        "originating_counterparty_id": originating, "receiving_counterparty_id": receiving,
    }, separators=(",", ":")).encode()


def psql(args, sql):
    port, database = args.pg.split(":", 1)
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", database, "-X", "-q", "-At",
                          "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def emit(result):
    print(json.dumps(result, sort_keys=True))


# --- which process holds a TCP connection (for the receiver's attribution and the kill's choice) ------------------
def connections_to(port, pids):
    """{pid: [local ports]} of the given processes' established TCP connections to local port `port`."""
    inodes = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                lines = f.readlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == port:
                inodes[fields[9]] = int(fields[1].rsplit(":", 1)[1], 16)
    found = {pid: [] for pid in pids}
    if not inodes:
        return found
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    link = os.readlink(f"/proc/{pid}/fd/{fd}")
                except OSError:
                    continue
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    found[pid].append(inodes[link[8:-1]])
        except OSError:
            pass
    return found


def owner_of(peer_port, listen_port, pids):
    """The pid (of `pids`) whose socket is the client side of a connection from `peer_port` to `listen_port`."""
    for pid, ports in connections_to(listen_port, pids).items():
        if peer_port in ports:
            return pid
    return None


# --- receiver ---------------------------------------------------------------------------------------------------------
def receiver(args):
    state = {"min": 0.0, "max": 0.0, "pids": {}}  # pids: {pid: instance name}
    lock = threading.Lock()
    log = open(args.log, "a", buffering=1)

    def write(line):
        with lock:
            log.write(line + "\n")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one connection per delivery: an open connection is a send in flight

        def log_message(self, *_):
            pass

        def answer(self, status, text=b"ok"):
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)
            except OSError:
                pass  # the sender died (the kill) or gave up

        def do_GET(self):
            self.answer(200)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            received = now()
            url = urllib.parse.urlsplit(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path == "/delay":
                state["min"], state["max"] = float(query["min"][0]), float(query["max"][0])
                return self.answer(200)
            if url.path == "/instances":  # ?pids=1:a,2:b,3:c
                state["pids"] = {int(p): n for p, n in (item.split(":") for item in query["pids"][0].split(","))}
                return self.answer(200)
            if url.path != "/hook":
                return self.answer(404, b"no")
            try:
                event = json.loads(body)
                event_id, event_type = event["id"], event.get("type", "?")
            except (ValueError, KeyError, TypeError):
                event_id, event_type = "unparsable", "?"
            signed = int(self.headers.get("Invoicing-Signature", "").startswith("t="))
            peer = self.client_address[1]
            pid = owner_of(peer, args.port, list(state["pids"]))
            sender = state["pids"].get(pid, "?")
            write(f"recv {received:.6f} {event_id} {event_type} {sender} {peer} {signed}")
            time.sleep(random.uniform(state["min"], state["max"]))
            self.answer(200)
            write(f"done {now():.6f} {event_id} {sender} {peer}")

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    Server(("127.0.0.1", args.port), Handler).serve_forever()


def read_receipts(path):
    """[(time, event id, sender, peer port, signed)] of the deliveries received, and {(event id, peer): done time}."""
    receipts, done = [], {}
    try:
        with open(path) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 7 and fields[0] == "recv":
                    receipts.append((float(fields[1]), fields[2], fields[4], int(fields[5]), fields[6] == "1"))
                elif len(fields) >= 5 and fields[0] == "done":
                    done[(fields[2], int(fields[4]))] = float(fields[1])
    except FileNotFoundError:
        pass
    receipts.sort()
    return receipts, done


# --- rate -----------------------------------------------------------------------------------------------------------
def rate(args):
    total = max(1, int(args.rps * args.seconds))
    start = now() + 0.2
    next_index = iter(range(total))
    lock = threading.Lock()
    statuses = collections.Counter()
    sent = []
    bad_429 = [0]

    def worker():
        client = Client(args.url, args.key, timeout=10)
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                return
            delay = start + i / args.rps - now()
            if delay > 0:
                time.sleep(delay)
            at = now()
            status, headers, body = client.request("GET", args.path)
            with lock:
                statuses[status] += 1
                sent.append(at)
                if status == 429 and (not headers.get("retry-after") or b'"rate_limited"' not in body):
                    bad_429[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    span = max(sent) - min(sent) if len(sent) > 1 else 0.0
    accepted = sum(n for s, n in statuses.items() if 200 <= s < 300)
    emit({
        "requests": len(sent), "seconds": round(span, 3), "offered_per_s": round(len(sent) / span, 1) if span else 0,
        "accepted": accepted, "limited": statuses.get(429, 0), "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "bad_429": bad_429[0],
        # The bucket starts full: what is accepted beyond the burst(s), per second, is the refill rate.
        "accepted_per_s": round(accepted / span, 2) if span else 0,
        "beyond_burst_per_s": round((accepted - args.burst) / span, 2) if span else 0,
    })


# --- idempotent creates split across instances --------------------------------------------------------------------
def idem(args):
    urls = args.urls.split(",")
    clients = [Client(url, args.key) for url in urls]
    rounds = []
    for r in range(args.rounds):
        number, key = f"{args.prefix}-IDEM-{r}", f"{args.prefix}-idem-{r}"
        body = invoice_body(number, args.originating, args.receiving)
        barrier = threading.Barrier(len(urls))
        results = [None] * len(urls)

        def one(i):
            barrier.wait()
            seen, deadline = [], now() + 60
            while True:
                status, headers, payload = clients[i].request("POST", "/v1/invoices", body, {"Idempotency-Key": key})
                seen.append(status)
                if status in RETRYABLE and now() < deadline:
                    time.sleep(0.05)
                    continue
                results[i] = {"status": status, "replayed": headers.get("idempotent-replayed") == "true",
                              "body": payload, "seen": seen}
                return

        threads = [threading.Thread(target=one, args=(i,)) for i in range(len(urls))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ids = set()
        for res in results:
            try:
                ids.add(json.loads(res["body"])["id"])
            except (ValueError, KeyError, TypeError):
                ids.add(None)
        rounds.append({"number": number, "statuses": [res["status"] for res in results],
                       "originals": sum(1 for res in results if res["status"] == 201 and not res["replayed"]),
                       "replays": sum(1 for res in results if res["status"] == 201 and res["replayed"]),
                       "identical": len({res["body"] for res in results}) == 1, "ids": sorted(i or "" for i in ids),
                       "in_use_seen": sum(res["seen"].count(409) for res in results)})
    stored = {row[0]: (int(row[1]), row[2]) for row in psql(
        args, f"SELECT invoice_number, count(*), min(id::text) FROM invoices WHERE invoice_number LIKE '{args.prefix}-IDEM-%' GROUP BY 1")}
    problems = []
    for rnd in rounds:
        count, stored_id = stored.get(rnd["number"], (0, None))
        rnd["stored"] = count
        if rnd["statuses"] != [201] * len(urls):
            problems.append(f"{rnd['number']}: statuses {rnd['statuses']}")
        elif rnd["originals"] != 1 or not rnd["identical"]:
            problems.append(f"{rnd['number']}: {rnd['originals']} originals, bodies identical: {rnd['identical']}")
        if count != 1 or rnd["ids"] != [stored_id]:
            problems.append(f"{rnd['number']}: stored {count} times (answers' ids {rnd['ids']}, stored {stored_id})")
    emit({"rounds": len(rounds), "instances": len(urls), "stored_once": sum(1 for rnd in rounds if rnd["stored"] == 1),
          "replays": sum(rnd["replays"] for rnd in rounds),
          "identical_rounds": sum(1 for rnd in rounds if rnd["identical"]),
          "in_use_seen": sum(rnd["in_use_seen"] for rnd in rounds), "problems": problems})


# --- clients retrying with Idempotency-Key ----------------------------------------------------------------------------
def create_until_done(client, number, key, body, give_up_after):
    started, attempts = now(), []
    while True:
        status, headers, payload = client.request("POST", "/v1/invoices", body, {"Idempotency-Key": key})
        attempts.append(status)
        if status == 201:
            try:
                invoice_id = json.loads(payload)["id"]
            except (ValueError, KeyError, TypeError):
                invoice_id = None
            return {"number": number, "key": key, "status": 201, "id": invoice_id, "attempts": attempts,
                    "replayed": headers.get("idempotent-replayed") == "true", "started": started, "finished": now()}
        retry = status in RETRYABLE and (status != 409 or b"idempotency_key_in_use" in payload)
        if not retry or now() - started > give_up_after:
            return {"number": number, "key": key, "status": status, "id": None, "attempts": attempts,
                    "body": payload[:300].decode("utf-8", "replace"), "started": started, "finished": now()}
        wait = 0.25
        if status == 429:
            try:
                wait = float(headers.get("retry-after", "1"))
            except ValueError:
                wait = 1.0
        time.sleep(wait)


def clients(args):
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)
    start = now() + 0.1
    end = start + args.seconds

    def client_loop(c):
        client = Client(args.url, args.key)
        j = 0
        while True:
            due = start + (c / args.clients + j) * args.interval
            if due >= end:
                return
            if due > now():
                time.sleep(due - now())
            number, key = f"{args.prefix}-C{c}-{j}", f"{args.prefix}-c{c}-{j}"
            result = create_until_done(client, number, key, invoice_body(number, args.originating, args.receiving), args.give_up)
            with lock:
                out.write(json.dumps(result) + "\n")
            j += 1

    threads = [threading.Thread(target=client_loop, args=(c,)) for c in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def kill(args):
    """Waits until an instance starts sending webhooks (a connection to the receiver that was not there before: the
    receiver answers slowly in this phase, so the send stays open a while), starts a burst of creates through the
    balancer, and SIGKILLs that instance while both are in flight. Writes what it did to --kill-file."""
    instances = {int(p): n for p, n in (item.split(":") for item in args.instances.split(","))}
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)
    answered = threading.Event()
    barrier = threading.Barrier(args.burst + 1)

    def one(i):
        client = Client(args.url, args.key)
        number, key = f"{args.prefix}-B{i}", f"{args.prefix}-b{i}"
        body = invoice_body(number, args.originating, args.receiving)
        barrier.wait()
        result = create_until_done(client, number, key, body, args.give_up)
        answered.set()
        with lock:
            out.write(json.dumps(result) + "\n")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(args.burst)]
    for t in threads:
        t.start()  # they wait at the barrier
    deadline, victim = now() + args.wait_in_flight, None
    seen = {pid: set(ports) for pid, ports in connections_to(args.receiver_port, list(instances)).items()}
    while victim is None:
        for pid, ports in connections_to(args.receiver_port, list(instances)).items():
            if set(ports) - seen[pid]:
                victim = pid
            seen[pid] |= set(ports)
        if victim is None and now() > deadline:  # nothing started sending: kill the one with the most open sends
            held = connections_to(args.receiver_port, list(instances))
            victim = max(held, key=lambda pid: len(held[pid]))
        if victim is None:
            time.sleep(0.01)
    barrier.wait()
    answered.wait(args.kill_within)  # the burst has reached the instances (or its first answer is back)
    held = connections_to(args.receiver_port, [victim]).get(victim, [])
    killed_at = now()
    os.kill(victim, signal.SIGKILL)
    with open(args.kill_file, "w") as f:
        json.dump({"killed_at": killed_at, "pid": victim, "instance": instances[victim], "sends_in_flight": len(held),
                   "ports": held, "burst": args.burst}, f)
    for t in threads:
        t.join()


def intended(args):
    """Every invoice a client meant to create (the lines of --results) exists exactly once, with the id it was told."""
    wanted = []
    for path in args.results:
        with open(path) as f:
            wanted += [json.loads(line) for line in f if line.strip()]
    stored = {row[0]: (int(row[1]), row[2]) for row in psql(
        args, f"SELECT invoice_number, count(*), min(id::text) FROM invoices WHERE invoice_number LIKE '{args.prefix}-%' GROUP BY 1")}
    lost, doubled, mismatched, failed = [], [], [], []
    for w in wanted:
        count, stored_id = stored.get(w["number"], (0, None))
        if w["status"] != 201:
            failed.append(f"{w['number']}: {w['status']} after {w['attempts']} {w.get('body', '')}")
        if count == 0:
            lost.append(w["number"])
        elif count > 1:
            doubled.append(w["number"])
        elif w["id"] and w["id"] != stored_id:
            mismatched.append(w["number"])
    extra = sorted(set(stored) - {w["number"] for w in wanted})
    statuses = collections.Counter(s for w in wanted for s in w["attempts"])
    retried = [w for w in wanted if len(w["attempts"]) > 1]
    emit({"intended": len(wanted), "stored_once": sum(1 for w in wanted if stored.get(w["number"], (0,))[0] == 1),
          "lost": lost[:10], "lost_count": len(lost), "doubled": doubled[:10], "doubled_count": len(doubled),
          "id_mismatch": mismatched[:10], "unexpected_rows": extra[:10], "failed": failed[:10], "failed_count": len(failed),
          "statuses": {str(k): v for k, v in sorted(statuses.items())}, "retried": len(retried),
          "replayed": sum(1 for w in wanted if w.get("replayed")),
          "longest_s": round(max((w["finished"] - w["started"] for w in wanted), default=0), 2)})


# --- webhook deliveries -------------------------------------------------------------------------------------------
def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p / 100 * len(values)))], 2)


def webhooks(args):
    kill_info = None
    if args.kill_file and os.path.exists(args.kill_file):
        with open(args.kill_file) as f:
            kill_info = json.load(f)
    killed_at = kill_info["killed_at"] if kill_info else None
    deadline = now() + args.wait
    while True:
        events = {row[0]: (row[1], float(row[2])) for row in psql(
            args, "SELECT id::text, type, extract(epoch FROM created_at) FROM events WHERE environment = 'live'")}
        receipts, done = read_receipts(args.log)
        received = collections.defaultdict(list)
        for r in receipts:
            received[r[1]].append(r)
        missing = [e for e in events if e not in received]
        if not missing or now() > deadline:
            break
        time.sleep(0.5)
    split = args.split if args.split else float("inf")
    unknown = sorted(set(received) - set(events))
    duplicates_before, duplicates_after, unexplained, resent, in_flight_victim = 0, 0, [], [], 0
    victim = kill_info["instance"] if kill_info else None
    for event_id, copies in received.items():
        first = copies[0]
        if killed_at and first[2] == victim and first[0] <= killed_at and done.get((event_id, first[3]), float("inf")) >= killed_at:
            in_flight_victim += 1
        for earlier, copy in zip(copies, copies[1:]):
            if killed_at is None or copy[0] < killed_at:
                duplicates_before += 1
                unexplained.append(f"{event_id} twice while all ran ({earlier[2]} then {copy[2]})")
                continue
            duplicates_after += 1
            resent.append(copy[0] - killed_at)
            # Allowed: a send of the killed instance (or of an instance the receiver could not name) made before the
            # kill, whose result it never recorded (else it would not have been sent again).
            if not (earlier[0] <= killed_at + 0.5 and earlier[2] in (victim, "?")):
                unexplained.append(f"{event_id} sent again after the kill, earlier copy from {earlier[2]} at "
                                   f"{earlier[0] - killed_at:+.1f} s")
    def latencies(selected):
        return [received[e][0][0] - events[e][1] for e in selected if e in received]
    all_run = [e for e in events if events[e][1] < split]
    kill_phase = [e for e in events if events[e][1] >= split]
    late = [received[e][0][0] - killed_at for e in events if killed_at and e in received
            and events[e][1] <= killed_at and received[e][0][0] > killed_at + 3]
    senders = collections.Counter(r[2] for r in receipts)
    statuses = {row[0]: int(row[1]) for row in psql(args, "SELECT status, count(*) FROM webhook_deliveries GROUP BY 1")}
    emit({
        "events": len(events), "received": len(receipts), "lost": len(missing), "lost_ids": missing[:5],
        "unknown_ids": unknown[:5], "unsigned": sum(1 for r in receipts if not r[4]),
        "duplicates_while_all_run": duplicates_before, "duplicates_after_kill": duplicates_after,
        "unexplained_duplicates": unexplained[:10], "unexplained_count": len(unexplained),
        "in_flight_at_kill_victim": in_flight_victim, "by_sender": dict(senders),
        "resent_after_kill_s": [round(x, 1) for x in sorted(resent)],
        "resent_min_s": round(min(resent), 1) if resent else None, "resent_max_s": round(max(resent), 1) if resent else None,
        "late_after_kill_count": len(late), "late_after_kill_max_s": round(max(late), 1) if late else None,
        "events_all_run": len(all_run), "latency_all_run_p50_s": percentile(latencies(all_run), 50),
        "latency_all_run_max_s": percentile(latencies(all_run), 100),
        "events_kill_phase": len(kill_phase), "latency_kill_phase_p50_s": percentile(latencies(kill_phase), 50),
        "latency_kill_phase_max_s": percentile(latencies(kill_phase), 100),
        "delivery_rows": statuses, "kill": kill_info,
    })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("receiver")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--log", required=True)
    p = sub.add_parser("rate")
    p.add_argument("--url", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--path", default="/v1/counterparties?limit=1")
    p.add_argument("--rps", type=float, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--burst", type=int, default=0)
    p.add_argument("--threads", type=int, default=8)
    for name in ("idem", "clients", "kill", "intended", "webhooks"):
        p = sub.add_parser(name)
        p.add_argument("--pg", required=True, help="port:database")
        if name in ("idem", "clients", "kill"):
            p.add_argument("--key", required=True)
            p.add_argument("--originating", required=True)
            p.add_argument("--receiving", required=True)
            p.add_argument("--give-up", type=float, default=300.0)
        if name in ("idem", "clients", "kill", "intended"):
            p.add_argument("--prefix", required=True)
    idem_parser, clients_parser, kill_parser, intended_parser, webhooks_parser = (
        sub.choices[n] for n in ("idem", "clients", "kill", "intended", "webhooks"))
    idem_parser.add_argument("--urls", required=True)
    idem_parser.add_argument("--rounds", type=int, default=8)
    for p in (clients_parser, kill_parser):
        p.add_argument("--url", required=True)
        p.add_argument("--out", required=True)
    clients_parser.add_argument("--clients", type=int, default=8)
    clients_parser.add_argument("--interval", type=float, default=2.0)
    clients_parser.add_argument("--seconds", type=float, required=True)
    kill_parser.add_argument("--instances", required=True, help="pid:name,…")
    kill_parser.add_argument("--receiver-port", type=int, required=True)
    kill_parser.add_argument("--burst", type=int, default=30)
    kill_parser.add_argument("--kill-within", type=float, default=0.05)
    kill_parser.add_argument("--wait-in-flight", type=float, default=15.0)
    kill_parser.add_argument("--kill-file", required=True)
    intended_parser.add_argument("results", nargs="+")
    webhooks_parser.add_argument("--log", required=True)
    webhooks_parser.add_argument("--wait", type=float, default=60.0)
    webhooks_parser.add_argument("--split", type=float, default=0.0, help="epoch: events from here on are the kill phase's")
    webhooks_parser.add_argument("--kill-file")
    args = parser.parse_args()
    {"receiver": receiver, "rate": rate, "idem": idem, "clients": clients, "kill": kill, "intended": intended,
     "webhooks": webhooks}[args.command](args)


if __name__ == "__main__":
    main()
