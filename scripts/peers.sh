#!/usr/bin/env bash
# Installs the real Debian peers that the interop tests drive: the Go notary CLI, notary-server
# and notary-signer, distribution's docker-registry, skopeo and umoci, and a docker CLI (from
# docker.io when the machine carries none; no daemon is used). Does nothing when they are already there.
set -euo pipefail

missing=()
command -v notary >/dev/null 2>&1 || missing+=(notary)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v umoci >/dev/null 2>&1 || missing+=(umoci)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "peers: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "peers: installing ${missing[*]} from Debian"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
