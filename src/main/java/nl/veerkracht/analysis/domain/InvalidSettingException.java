package nl.veerkracht.analysis.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A setting with a value that is not allowed: names the key, the value and what is allowed. */
public final class InvalidSettingException extends IllegalArgumentException {

  private final String key;
  private final String allowed;

  public InvalidSettingException(String key, Object value, String allowed) {
    super("Invalid setting " + key + "=" + show(value) + ": allowed is " + allowed + ".");
    this.key = key;
    this.allowed = allowed;
  }

  public String key() {
    return key;
  }

  public String allowed() {
    return allowed;
  }

  private static String show(Object value) {
    if (value instanceof List<?> l) {
      return l.stream().map(InvalidSettingException::show).collect(Collectors.joining(","));
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }
}
