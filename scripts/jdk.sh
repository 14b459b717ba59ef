# Sourced by the launcher, the test script and CI: exports JAVA_HOME pointing at a JDK 21+.
# Order: $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

trustyard_jdk_major() {
  # Prints the feature version of the JDK at $1, or nothing when $1 is not a JDK.
  local home=$1 version
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release")
  else
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

trustyard_find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  fi
  for home in "${candidates[@]}"; do
    major=$(trustyard_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME=$home
      return 0
    fi
  done
  echo "trustyard: no JDK 21 or newer found (looked at \$JAVA_HOME, javac on PATH and /usr/lib/jvm)." >&2
  echo "trustyard: install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
