package io.qinglang.registry;

import io.qinglang.config.ConfigException;
import io.qinglang.config.InputResource;
import io.qinglang.config.QinglangConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The enterprise registry: the enterprises whose names, brands and official accounts the campaign
 * protects. Loaded from CSV and validated line by line; serializable so that jobs can broadcast it.
 */
public final class EnterpriseRegistry implements Serializable {
  /** The columns, in the order the shipped registry writes them. */
  public static final List<String> HEADER = List.of(
      "enterprise_id", "name", "short_names", "brands", "ownership", "industry", "region", "official_accounts");
  /** The columns every registry must have; the others may be left out (empty values then). */
  public static final List<String> REQUIRED = List.of("enterprise_id", "name");

  private final String source;
  private final String fingerprint;
  private final List<Enterprise> enterprises;
  private final Map<String, Enterprise> byId;
  private final Map<String, List<String>> officialAccounts;

  private EnterpriseRegistry(String source, String fingerprint, List<Enterprise> enterprises) {
    this.source = source;
    this.fingerprint = fingerprint;
    this.enterprises = List.copyOf(enterprises);
    Map<String, Enterprise> ids = new LinkedHashMap<>();
    Map<String, List<String>> accounts = new HashMap<>();
    for (Enterprise e : enterprises) {
      ids.put(e.enterpriseId(), e);
      for (String a : e.officialAccounts()) {
        accounts.computeIfAbsent(a, k -> new ArrayList<>()).add(e.enterpriseId());
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    accounts.replaceAll((a, owners) -> List.copyOf(owners));
    this.officialAccounts = Collections.unmodifiableMap(accounts);
  }

  /** Loads the registry named by the configuration, resolving platform aliases of official accounts. */
  public static EnterpriseRegistry load(QinglangConfig config) {
    return load(config.enterprises(), config.platforms());
  }

  public static EnterpriseRegistry load(InputResource resource, QinglangConfig.Platforms platforms) {
    byte[] bytes;
    try (InputStream in = resource.open()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new ConfigException("enterprise registry " + resource + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(resource.toString(), bytes, platforms);
  }

  static EnterpriseRegistry parse(String source, byte[] bytes, QinglangConfig.Platforms platforms) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Enterprise> list = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> legalNames = new HashMap<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
      int[] columns = null;
      StartLines lines = new StartLines(text);
      for (CSVRecord record : parser) {
        long line = lines.at(record.getCharacterPosition());
        if (columns == null) {
          columns = columns(record, source, line);
          continue;
        }
        Enterprise e = enterprise(record, columns, source, line, platforms);
        if (!ids.add(e.enterpriseId())) {
          throw new ConfigException(where(source, line) + "enterprise_id '" + e.enterpriseId() + "' appears twice");
        }
        // Two ids for one legal name would split the enterprise's statistics and evidence in two.
        String owner = legalNames.putIfAbsent(e.name(), e.enterpriseId());
        if (owner != null) {
          throw new ConfigException(where(source, line) + "name '" + e.name() + "' is already enterprise_id '" + owner
              + "': one row per enterprise (list other names as short_names or brands)");
        }
        list.add(e);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException("enterprise registry " + source + ": not valid CSV (" + e.getMessage() + ")");
    }
    if (list.isEmpty()) {
      throw new ConfigException("enterprise registry " + source + ": has no enterprises");
    }
    return new EnterpriseRegistry(source, sha256(bytes), list);
  }

  /**
   * Where each of {@link #HEADER}'s columns is in the file's header (-1: left out). Columns are found by name in
   * any order; a missing {@link #REQUIRED} column, an unknown column (a typo would silently drop its values)
   * or a repeated one stops the command.
   */
  private static int[] columns(CSVRecord header, String source, long line) {
    int[] at = new int[HEADER.size()];
    java.util.Arrays.fill(at, -1);
    List<String> got = new ArrayList<>();
    header.forEach(got::add);
    String expected = " (columns: " + String.join(",", HEADER) + "; " + String.join(" and ", REQUIRED)
        + " required, the others optional, in any order)";
    for (int i = 0; i < got.size(); i++) {
      String name = got.get(i).toLowerCase(Locale.ROOT);
      int known = HEADER.indexOf(name);
      if (known < 0) {
        throw new ConfigException(where(source, line) + "unknown column '" + got.get(i) + "' in the header "
            + String.join(",", got) + expected);
      }
      if (at[known] >= 0) {
        throw new ConfigException(where(source, line) + "column '" + name + "' appears twice in the header" + expected);
      }
      at[known] = i;
    }
    for (String r : REQUIRED) {
      if (at[HEADER.indexOf(r)] < 0) {
        throw new ConfigException(where(source, line) + "the header " + String.join(",", got) + " has no column '"
            + r + "'" + expected);
      }
    }
    return at;
  }

  private static Enterprise enterprise(CSVRecord r, int[] columns, String source, long line,
      QinglangConfig.Platforms platforms) {
    int width = (int) java.util.Arrays.stream(columns).filter(c -> c >= 0).count();
    if (r.size() != width) {
      throw new ConfigException(where(source, line) + "expected " + width + " fields, found " + r.size()
          + " (one per header column)");
    }
    // A column the header left out reads as empty.
    java.util.function.Function<String, String> field = column -> {
      int at = columns[HEADER.indexOf(column)];
      return at < 0 ? "" : r.get(at);
    };
    String id = field.apply("enterprise_id");
    String name = field.apply("name");
    if (id.isEmpty()) {
      throw new ConfigException(where(source, line) + "enterprise_id is empty");
    }
    if (name.isEmpty()) {
      throw new ConfigException(where(source, line) + "name is empty");
    }
    Ownership ownership;
    try {
      String given = field.apply("ownership");
      ownership = given.isEmpty() ? null : Ownership.parse(given);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where(source, line) + e.getMessage());
    }
    List<String> accounts = new ArrayList<>();
    for (String pair : split(field.apply("official_accounts"))) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new ConfigException(where(source, line) + "official account '" + pair
            + "' is not platform:account_id");
      }
      String platform = canonicalPlatform(pair.substring(0, colon), platforms);
      if (platform == null) {
        throw new ConfigException(where(source, line) + "official account '" + pair + "' names unknown platform '"
            + pair.substring(0, colon) + "'");
      }
      accounts.add(platform + ":" + pair.substring(colon + 1).trim());
    }
    return new Enterprise(id, name, split(field.apply("short_names")), split(field.apply("brands")), ownership,
        field.apply("industry"), field.apply("region"), List.copyOf(accounts));
  }

  /** A platform id or alias, ignoring case as archives do ({@code Weibo}, {@code WB}, {@code 微博}). */
  private static String canonicalPlatform(String value, QinglangConfig.Platforms platforms) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (platforms.known().contains(v)) {
      return v;
    }
    return platforms.aliases().get(v);
  }

  /**
   * The line on which each record starts. The parser's own line counter gives the line where a record
   * ends, which for a quoted field spanning lines is not the line that holds the record's id; and a
   * record's position lies before any blank lines skipped in front of it. Positions only grow, so the
   * text is scanned once.
   */
  private static final class StartLines {
    private final String text;
    private int scanned;
    private long line = 1;

    StartLines(String text) {
      this.text = text;
    }

    long at(long position) {
      int pos = (int) Math.min(position, text.length());
      while (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
        pos++;
      }
      for (; scanned < pos; scanned++) {
        if (text.charAt(scanned) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static List<String> split(String field) {
    if (field.isBlank()) {
      return List.of();
    }
    return Arrays.stream(field.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static String where(String source, long line) {
    return "enterprise registry " + source + ", line " + line + ": ";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * This registry together with {@code extra}'s enterprises (training adds the invented enterprises that
   * labelled sets name, so that their names become placeholders as registry names do when scoring).
   * Enterprise ids must not repeat across the two.
   */
  public EnterpriseRegistry with(EnterpriseRegistry extra) {
    List<Enterprise> all = new ArrayList<>(enterprises);
    for (Enterprise e : extra.enterprises) {
      if (byId.containsKey(e.enterpriseId())) {
        throw new ConfigException("enterprise registry " + extra.source + ": enterprise_id '" + e.enterpriseId()
            + "' is also in " + source);
      }
      all.add(e);
    }
    String combined = sha256((fingerprint + "+" + extra.fingerprint).getBytes(StandardCharsets.UTF_8));
    return new EnterpriseRegistry(source + " + " + extra.source, combined, all);
  }

  /** True when {@code bytes} hold a registry header and no enterprise (an empty registry file). */
  public static boolean isEmpty(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).count() <= 1;
  }

  public String source() {
    return source;
  }

  /** SHA-256 of the registry file: models record which registry they were trained with. */
  public String fingerprint() {
    return fingerprint;
  }

  public List<Enterprise> enterprises() {
    return enterprises;
  }

  public Enterprise get(String enterpriseId) {
    return byId.get(enterpriseId);
  }

  public int size() {
    return enterprises.size();
  }

  /** True when {@code platform:accountId} is an official account of some registry enterprise. */
  public boolean isOfficialAccount(String platform, String accountId) {
    return officialAccounts.containsKey(platform + ":" + accountId);
  }

  /** Every official account ({@code platform:account_id}) of the registry, as an immutable set. */
  public Set<String> officialAccounts() {
    return Set.copyOf(officialAccounts.keySet());
  }

  /** The enterprises (ids, registry order) that list {@code account} ({@code platform:account_id}) as official. */
  public List<String> enterprisesWithOfficialAccount(String account) {
    return officialAccounts.getOrDefault(account, List.of());
  }

  /** Every distinct name (full, short, brand) mapped to the enterprises it names. */
  public Map<String, List<String>> namesToIds() {
    Map<String, List<String>> map = new HashMap<>();
    for (Enterprise e : enterprises) {
      for (String n : e.allNames()) {
        map.computeIfAbsent(n, k -> new ArrayList<>()).add(e.enterpriseId());
      }
    }
    return map;
  }
}
