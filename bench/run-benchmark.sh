#!/usr/bin/env bash
# The documented benchmark: builds the jar, generates synthetic inputs, and times whole runs of the documented
# command (JVM start included) three times per size, printing each run and the median.
# Usage: bench/run-benchmark.sh [SIZE...] (default: 26 10000 100000 1000000; 26 is the shipped sample, input/).
# LAUNCHER="java -jar target/briefings.jar" times the plain jar instead of bin/briefings (the default).
# Extra JVM options for every run: JAVA_OPTS="..." bench/run-benchmark.sh
# The side-by-side comparison with JasperReports is the team's compare.sh (see README, Speed and memory).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(26 10000 100000 1000000)
launcher=${LAUNCHER:-bin/briefings}
work=target/bench
mkdir -p "$work"
[ -f target/briefings.jar ] || ./mvnw -q -B package -DskipTests
# A launcher's one-off preparation (extracting the jar, training its start-up cache) is not part of the timing.
[ "$launcher" != bin/briefings ] || bin/briefings --prepare
for n in "${sizes[@]}"; do
  if [ "$n" = 26 ]; then
    input=input
  else
    input="$work/input-$n"
    [ -d "$input" ] || java -jar target/briefings.jar generate --count "$n" --output "$input" >/dev/null
  fi
  opts=${JAVA_OPTS:-}
  # The million-record case runs in a 1 GB heap, as the issue sets it.
  [ "$n" -ge 1000000 ] && opts="$opts -Xmx1g"
  results=()
  for i in 1 2 3; do
    rm -rf "$work/data-$n" "$work/out-$n"
    if [[ "$launcher" == java\ * ]]; then
      # shellcheck disable=SC2206 # LAUNCHER and JAVA_OPTS are command lines
      cmd=(java $opts ${launcher#java })
    else
      cmd=(env JAVA_OPTS="$opts" "$launcher")
    fi
    line=$( { /usr/bin/time -f "%e %M" "${cmd[@]}" run --input "$input" \
        --output "$work/out-$n" --data "$work/data-$n" --as-of 2025-10-31 >/dev/null 2>"$work/err-$n"; } 2>&1 | tail -1)
    tail -1 "$work/err-$n" | grep -q '^[0-9.]* [0-9]*$' && line=$(tail -1 "$work/err-$n")
    echo "records=$n run=$i seconds=${line% *} maxRssMB=$(( ${line#* } / 1024 ))"
    results+=("${line% *} $(( ${line#* } / 1024 ))")
  done
  printf '%s\n' "${results[@]}" | sort -n | sed -n 2p | awk -v n="$n" '{print "records=" n " median seconds=" $1 " (rss of that run " $2 " MB)"}'
done
