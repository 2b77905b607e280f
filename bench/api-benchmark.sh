#!/usr/bin/env bash
# API benchmark (not a test): starts the server on a free loopback port with a temporary data folder and the
# shipped input/, then measures ad hoc briefings (see api_benchmark.py). Build first: mvn -o -q -B package -DskipTests
# Usage: bench/api-benchmark.sh   (from the repository root; optional env RETRY_AFTER, the server's Retry-After, default 2s for the benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
jar="$repo/target/briefings.jar"
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -o -q -B package -DskipTests)" >&2; exit 2; }

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The server runs in the temporary folder, so its output/ lands there too.
# The documented launcher, as a user would start the server; BRIEFINGS="java -jar target/briefings.jar" compares.
launcher=${BRIEFINGS:-$repo/bin/briefings}
# shellcheck disable=SC2086 # BRIEFINGS is a command line
(cd "$work" && BRIEFINGS_WEB_RETRYAFTER="${RETRY_AFTER:-2s}" exec $launcher serve --host 127.0.0.1 --port "$port" --input "$repo/input" \
    --templates "$repo/templates" --data "$work/data" >"$work/server.log" 2>&1) &
server=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fsS "$base/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "the server stopped:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/actuator/health" >/dev/null || { echo "the server did not start in 60 s" >&2; exit 1; }
echo "server on $base ($(nproc) cores)"

status=0
python3 "$repo/bench/api_benchmark.py" "$base" || status=$?
echo "metrics: $(curl -fsS -u analyst:analyst-sample-password "$base/actuator/metrics/briefings.runs?tag=edition:adhoc")"
exit "$status"
