#!/usr/bin/env bash
# The Debian packages the tests drive (pandoc, LibreOffice Writer, poppler) and the fonts
# the reference document names. Installed with apt-get when one of the commands is
# missing and this runs as root; otherwise it says which tests will skip, and succeeds.
set -euo pipefail

packages="pandoc libreoffice-writer poppler-utils fonts-crosextra-caladea fonts-crosextra-carlito"
missing=""
for cmd in pandoc soffice pdftoppm; do
  command -v "$cmd" >/dev/null 2>&1 || missing="yes"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $packages >/dev/null
else
  echo "pandoc/LibreOffice/poppler missing and apt-get cannot run here (not root):" \
    "the tests that drive them will skip; install: $packages" >&2
fi
