package nl.veerkracht.statistics;

import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Writes the shipped indicator catalogue to the database once per start (after migrations), so that
 * labels follow the code. Imports call {@link #ensureSynchronised()} first, because figures refer
 * to catalogue ids.
 */
@Component
public class CatalogueSynchroniser implements SmartInitializingSingleton {

  private final IndicatorRepository indicators;
  private volatile boolean done;

  public CatalogueSynchroniser(IndicatorRepository indicators) {
    this.indicators = indicators;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ensureSynchronised();
  }

  public synchronized void ensureSynchronised() {
    if (!done) {
      indicators.synchronise(IndicatorCatalogue.standard());
      done = true;
    }
  }
}
