package io.qinglang.generate;

/** A fictional person: surname and given name. */
public record Person(String surname, String given, boolean female) {
  public String full() {
    return surname + given;
  }
}
