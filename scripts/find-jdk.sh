# Sourced by ./invs and ./build: sets INVS_JAVA_HOME to a JDK 21 or newer.
# Looks at JAVA_HOME first, then every JDK under /usr/lib/jvm (newest first).
# Exits with a one-line message when there is none.

invs_java_major() {
  # Prints the major version of the java binary $1, or nothing.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

invs_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(invs_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      INVS_JAVA_HOME="$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(invs_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    INVS_JAVA_HOME="$best"
    return 0
  fi
  echo "invs: no JDK 21 or newer found (JAVA_HOME='${JAVA_HOME:-}' and nothing suitable under /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME to it." >&2
  return 1
}
