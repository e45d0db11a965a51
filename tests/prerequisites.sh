#!/usr/bin/env bash
# What the test suite needs besides the .NET SDK: PostgreSQL server binaries (with pg_dump), Debian's Chromium,
# LibreOffice Calc and poppler-utils (pdfinfo, pdftotext, pdftoppm: the council report's PDF tests). Run before the tests by `dotnet test` (target CheckTestPrerequisites in
# tests/SocialDomain.Web.Tests/SocialDomain.Web.Tests.csproj). As root with apt-get it installs what is missing;
# otherwise it prints ONE line naming the missing packages and the command that installs them, and exits 1.
#
# Overrides: PG_BIN (server bin folder), CHROMIUM_PATH (browser), SOFFICE_PATH (LibreOffice), and
# SOCIALDOMAIN_NO_INSTALL=1 to only check (never install), also as root.
set -u

missing=()

pg_ok=false
if [ -n "${PG_BIN:-}" ]; then
  [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/initdb" ] && pg_ok=true
else
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/pg_ctl" ] && [ -x "$bin/initdb" ] && pg_ok=true
  done
fi
$pg_ok || missing+=(postgresql)   # brings pg_dump/pg_restore (postgresql-client) along

[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)

if [ -n "${SOFFICE_PATH:-}" ]; then
  [ -x "$SOFFICE_PATH" ] || missing+=(libreoffice-calc)
else
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
fi

command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && [ "${SOCIALDOMAIN_NO_INSTALL:-}" != "1" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installeren voor de tests: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; then
    exit 0
  fi
  echo "Installeren mislukt van: ${missing[*]} (apt-get install -y ${missing[*]})"
  exit 1
fi

echo "Ontbreekt voor de tests: ${missing[*]}. Installeer met: sudo apt-get install -y --no-install-recommends ${missing[*]}"
exit 1
