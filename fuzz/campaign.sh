#!/usr/bin/env bash
# A fuzzing campaign against Skiff: generated and mutated programs through the parser, the compiler, the
# validator, the emitters, the formatter and the language server, for a time budget.
#
#   fuzz/campaign.sh --budget 2h [--seed N] [--threads 2] [--inputs N] [--out DIR] [--lsp-every 20]
#
# Prints the figures (inputs per stage, crashes, hangs, slow inputs, formatter failures) every minute and at
# the end; writes each finding, with a minimised reproducer, to fuzz/target/findings (or --out). Exits 1 if
# anything crashed, hung, ran out of memory or changed meaning under the formatter.
#
# The JVM runs as a compiler or editor would, with a 1 GiB heap, under a cap on its address space, and the
# harness fails the campaign if resident memory (heap and native) passes 3 GiB: memory that grows outside
# the heap shows as a finding, not as a machine out of memory. The JVM's native-memory summary is written
# to native-memory.txt beside the findings.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar=fuzz/target/skiff-fuzz.jar
if [ ! -f "$jar" ] || [ -n "$(find grammar compiler lsp fuzz stdlib -name '*.java' -newer "$jar" -o -name '*.g4' -newer "$jar" -o -name '*.k' -newer "$jar" | head -1)" ]; then
  mvn -B -ntp -q -pl fuzz -am package -DskipTests
fi
java_bin="$("$root/skiff" --print-java-home)/bin/java"
# the address-space cap: heap 1 GiB, class space and code cache bounded, a few 64 MiB compile stacks
export MALLOC_ARENA_MAX=2
exec prlimit --as=$((6 * 1024 * 1024 * 1024)) -- "$java_bin" -Xmx1g -XX:CompressedClassSpaceSize=256m \
  -XX:ReservedCodeCacheSize=192m -XX:MaxDirectMemorySize=64m -XX:NativeMemoryTracking=summary \
  -Dskiff.repo="$root" -jar "$jar" "$@"
