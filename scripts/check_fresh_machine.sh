#!/usr/bin/env bash
# Proves the README on a machine that has nothing: builds a bare root (debootstrap minbase: no Python packages, no Qt
# libraries, no fonts), clones this checkout's current commit into it and follows the README word for word, printing
# one line per step with its result and time. Needs root (debootstrap, chroot, mount).
#
#   scripts/check_fresh_machine.sh SUITE [TESTS]
#     SUITE   bookworm (Debian 12), trixie (Debian 13) or noble (Ubuntu 24.04)
#     TESTS   what `scripts/test.sh` runs at the end: "all" (default: the whole suite, as the README says),
#             pytest arguments such as "tests/core/test_evidence.py tests/test_cli.py", or "none"
#
# The bare base root is built once per suite and cached as a tarball (PV_FRESH_CACHE, default
# /var/cache/projektu-vadiba-fresh); every check unpacks a new copy, so nothing of an earlier run is reused. The host's
# CA certificates are copied in, so HTTPS through a re-signing proxy works. KEEP=1 leaves the root for inspection.
# Exit status: 0 when every step passed.
set -uo pipefail
{ # read whole before it runs: editing the file during a run must not change the run
suite=${1:?usage: scripts/check_fresh_machine.sh bookworm|trixie|noble [all|none|PYTEST ARGS]}
tests=${2:-all}
src=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$src" rev-parse HEAD) || exit 2
cache=${PV_FRESH_CACHE:-/var/cache/projektu-vadiba-fresh}/$suite
[ "$(id -u)" -eq 0 ] || {
  echo "check_fresh_machine: needs root (debootstrap, chroot)" >&2
  exit 2
}
mkdir -p "$cache"

started=$(date +%s)
failures=0
result() { # name, status, seconds
  local name=$1
  [ ${#name} -le 96 ] || name="${name:0:93}..."
  printf '%-96s %-4s %5s s\n' "$name" "$2" "$3"
}

# --- the base root, built once -------------------------------------------------------------------------------------
debootstrap_args() { # prints: mirror script keyring-args (one per line)
  case "$suite" in
  noble | jammy)
    echo "http://archive.ubuntu.com/ubuntu"
    # debootstrap of Debian 12 predates noble; Ubuntu's releases all use the "gutsy" script.
    if [ -e "/usr/share/debootstrap/scripts/$suite" ]; then echo "$suite"; else echo /usr/share/debootstrap/scripts/gutsy; fi
    ;;
  *)
    grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep . | head -n 1 ||
      echo "http://deb.debian.org/debian"
    echo "$suite"
    ;;
  esac
}

ubuntu_keyring() { # the Ubuntu archive key, taken from Ubuntu's keyring package and checked by its fingerprint
  local keyring=$cache/ubuntu-archive-keyring.gpg deb=$cache/ubuntu-keyring.deb
  [ -s "$keyring" ] && {
    echo "$keyring"
    return
  }
  local archive=http://archive.ubuntu.com/ubuntu name
  name=$(curl -fsS "$archive/dists/$suite/main/binary-amd64/Packages.gz" | zcat |
    awk -v RS= '/^Package: ubuntu-keyring\n/' | sed -n 's/^Filename: //p' | head -n 1) && [ -n "$name" ] || return 1
  curl -fsS -o "$deb" "$archive/$name" || return 1
  rm -rf "$cache/keyring" && mkdir -p "$cache/keyring" && dpkg-deb -x "$deb" "$cache/keyring" || return 1
  cp "$cache/keyring/usr/share/keyrings/ubuntu-archive-keyring.gpg" "$keyring.new" || return 1
  # "Ubuntu Archive Automatic Signing Key (2018)": the key that signs noble's Release file.
  gpg --no-default-keyring --keyring "$keyring.new" --with-colons --fingerprint 2>/dev/null |
    grep -q 'F6ECB3762474EDA9D21B7022871920D1991BC93C' || {
    echo "the downloaded Ubuntu keyring lacks the 2018 archive key" >&2
    return 1
  }
  mv "$keyring.new" "$keyring" && echo "$keyring"
}

build_base() {
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  local mirror script extra=() include=ca-certificates,git
  { read -r mirror && read -r script; } < <(debootstrap_args)
  case "$suite" in
  noble | jammy)
    command -v gpg >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gpg >/dev/null
    local keyring
    keyring=$(ubuntu_keyring) || return 1
    # shellcheck disable=SC2054 # one option with a comma-separated value
    extra=(--keyring="$keyring" --components=main,universe)
    ;;
  esac
  rm -rf "$cache/base"
  debootstrap --variant=minbase --include="$include" "${extra[@]}" "$suite" "$cache/base" "$mirror" "$script" \
    >"$cache/debootstrap.log" 2>&1 || return 1
  # What a real installation has besides the packages: its apt sources, a user, a machine id.
  tar -C "$cache/base" -cf "$cache/base.tar.new" . && mv "$cache/base.tar.new" "$cache/base.tar" && rm -rf "$cache/base"
}

t0=$(date +%s)
if [ -f "$cache/base.tar" ]; then
  result "bare $suite root (cached $(date -r "$cache/base.tar" +%F))" ok $(($(date +%s) - t0))
elif build_base; then
  result "bare $suite root (debootstrap minbase)" ok $(($(date +%s) - t0))
else
  result "bare $suite root (debootstrap minbase): see $cache/debootstrap.log" FAIL $(($(date +%s) - t0))
  tail -n 5 "$cache/debootstrap.log" 2>/dev/null >&2
  exit 1
fi
[ "${PV_FRESH_BASE_ONLY:-0}" = 1 ] && exit 0

# --- a new machine from the base -----------------------------------------------------------------------------------
root=$(mktemp -d "$cache/run-XXXXXX")
cleanup() {
  for m in dev/pts dev sys proc; do umount -l "$root/$m" 2>/dev/null; done
  [ "${KEEP:-0}" = 1 ] && echo "root kept: $root" >&2 || rm -rf --one-file-system "$root"
}
trap cleanup EXIT
t0=$(date +%s)
tar -C "$root" -xf "$cache/base.tar"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
for m in proc sys dev dev/pts; do mkdir -p "$root/$m" && mount --bind "/$m" "$root/$m"; done
chroot "$root" /usr/sbin/update-ca-certificates >/dev/null 2>&1 || echo "update-ca-certificates failed" >&2
# A person's account without administrator rights, to check what ./run says to such a person.
chroot "$root" useradd -m -s /bin/bash anna >/dev/null 2>&1
result "unpacked, host CA certificates trusted" ok $(($(date +%s) - t0))

# "Get the code": the current commit, cloned as the README says (a clone, so nothing untracked comes along).
t0=$(date +%s)
if git clone -q --no-hardlinks "$src" "$root/work/projektu-vadiba" &&
  git -C "$root/work/projektu-vadiba" checkout -q --detach "$commit"; then
  chown -R 1000:1000 "$root/work/projektu-vadiba" 2>/dev/null
  result "git clone (commit ${commit:0:10})" ok $(($(date +%s) - t0))
else
  result "git clone (commit ${commit:0:10})" FAIL $(($(date +%s) - t0))
  exit 1
fi

logdir=$cache/logs-$(date +%Y%m%d-%H%M%S)
mkdir -p "$logdir"
n=0
# step NAME EXPECT USER COMMAND: runs COMMAND (bash, in the clone) in the root; EXPECT is "ok" (exit 0) or "refuse"
# (a non-zero exit whose output names packages: what a person without administrator rights sees).
step() {
  local name=$1 expect=$2 user=$3 cmd=$4 t rc log
  n=$((n + 1))
  log="$logdir/$(printf '%02d' "$n").log"
  t=$(date +%s)
  local as=() home=/root
  [ "$user" = root ] || { as=(setpriv --reuid="$user" --regid="$user" --init-groups); home=/home/$user; }
  chroot "$root" /usr/bin/env -i HOME="$home" USER="$user" LOGNAME="$user" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb CI="${CI:-}" \
    "${as[@]}" bash -c "cd /work/projektu-vadiba && $cmd" >"$log" 2>&1 </dev/null
  rc=$?
  local status=ok
  case "$expect" in
  ok) [ $rc -eq 0 ] || status=FAIL ;;
  refuse) { [ $rc -ne 0 ] && grep -q "apt-get install" "$log"; } || status=FAIL ;;
  esac
  result "$name" "$status" $(($(date +%s) - t))
  if [ "$status" = FAIL ]; then
    failures=$((failures + 1))
    echo "    exit $rc; last lines of $log:" >&2
    tail -n 15 "$log" | sed 's/^/    | /' >&2
  fi
  [ "$status" = ok ]
}

step "./run projects as a user without sudo: names the packages" refuse anna "./run projects"
grep -o 'apt-get install.*' "$logdir/01.log" | head -n 1 | sed 's/^/    /'

# Every `./run` example of the README, in its order, as written (comments cut off; the PostgreSQL one needs a
# server). The bare `./run` opens the window: offscreen here, closing itself (ui/smoke.py).
first=1
while IFS= read -r example; do
  command=${example%%  #*}
  command=${command%"${command##*[![:space:]]}"}
  case "$command" in
  *user:pw@host*) continue ;;
  ./run)
    name="./run (the window, offscreen, closes itself)"
    command="QT_QPA_PLATFORM=offscreen PROJEKTU_VADIBA_SMOKE_QUIT_MS=0 ./run && test -f ~/.local/share/projektu-vadiba/projektu-vadiba.sqlite"
    ;;
  *) name=$command ;;
  esac
  [ $first = 1 ] && name="$name  [first run: packages + .venv]"
  step "$name" ok root "$command" || [ $first = 0 ] || break
  first=0
done < <(sed -n 's/^    \(\.\/run\( .*\)\?\)$/\1/p' "$root/work/projektu-vadiba/README.md")

step "a second ./run (user without sudo) calls neither apt nor sudo" ok anna \
  "mkdir -p /tmp/noapt; for c in apt-get apt apt-cache sudo dpkg dpkg-query pip; do printf '#!/bin/sh\necho called \$c >&2; exit 99\n' >/tmp/noapt/\$c; chmod +x /tmp/noapt/\$c; done; PATH=/tmp/noapt:\$PATH ./run --db /tmp/anna.sqlite projects"
step ".venv holds the app's runtime only (no pytest, ruff, mypy)" ok root \
  "! .venv/bin/python -c 'import pytest' 2>/dev/null && [ ! -e .venv/bin/ruff ] && [ ! -e .venv/bin/mypy ]"
echo "    first run: Debian packages downloaded $(du -sm "$root/var/cache/apt/archives" | cut -f1) MB;" \
  ".venv $(du -sm "$root/work/projektu-vadiba/.venv" | cut -f1) MB on disk"
case "$tests" in
none) ;;
all) step "scripts/test.sh (ruff, mypy, whole suite, benchmarks)" ok root "scripts/test.sh -q -p no:cacheprovider" ;;
*) step "scripts/test.sh $tests" ok root "scripts/test.sh -q -p no:cacheprovider $tests" ;;
esac
[ "$tests" = none ] || echo "    with the tests' packages: Debian packages downloaded $(du -sm "$root/var/cache/apt/archives" | cut -f1) MB;" \
  ".venv $(du -sm "$root/work/projektu-vadiba/.venv" | cut -f1) MB on disk"
for f in "$logdir"/*.log; do
  sum=$(grep -E '^[0-9]+ (passed|failed)|^=+ .*(passed|failed).* =+$' "$f" | tail -n 1)
  [ -n "$sum" ] && echo "    $(basename "$f"): $sum"
done

total=$(($(date +%s) - started))
if [ $failures -eq 0 ]; then
  echo "FRESH $suite OK: $n steps in ${total} s (logs: $logdir)"
else
  echo "FRESH $suite FAILED: $failures of $n steps (logs: $logdir) in ${total} s"
  exit 1
fi
exit 0
}
