# Shared by jobs/bin/qinglang and jobs/bin/submit.

# Spark's JavaModuleOptions: every JVM that runs Spark on Java 17 needs these (driver and executors).
QINGLANG_SPARK_OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
export QINGLANG_SPARK_OPENS

# Builds the fat jar (and the launcher classpath) when missing or older than any source, pom or conf file.
qinglang_ensure_built() {
  local root="$1"
  local jar="$root/jobs/target/qinglang-all.jar"
  local cp="$root/jobs/target/launcher-classpath.txt"
  local stale=""
  if [[ -f "$jar" && -f "$cp" ]]; then
    stale="$(find "$root/pom.xml" "$root/jobs/pom.xml" "$root/jobs/src/main" "$root/conf" -newer "$jar" -type f -print -quit 2>/dev/null || true)"
  fi
  if [[ ! -f "$jar" || ! -f "$cp" || -n "$stale" ]]; then
    echo "qinglang: building jobs/target/qinglang-all.jar (mvn -B -q -Dstyle.color=never -DskipTests package) ..." >&2
    (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2 || {
      echo "qinglang: the build failed; see the Maven output above" >&2
      exit 1
    }
  fi
}
