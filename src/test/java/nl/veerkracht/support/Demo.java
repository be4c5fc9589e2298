package nl.veerkracht.support;

import java.nio.file.Path;

/** The real bundled data files, as tests find them in the source tree. */
public final class Demo {

  public static final Path DIR = Path.of("src", "main", "resources", "demo").toAbsolutePath();

  private Demo() {}

  public static Path file(String name) {
    return DIR.resolve(name);
  }
}
