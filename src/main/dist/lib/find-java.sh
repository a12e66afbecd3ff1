# Sourced by bin/postfix-tls-wizard and by the developer scripts in .ci/.
# Sets PFTW_JAVA to a java executable of version 21 or newer, or prints why none was found and returns 1.
# The machine's default java may be older (17 on Debian 12), so look beyond PATH.

pftw_java_major() {
  # The JDK's "release" file answers without starting a JVM (saves ~100 ms per candidate); read with the shell's
  # own string operations, since every dirname/sed/head is a process start (decision 0068).
  real=$(readlink -f "$1" 2>/dev/null) || real=$1
  release="${real%/*}"
  release="${release%/*}/release"
  if [ -r "$release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=*) line=${line#JAVA_VERSION=\"}; echo "${line%%[!0-9]*}"; return 0 ;;
      esac
    done <"$release"
  else
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)[^"]*".*/\1/p' | head -n 1
  fi
}

pftw_find_java() {
  PFTW_JAVA=
  for candidate in \
      "${PFTW_JAVA_HOME:+$PFTW_JAVA_HOME/bin/java}" \
      "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
      "$(command -v java 2>/dev/null)" \
      /usr/lib/jvm/*/bin/java \
      /usr/local/lib/jvm/*/bin/java \
      /opt/java/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(pftw_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      PFTW_JAVA=$candidate
      PFTW_JAVA_MAJOR=$major
      return 0
    fi
  done
  echo "postfix-tls-wizard: needs Java 21 or newer, and none was found." >&2
  echo "Install a JDK/JRE 21+ or point JAVA_HOME (or PFTW_JAVA_HOME) at one." >&2
  return 1
}

# The exact build of a java executable ("25.0.3+9-LTS Eclipse Adoptium"), from its release file: the launcher maps
# the startup cache only with the build it was trained with (decision 0068). Empty when unknown.
pftw_java_build() {
  real=$(readlink -f "$1" 2>/dev/null) || real=$1
  release="${real%/*}"
  release="${release%/*}/release"
  build= vendor=
  [ -r "$release" ] || return 0
  while IFS= read -r line; do
    case "$line" in
      JAVA_RUNTIME_VERSION=*) build=${line#*=} ;;
      IMPLEMENTOR=*) vendor=${line#*=} ;;
    esac
  done <"$release"
  [ -z "$build" ] || echo "$build $vendor $release"
}
