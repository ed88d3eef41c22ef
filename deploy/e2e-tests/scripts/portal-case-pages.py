#!/usr/bin/env python3
"""Case pages of the portal through the gateway, one request at a time over one keep-alive connection, for many
different published cases (ApacheBench can only ask for one URL): 1,000 warm-up and 2,000 measured requests.
Run against a started platform (see docs/benchmarks.md, "Portal pages")."""
import http.client, json, random, time, sys
c = http.client.HTTPConnection("localhost", 8080)
ids = []
for q in ["Leerstand", "Wochenmarkt", "Innenstadt", "Parken", "Citymanagement", "Förderung", "Events"]:
    c.request("GET", "/api/catalog/search?size=100&q=" + __import__("urllib.parse").parse.quote(q))
    r = c.getresponse(); ids += [i["id"] for i in json.loads(r.read())["items"]]
ids = list(dict.fromkeys(ids))
random.seed(7)
def get(i):
    t = time.perf_counter(); c.request("GET", "/praxisbeispiele/" + i); r = c.getresponse(); r.read()
    assert r.status == 200, r.status
    return (time.perf_counter() - t) * 1000
for i in range(1000): get(random.choice(ids))
ts = sorted(get(random.choice(ids)) for _ in range(2000))
print(f"{len(ids)} distinct cases, 2000 requests: p50 {ts[1000]:.1f} ms, p95 {ts[1900]:.1f} ms, p99 {ts[1980]:.1f} ms")
