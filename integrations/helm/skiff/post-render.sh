#!/bin/sh
# Helm 4 keeps what a post-renderer plugin writes on standard error to itself, so a failed validation would only
# say "plugin exited with error". Where /proc shows Helm's own standard error (Linux), Skiff's diagnostics go
# there, appended; elsewhere run `helm template … | skiff post-render` to see them.
set -eu
skiff=${SKIFF:-skiff}
if [ -w "/proc/$PPID/fd/2" ]; then
  exec "$skiff" post-render "$@" 2>>"/proc/$PPID/fd/2"
fi
exec "$skiff" post-render "$@"
