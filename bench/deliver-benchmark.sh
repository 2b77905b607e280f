#!/usr/bin/env bash
# Delivery benchmark: 1,000 recipients with 20 distinct interest sets, personalised and sent to a local SMTP server
# (a minimal Python smtpd sink on 127.0.0.1), timed three times with JVM start. Usage: bench/deliver-benchmark.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=target/bench-delivery
rm -rf "$work" && mkdir -p "$work"
[ -f target/briefings.jar ] || ./mvnw -q -B package -DskipTests
cp -r input "$work/input"
python3 - "$n" "$work/input/recipients.json" <<'PY'
import json, sys, itertools
n, out = int(sys.argv[1]), sys.argv[2]
parties = ["US", "AU", "JP", "SA", "UA"]
stages = ["MINING", "PROCESSING", "REFINING", "MAGNETS"]
sets = [{}] + [{"parties": [p]} for p in parties] + [{"stages": [s]} for s in stages] \
     + [{"parties": [p], "stages": [s]} for p, s in itertools.islice(itertools.product(parties, stages), 10)]
assert len(sets) == 20
recipients = [{"id": f"investor-{i:04d}", "name": f"Investor {i}", "email": f"investor{i}@example.org",
               "organization": f"Fund {i % 37}", "interests": sets[i % 20]} for i in range(n)]
json.dump(recipients, open(out, "w"), indent=1)
PY
port=2525
python3 -W ignore -c "
import smtpd, asyncore
class Sink(smtpd.SMTPServer):
    def process_message(self, *args, **kwargs):
        return None
Sink(('127.0.0.1', $port), None)
asyncore.loop()" &
sink=$!
trap 'kill $sink 2>/dev/null' EXIT
sleep 1
times=()
for i in 1 2 3; do
  rm -rf "$work/data" "$work/output"
  start=$(date +%s.%N)
  BRIEFINGS_DELIVERY_SMTP_HOST=127.0.0.1 BRIEFINGS_DELIVERY_SMTP_PORT=$port \
    java -jar target/briefings.jar run --input "$work/input" --output "$work/output/2025-10-31/nightly" \
    --data "$work/data" --as-of 2025-10-31 --distribute > "$work/run-$i.log" 2>&1 || true
  end=$(date +%s.%N)
  t=$(python3 -c "print(round($end - $start, 2))")
  echo "run=$i seconds=$t $(grep -o 'Delivery (smtp).*' "$work/run-$i.log")"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | sed -n 2p | awk '{print "median seconds=" $1}'
