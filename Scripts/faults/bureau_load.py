#!/usr/bin/env python3
"""A bureau's collection under load (issue 23): `formprint serve` in login
mode for a county of UNITS units (default 300), each logging in with its own
access code and handing in its own form, spread over DURATION seconds
(default 600) on WORKERS render workers (default 2). Standard library only;
not part of `swift test` (it takes ten minutes by design). Run it after a
build:

    python3 Scripts/faults/bureau_load.py [--formprint .build/release/formprint]
        [--units 300] [--duration 600] [--workers 2]

What it does, as the bureau and its units would:
1. `serve admin` makes the administrator; the server listens beyond loopback
   (so every request needs a login);
2. the administrator saves a roster of UNITS units and issues every code in
   one action, reading them off the codes page;
3. unit n logs in with its code at time n * DURATION / UNITS and pastes the
   seed's table renamed to itself (the desk refuses a form naming another
   unit); one unit in fifty also pastes a form naming its neighbour, which
   must be refused;
4. meanwhile the server's resident memory is sampled from /proc;
5. at the end the bureau's table must list every unit as handed in, and
   `serve verify` must find every stored file intact.

It prints the figures docs/BENCHMARKS.md records: accepted and refused
submissions, the time from the paste to the checked page (median, 95th
percentile, maximum), the table's time, and the server's peak memory.
"""

import argparse
import html.parser
import http.cookiejar
import os
import re
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "Examples", "liuhe-2024-pasted.txt")
SEED_UNIT = "柳河县政务服务和数字化建设管理局"


class Forms(html.parser.HTMLParser):
    """The forms of a page: id → (action, {name: value}) for every input,
    select and textarea that carries a value (hidden fields such as csrf)."""

    def __init__(self, text):
        super().__init__()
        self.forms, self.current = {}, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = attrs.get("id") or attrs.get("action")
            self.forms[self.current] = (attrs.get("action"), {})
        elif tag in ("input", "button") and self.current and attrs.get("name"):
            self.forms[self.current][1][attrs["name"]] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


class Client:
    """One browser: its own cookies, no redirects followed (a 303 is the answer)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), Client.NoRedirect())

    def request(self, path, data=None, headers=None, timeout=600):
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def get(self, path):
        return self.request(path)

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields).encode()
        return self.request(path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_multipart(self, path, fields):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode())
        body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
        return self.request(path, body, {"Content-Type": "multipart/form-data; boundary=" + boundary})

    def form(self, path, form_id):
        status, _, text = self.get(path)
        forms = Forms(text).forms
        if form_id not in forms:
            raise RuntimeError("%s has no form %s (HTTP %d)" % (path, form_id, status))
        return forms[form_id]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resident_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--formprint", default=os.path.join(ROOT, ".build", "debug", "formprint"))
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--wrap", default="", help="a command the server runs under (valgrind …); its output goes to --server-log")
    parser.add_argument("--server-log", default="", help="where the server's output goes (default: in the run's folder)")
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bureau-load-")
    data = os.path.join(work, "data")
    password = "load-test-" + uuid.uuid4().hex[:8]
    subprocess.run([options.formprint, "serve", "admin", "--data", data, "--user", "财政局"],
                   input=password + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    # The server's output goes to a file: a pipe nobody reads would stop it
    # once a sanitizer's reports filled the pipe.
    server_log = open(options.server_log or os.path.join(work, "server.log"), "w")
    server = subprocess.Popen(shlex.split(options.wrap) + [options.formprint, "serve", "--data", data, "--listen", "0.0.0.0",
                                                           "--port", str(port), "--workers", str(options.workers)],
                              stdout=server_log, stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d" % port
    for _ in range(3000 if options.wrap else 200):
        try:
            urllib.request.urlopen(base + "/login", timeout=2).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        raise SystemExit("the server did not start")

    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], resident_kb(server.pid))
            stop.wait(1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        # 1–2. The bureau: roster and codes for everyone, in one action each.
        bureau = Client(base)
        action, fields = bureau.form("/login", "admin-login")
        fields.update(user="财政局", password=password)
        status, headers, _ = bureau.post(action, fields)
        assert status == 303 and headers["Location"].endswith("/bureau"), "the administrator's login failed: %d" % status
        names = ["负载测试第%d单位" % n for n in range(1, options.units + 1)]
        action, fields = bureau.form("/bureau", "/bureau/roster")
        fields["text"] = "单位名称\t主管部门\n" + "".join("%s\t第%d主管部门\n" % (name, n % 7) for n, name in enumerate(names))
        status, _, _ = bureau.post_multipart(action, fields)
        assert status in (200, 303), "the roster was not saved: %d" % status
        action, fields = bureau.form("/bureau", "codes-missing")
        started = time.time()
        status, _, text = bureau.post(action, fields)
        issuing = time.time() - started
        codes = dict(re.findall(r"<tr><td>([^<]+)</td><td>[^<]*</td><td class=\"code-cell\">([^<]+)</td>", text))
        assert len(codes) == options.units, "the codes page lists %d codes for %d units" % (len(codes), options.units)
        seed = open(SEED, encoding="utf-8").read()

        # 3. The units, each at its own time.
        results, lock = [], threading.Lock()

        def unit(n, name):
            try:
                hand_in(n, name)
            except Exception as error:  # recorded, never lost with the thread
                with lock:
                    results.append((name, "error: %s" % error, 0))

        def hand_in(n, name):
            time.sleep(max(0, started + n * options.duration / options.units - time.time()))
            client = Client(base)
            action, fields = client.form("/login", "unit-login")
            fields.update(unit=name, code=codes[name])
            status, headers, _ = client.post(action, fields)
            if status != 303 or headers["Location"].endswith("/login"):
                with lock:
                    results.append((name, "login failed %d" % status, 0))
                return
            refused = None
            if n % 50 == 7:
                # A form naming the neighbour: refused, nothing stored.
                other = names[(n + 1) % len(names)]
                action, fields = client.form("/", "submit-form")
                fields["text"] = seed.replace(SEED_UNIT, other)
                status, _, text = client.post_multipart(action, fields)
                refused = status != 303 and other in text
            action, fields = client.form("/", "submit-form")
            fields["text"] = seed.replace(SEED_UNIT, name)
            began = time.time()
            status, headers, _ = client.post_multipart(action, fields)
            if status == 303:
                client.get(headers["Location"])
            seconds = time.time() - began
            outcome = "accepted" if status == 303 else "HTTP %d" % status
            with lock:
                results.append((name, outcome, seconds))
                if refused is not None:
                    results.append((name, "other refused" if refused else "other ACCEPTED", 0))

        threads = [threading.Thread(target=unit, args=(n, name)) for n, name in enumerate(names)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.time() - started

        # 5. The bureau's table lists everyone as handed in; every file intact.
        began = time.time()
        status, _, table = bureau.get("/bureau?sort=name")
        table_seconds = time.time() - began
        missing = re.search(r"未提交 (\d+)", table)
        stop.set()
        sampler.join()
    finally:
        server.terminate()
        server.wait()
        server_log.close()
    verified = subprocess.run([options.formprint, "serve", "verify", "--data", data], capture_output=True, text=True)

    accepted = [r for r in results if r[1] == "accepted"]
    failures = [r for r in results if r[1] not in ("accepted", "other refused")]
    latencies = [r[2] for r in accepted]
    print("units: %d over %.0f s on %d workers (the run took %.0f s); codes issued in %.1f s"
          % (options.units, options.duration, options.workers, elapsed, issuing))
    print("accepted: %d of %d; forms naming another unit refused: %d of %d"
          % (len(accepted), options.units, sum(r[1] == "other refused" for r in results),
             sum(r[1].startswith("other") for r in results)))
    if latencies:
        print("paste → checked page: median %.2f s, 95th percentile %.2f s, max %.2f s"
              % (statistics.median(latencies), percentile(latencies, 0.95), max(latencies)))
    print("bureau table of %d units: %.2f s; 未提交 %s" % (options.units, table_seconds, missing.group(1) if missing else "?"))
    print("server peak resident memory: %.0f MB" % (peak[0] / 1024))
    print("server output: %s" % server_log.name)
    print("serve verify: exit %d, %s" % (verified.returncode, verified.stdout.strip().splitlines()[-1] if verified.stdout.strip() else verified.stderr.strip()))
    ok = (not failures and len(accepted) == options.units and missing and missing.group(1) == "0" and verified.returncode == 0)
    for failure in failures[:10]:
        print("FAILED:", failure)
    print("bureau load passed" if ok else "bureau load FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
