#!/bin/sh
# Runs two shell commands at once and fails when either fails (exit status of the first that failed).
# `npm run test:checks` runs the type checks, lints and fit checks in two lanes of about equal CPU
# (each step is one Node or tsc process, mostly on one core), so a 2-core machine does them in about
# half the time.
[ $# -eq 2 ] || { echo "usage: sh scripts/two-lanes.sh 'COMMAND A' 'COMMAND B'" >&2; exit 2; }
sh -c "$1" &
first=$!
sh -c "$2"
second=$?
wait "$first"
status=$?
[ "$status" -ne 0 ] && exit "$status"
exit "$second"
