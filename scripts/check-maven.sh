# Sourced by ./build: checks, before ./mvnw runs, that the Maven it pins can be installed.
# ./mvnw downloads the distribution named in .mvn/wrapper/maven-wrapper.properties into
# ${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists on first use and checks its SHA-256. That checksum is the
# zip's: without `unzip` the wrapper fetches the tar.gz instead, which fails the check with a message
# about a compromised download. Say what to install instead, in one line, and only when Maven is not
# installed yet. Tells the user when the download is about to happen.

invs_check_maven() {
  local root=$1 url name dists
  url=$(sed -n 's/^distributionUrl=//p' "$root/.mvn/wrapper/maven-wrapper.properties" | tr -d '[:space:]')
  name=${url##*/}
  name=${name%-bin.zip}
  if [ -z "$name" ] || [ "$name" = "${url##*/}" ]; then
    echo "invs: cannot read a Maven -bin.zip distributionUrl in $root/.mvn/wrapper/maven-wrapper.properties" >&2
    return 1
  fi
  dists="${MAVEN_USER_HOME:-$HOME/.m2}/wrapper/dists/$name"
  if [ -n "$(ls -A "$dists" 2>/dev/null)" ]; then
    return 0
  fi
  if ! command -v unzip >/dev/null 2>&1; then
    echo "invs: ./mvnw needs 'unzip' to install $name (the checksum it verifies is the zip's); install it, e.g. 'apt-get install unzip'." >&2
    return 1
  fi
  echo "build: first use of $name: ./mvnw downloads it into ${dists%/*} (about 9 MB)." >&2
}
