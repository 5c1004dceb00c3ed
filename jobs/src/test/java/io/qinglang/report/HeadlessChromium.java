package io.qinglang.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.testing.TestFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Chrome DevTools Protocol client for tests: starts Debian's headless Chromium on a fresh
 * profile with a loopback debugging port, opens one page and talks to it over a WebSocket
 * (java.net.http). It records console messages, log entries (CSP violations, failed loads) and
 * uncaught exceptions, evaluates expressions, asks which platform fonts rendered a node, and takes
 * screenshots. Close it to stop the browser.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Debian's chromium; the system property {@code qinglang.test.chromium} names another (or a missing) one. */
  static final Path BINARY = Path.of(System.getProperty("qinglang.test.chromium", "/usr/bin/chromium"));
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private String session;

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  HeadlessChromium(int width, int height) throws Exception {
    profile = Files.createTempDirectory("qinglang-cdp-");
    List<String> command = new ArrayList<>(List.of(BINARY.toString()));
    command.addAll(ChromiumPdf.headlessFlags(profile));
    command.addAll(List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--window-size=" + width + "," + height, "about:blank"));
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String url = awaitDevToolsUrl();
    socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(URI.create(url), new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
    session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
    for (String domain : List.of("Page", "Runtime", "Log", "DOM", "CSS")) {
      call(session, domain + ".enable", Map.of());
    }
    call(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
  }

  private String awaitDevToolsUrl() throws IOException, InterruptedException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            found.complete(m.group(1));
          }
        }
        found.completeExceptionally(new IOException("chromium exited without a DevTools URL"));
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
    }, "chromium-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IOException("chromium did not start: " + e.getMessage(), e);
    }
  }

  /** Navigates and waits for the load event. */
  void open(Path page) throws Exception {
    CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
    loadWaiters.add(loaded);
    call(session, "Page.navigate", Map.of("url", page.toAbsolutePath().toUri().toString()));
    loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private final List<CompletableFuture<JsonNode>> loadWaiters = new CopyOnWriteArrayList<>();

  /** Console errors and warnings, error log entries and uncaught exceptions seen so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Evaluates a JavaScript expression in the page and returns its value (JSON). */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("evaluation failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** The family names of the platform fonts that rendered the first node matching {@code selector}. */
  List<String> fontsOf(String selector) throws Exception {
    int root = call(session, "DOM.getDocument", Map.of("depth", 0)).path("root").path("nodeId").asInt();
    int node = call(session, "DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
    if (node == 0) {
      throw new IllegalStateException("no node matches " + selector);
    }
    List<String> families = new ArrayList<>();
    for (JsonNode f : call(session, "CSS.getPlatformFontsForNode", Map.of("nodeId", node)).path("fonts")) {
      families.add(f.path("familyName").asText());
    }
    return families;
  }

  /** A PNG of the whole page (beyond the viewport). */
  byte[] screenshot() throws Exception {
    JsonNode metrics = call(session, "Page.getLayoutMetrics", Map.of());
    JsonNode size = metrics.path("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
        "height", size.path("height").asDouble(), "scale", 1);
    String data = call(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", clip)).path("data").asText();
    return Base64.getDecoder().decode(data);
  }

  private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  private void onMessage(String text) {
    try {
      JsonNode m = JSON.readTree(text);
      if (m.has("id")) {
        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
        if (f != null) {
          f.complete(m);
        }
        return;
      }
      events.add(m);
      String method = m.path("method").asText();
      JsonNode p = m.path("params");
      switch (method) {
        case "Page.loadEventFired" -> loadWaiters.forEach(f -> f.complete(m));
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
            problems.add("console." + type + ": " + p.path("args"));
          }
        }
        case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
        case "Log.entryAdded" -> {
          String level = p.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            problems.add("log " + level + ": " + p.path("entry").path("text").asText() + " "
                + p.path("entry").path("url").asText());
          }
        }
        default -> { }
      }
    } catch (IOException e) {
      problems.add("unreadable DevTools message: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        call(null, "Browser.close", Map.of());
      }
    } catch (Exception ignored) {
      // the browser is stopped below in any case
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    TestFiles.deleteRecursively(profile);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        onMessage(text);
      }
      webSocket.request(1);
      return null;
    }
  }
}
