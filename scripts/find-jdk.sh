# Sourced by ./invs and ./build: sets INVS_JAVA_HOME to a JDK 21 or newer.
# Looks at JAVA_HOME first, then every JDK under /usr/lib/jvm (newest first).
# Exits with a one-line message when there is none.

invs_java_major() {
  # Prints the major version of the java binary $1, or nothing. Asked without the options of the environment,
  # which Java takes from any JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS: ones it refuses would hide every JDK
  # (./invs then says that Java refuses them).
  env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS "$1" -XshowSettings:properties -version 2>&1 \
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

invs_java_options() {
  # Prints the options ./invs gives Java for the subcommand $1 (and scripts that run what it runs, for
  # their figures to be the launcher's), as words: the serial collector for `invs serve` (one thread,
  # sharing the machine with the campaign that drives it), and for every command on a machine of at most
  # two processors (the JVM's own choice, G1, costs a campaign over the protocol about a tenth of its rate
  # there; docs/decisions.md, "The launcher's collector"); then INVS_JAVA_OPTS. No collector when
  # INVS_JAVA_OPTS, JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS choose one already: Java refuses two.
  local given="${INVS_JAVA_OPTS:-} ${JAVA_TOOL_OPTIONS:-} ${JDK_JAVA_OPTIONS:-}"
  if ! [[ "$given" =~ -XX:[-+]Use[A-Za-z0-9]+GC ]] \
      && { [ "${1:-}" = serve ] || [ "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 4)" -le 2 ]; }; then
    echo "-XX:+UseSerialGC ${INVS_JAVA_OPTS:-}"
  else
    echo "${INVS_JAVA_OPTS:-}"
  fi
}
