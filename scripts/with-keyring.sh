#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service, so keytar talks to a
# real keychain (ENVIRONMENT.md). The keyring lives in a temporary folder and is thrown away afterwards.
set -euo pipefail
if [ -z "${HERALD_IN_KEYRING:-}" ]; then
  exec dbus-run-session -- env HERALD_IN_KEYRING=1 bash "$0" "$@"
fi
kr=$(mktemp -d)
trap 'rm -rf "$kr"' EXIT
export XDG_RUNTIME_DIR="$kr/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
printf %s herald-test | HOME="$kr" XDG_DATA_HOME="$kr/data" gnome-keyring-daemon --unlock --components=secrets >/dev/null
# The daemon can race its D-Bus registration: wait until the Secret Service has an owner.
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done
"$@"
