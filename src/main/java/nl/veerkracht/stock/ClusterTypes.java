package nl.veerkracht.stock;

import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.Text;
import nl.veerkracht.stock.domain.ClusterType;

/** Cluster types as requests name them. */
public final class ClusterTypes {

  private ClusterTypes() {}

  /** The code ({@code OND}) of a type given by code or Dutch name; 400 when there is none. */
  public static String require(String raw) {
    return ClusterType.find(raw)
        .map(Enum::name)
        .orElseThrow(
            () ->
                new BadRequestException(
                    Text.msg("error.stock.clusterType", "type", String.valueOf(raw))));
  }
}
