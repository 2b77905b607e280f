"""Measures the briefing API of a running server (see api-benchmark.sh, which starts one): ad hoc latency and a
burst of concurrent requests. Standard library only; talks to the address it is given (loopback)."""
import base64
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request

BASE = sys.argv[1]
AUTH = "Basic " + base64.b64encode(b"analyst:analyst-sample-password").decode()
AS_OF = "2025-10-31"
POLL_LIMIT_S = 600


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method,
                                 headers={"Authorization": AUTH, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def briefing(filters, stats):
    """POST, poll until COMPLETED, GET the PDF; retries 429s after Retry-After. Returns seconds taken."""
    start = time.monotonic()
    for _ in range(100):
        status, headers, body = call("POST", "/api/briefings", dict(asOf=AS_OF, **filters))
        if status != 429:
            break
        stats["429"] += 1
        time.sleep(float(headers.get("Retry-After", "5")))
    if status != 202:
        raise RuntimeError(f"POST {filters}: {status} {body[:300]!r}")
    rid = json.loads(body)["id"]
    deadline = time.monotonic() + POLL_LIMIT_S
    while True:
        # The server answers as soon as the run ends (or after 30 s), so no poll interval adds to the latency.
        status, _, body = call("GET", f"/api/briefings/{rid}?wait=30")
        state = json.loads(body)["briefing"]["status"]
        if state == "COMPLETED":
            break
        if state in ("FAILED", "STOPPED", "ABANDONED") or time.monotonic() > deadline:
            raise RuntimeError(f"briefing {rid} {filters}: {state}")
    status, _, pdf = call("GET", f"/api/briefings/{rid}/files/briefing")
    if status != 200 or not pdf.startswith(b"%PDF"):
        raise RuntimeError(f"briefing {rid}: PDF answer {status}")
    return time.monotonic() - start


def main():
    stats = {"429": 0}
    # A server in use has run many briefings: twenty different ones first, so that the JIT has compiled the hot paths.
    warm_filters = [{"parties": [p]} for p in ("US", "JP", "SA", "CA", "GB", "DE", "KR", "IN", "FR", "BR")] + \
                   [{"stages": [s]} for s in ("MINING", "PROCESSING", "MAGNETS", "RECYCLING", "STOCKPILING")] + \
                   [{"kinds": [k]} for k in ("LEGISLATION", "PARTNERSHIP", "PRIVATE_PROJECT", "STOCKPILE", "RESEARCH_AGREEMENT")]
    warm = [briefing(f, stats) for f in warm_filters]
    print("warm-up ad hoc briefings: " + ", ".join(f"{s:.2f}" for s in warm) + " s")

    singles = [briefing(f, stats) for f in ({"parties": ["AU"]}, {"stages": ["REFINING"]},
                                             {"kinds": ["FEDERAL_PROGRAM"]})]
    print("(a) request to downloadable PDF, one ad hoc briefing at a time: "
          + ", ".join(f"{s:.2f}" for s in singles) + f" s; median {statistics.median(singles):.2f} s")

    parties = ["US", "AU", "JP", "CA", "GB", "DE", "FR", "KR", "IN", "BR"]
    stages = ["PROCESSING", "MAGNETS"]
    burst = [{"parties": [p], "stages": [s]} for p in parties for s in stages]
    results, errors = [None] * len(burst), []

    def one(i):
        try:
            results[i] = briefing(burst[i], stats)
        except Exception as e:  # reported below, and the exit code says so
            errors.append(f"{burst[i]}: {e}")

    stats["429"] = 0
    t0 = time.monotonic()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(burst))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    done = [r for r in results if r is not None]
    print(f"(b) {len(burst)} concurrent ad hoc briefings: {len(done)} completed, {len(errors)} failed, "
          f"{stats['429']} answers 429 (retried after Retry-After); all done in {wall:.1f} s; "
          + (f"per briefing median {statistics.median(done):.1f} s, max {max(done):.1f} s" if done else ""))
    for e in errors:
        print("  error:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
