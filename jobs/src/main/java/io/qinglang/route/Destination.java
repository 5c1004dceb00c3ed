package io.qinglang.route;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who acts on a clue, as the campaign's working mechanism names them. */
public enum Destination {
  /** The provincial (or local) cyberspace office: clues about enterprises in its own jurisdiction. */
  LOCAL_OFFICE("local_office", "属地网信办"),
  /** The central reporting centre (中央网信办举报中心): clues that need cross-region handling. */
  REPORTING_CENTRE("reporting_centre", "中央网信办举报中心"),
  /** The network governance bureau: accounts, apps and mini-programs to be handled under the law. */
  GOVERNANCE_BUREAU("governance_bureau", "中央网信办网络综合治理局"),
  /** The police: serious cases suspected of crimes (移送公安机关). */
  POLICE("police", "公安机关"),
  /** The platform that hosts the posts: it must handle them and report its disposal. */
  PLATFORM("platform", "平台");

  private final String id;
  private final String title;

  Destination(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  /** The Chinese name of the receiving body, used in export sheet names. */
  public String title() {
    return title;
  }

  public static Destination of(String id) {
    for (Destination d : values()) {
      if (d.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown destination '" + id + "' (known: " + ids() + ")");
  }

  public static String ids() {
    return Arrays.stream(values()).map(Destination::id).collect(Collectors.joining(", "));
  }
}
