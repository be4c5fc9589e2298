package nl.veerkracht.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of a sub-command: {@code --name value}, {@code --name=value}, flags, and
 * positional arguments. Spring settings such as {@code --server.port=9090} (a dot in the name) are
 * left to Spring and skipped here.
 */
public final class Arguments {

  private final Map<String, List<String>> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Arguments() {}

  /**
   * Parses the arguments after the command name.
   *
   * @param valued names of options that take a value
   * @param flags names of options without a value
   * @throws UsageException on an unknown option or a missing value
   */
  public static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
    Arguments result = new Arguments();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.equals("--")) {
        result.positional.add(arg);
        continue;
      }
      String body = arg.substring(2);
      String name = body.contains("=") ? body.substring(0, body.indexOf('=')) : body;
      if (name.contains(".")) {
        continue; // a Spring property such as --server.port=9090
      }
      if (flags.contains(name)) {
        result.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (valued.contains(name)) {
        String value;
        if (body.contains("=")) {
          value = body.substring(body.indexOf('=') + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException("Option --" + name + " needs a value");
        }
        result.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        throw new UsageException("Unknown option --" + name);
      }
    }
    return result;
  }

  public Optional<String> find(String name) {
    List<String> values = options.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  public List<String> list(String name) {
    return options.getOrDefault(name, List.of());
  }

  public boolean flag(String name) {
    return options.containsKey(name);
  }

  public Optional<Integer> findInt(String name) {
    return find(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v.trim());
              } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
              }
            });
  }

  public List<String> positional() {
    return positional;
  }

  /** Wrong use of the command line: exit code 2 with the command's usage. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
