#!/usr/bin/env bash
# Measures whether the account pages tell known e-mails from unknown ones by their answer time: median and 90th
# percentile server round trip of a failed log-in, a password-reset request and a registration, each for an e-mail
# that has an account and for one that has none, interleaved in random order so drift on a shared machine falls on
# both alike. A measurement, not a test: read the medians side by side.
# Starts the site in Release on a private PostgreSQL in a temporary folder (site.sh) and removes both when it ends.
#
# Usage: bash tests/benchmarks/account-timing.sh [rounds, default 40]
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds="${1:-40}"

source tests/benchmarks/site.sh
# Throttle and lockout are raised so that every attempt takes the ordinary path; accounts need no confirmation.
start_site DemoData__Enabled=false Email__OutboxDirectory="$work/outbox" Identity__RequireConfirmedAccount=false \
  Identity__MaxFailedAccessAttempts=1000000 LoginThrottle__PerAddress=1000000 LoginThrottle__PerAccount=1000000

python3 - "$base" "$rounds" <<'PY'
import http.cookiejar, random, re, statistics, sys, time, urllib.parse, urllib.request

base, rounds = sys.argv[1], int(sys.argv[2])
password = "kopi-tubruk-2026"

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def post(path, fields):
    """A fresh visitor: reads the form (cookie and antiforgery token), then posts it; only the post is timed."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + path).read().decode()
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({**fields, "__RequestVerificationToken": token}).encode()
    started = time.perf_counter()
    try:
        response = opener.open(base + path, body)
        status = response.status
        response.read()
    except urllib.error.HTTPError as answer:
        status = answer.code
        answer.read()
    elapsed = (time.perf_counter() - started) * 1000
    if status >= 400:
        raise SystemExit(f"POST {path} answered {status}")
    return elapsed

def register(email):
    return post("/Account/Register", {"Input.DisplayName": "Pembeli Uji", "Input.Email": email,
                                      "Input.Password": password, "Input.ConfirmPassword": password})

known = "terdaftar@bench.pasar.id"
register(known)
cases = {
    "log-in, wrong password": (lambda: post("/Account/Login", {"Input.Email": known, "Input.Password": "salah-sandi-123"}),
                               lambda i: post("/Account/Login", {"Input.Email": f"tiada{i}@bench.pasar.id", "Input.Password": "salah-sandi-123"})),
    "password reset request": (lambda: post("/Account/ForgotPassword", {"Email": known}),
                               lambda i: post("/Account/ForgotPassword", {"Email": f"tiada{i}@bench.pasar.id"})),
    "registration":           (lambda: register(known),
                               lambda i: register(f"baru{i}@bench.pasar.id")),
}

for name, (for_known, for_unknown) in cases.items():
    for i in range(3):
        for_known(); for_unknown(f"w{i}")

samples = {name: ([], []) for name in cases}
for i in range(rounds):
    for name in random.sample(list(cases), len(cases)):
        for_known, for_unknown = cases[name]
        known_ms, unknown_ms = samples[name]
        if random.random() < 0.5:
            known_ms.append(for_known()); unknown_ms.append(for_unknown(i))
        else:
            unknown_ms.append(for_unknown(i)); known_ms.append(for_known())

def p90(values):
    return sorted(values)[int(0.9 * (len(values) - 1))]

print(f"\n{rounds} rounds each, server round trip in ms (median / p90):")
print(f"{'':26}{'known e-mail':>18}{'unknown e-mail':>18}{'difference':>13}")
for name, (known_ms, unknown_ms) in samples.items():
    a, b = statistics.median(known_ms), statistics.median(unknown_ms)
    print(f"{name:26}{a:9.1f} / {p90(known_ms):6.1f}{b:9.1f} / {p90(unknown_ms):6.1f}{a - b:+12.1f}")
PY
