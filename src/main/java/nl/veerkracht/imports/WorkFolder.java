package nl.veerkracht.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.veerkracht.VeerkrachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Empties {@code uploads/work} when the server starts: what is there was unpacked for a run of an
 * earlier process (killed mid-run, say) and no run of this one can use it. A command run next to
 * the server only starts after the server owns the home folder, so none of its files are there yet.
 */
@Component
@ConditionalOnWebApplication
class WorkFolder {

  private static final Logger log = LoggerFactory.getLogger(WorkFolder.class);

  private final VeerkrachtProperties properties;

  WorkFolder(VeerkrachtProperties properties) {
    this.properties = properties;
  }

  // never in a command beside a server: the files may be the server's uploads in progress. First
  // of the start's listeners, and only files older than this process: the demo loader, also
  // started by ApplicationReadyEvent, unpacks its files here, and a cleanup that ran after it
  // began removed one of them mid-import (seen as a rejected demo file in TwoInstancesIT)
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
  @EventListener(
      value = ApplicationReadyEvent.class,
      condition = nl.veerkracht.CommandProcess.NOT_IN_A_COMMAND)
  void removeLeftovers() {
    Path work = properties.home().resolve("uploads/work");
    if (!Files.isDirectory(work)) {
      return;
    }
    long bytes = 0;
    int files = 0;
    long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    try (Stream<Path> paths = Files.list(work)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(p).toMillis() >= started) {
          continue; // made by this process: a run of this server is using it
        }
        bytes += Files.size(p);
        Files.deleteIfExists(p);
        files++;
      }
    } catch (IOException e) {
      log.warn("Could not empty {}: {}", work, e.getMessage());
    }
    if (files > 0) {
      log.info("Removed {} files ({} bytes) left in {} by an earlier run", files, bytes, work);
    }
  }
}
