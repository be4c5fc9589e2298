package nl.veerkracht.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The message bundles ({@code i18n/messages.properties}, Dutch, and {@code messages_en.properties})
 * read without Spring, for domain code and for texts with named arguments. Spring's {@code
 * MessageSource} reads the same files for the pages.
 */
public final class Messages {

  private static final Map<String, String> NL = load("i18n/messages.properties");
  private static final Map<String, String> EN = load("i18n/messages_en.properties");

  private Messages() {}

  static Text text(String key, Object... namedArgs) {
    if (namedArgs.length % 2 != 0) {
      throw new IllegalArgumentException("Arguments of " + key + " must come in name, value pairs");
    }
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < namedArgs.length; i += 2) {
      args.put((String) namedArgs[i], namedArgs[i + 1]);
    }
    return new Text(
        fill(key, template(NL, key), args, false), fill(key, template(EN, key), args, true));
  }

  /** Whether the bundles hold the key. */
  public static boolean has(String key) {
    return NL.containsKey(key) && EN.containsKey(key);
  }

  /**
   * The unfilled messages whose keys start with {@code prefix}, for scripts that fill {@code
   * {name}} themselves.
   */
  public static Map<String, String> templates(String prefix, boolean english) {
    Map<String, String> out = new java.util.TreeMap<>();
    (english ? EN : NL)
        .forEach(
            (k, v) -> {
              if (k.startsWith(prefix)) {
                out.put(k, v);
              }
            });
    return out;
  }

  /** The keys of the Dutch and the English bundle, for the test that keeps them in step. */
  public static Set<String> keys(boolean english) {
    return (english ? EN : NL).keySet();
  }

  private static String template(Map<String, String> bundle, String key) {
    String t = bundle.get(key);
    if (t == null) {
      throw new IllegalArgumentException("No message '" + key + "' in the bundles");
    }
    return t;
  }

  private static String fill(String key, String template, Map<String, Object> args, boolean en) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String name = template.substring(i + 1, close);
      // {n|one|other}: the word for one or for any other number of n
      String[] plural = name.split("\\|", -1);
      if (!args.containsKey(plural[0])) {
        throw new IllegalArgumentException(
            "Message '" + key + "' needs argument {" + plural[0] + "}");
      }
      if (plural.length == 3) {
        out.append(isOne(args.get(plural[0])) ? plural[1] : plural[2]);
      } else {
        out.append(render(args.get(name), en));
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static boolean isOne(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue() == 1.0;
    }
    if (value instanceof Text.Num n) {
      return n.value() == 1.0;
    }
    return "1".equals(String.valueOf(value));
  }

  private static String render(Object value, boolean en) {
    if (value instanceof Text t) {
      return en ? t.en() : t.nl();
    }
    if (value instanceof Text.Num n) {
      return Text.format(n, en);
    }
    return String.valueOf(value);
  }

  private static Map<String, String> load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Message bundle " + resource + " is missing");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> m = new HashMap<>();
    p.forEach((k, v) -> m.put((String) k, (String) v));
    return Map.copyOf(m);
  }
}
