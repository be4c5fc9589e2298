package nl.veerkracht.statistics;

import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Writes the shipped indicator catalogue to the database at start-up (after migrations). */
@Component
public class CatalogueSynchroniser implements SmartInitializingSingleton {

  private final IndicatorRepository indicators;

  public CatalogueSynchroniser(IndicatorRepository indicators) {
    this.indicators = indicators;
  }

  @Override
  public void afterSingletonsInstantiated() {
    indicators.synchronise(IndicatorCatalogue.standard());
  }
}
