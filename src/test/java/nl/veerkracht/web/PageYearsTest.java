package nl.veerkracht.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Years in page texts never get a thousands point (issue 27: "2.031"). */
class PageYearsTest {

  @Test
  void yearsArePrintedAsYears() {
    StaticMessageSource messages = new StaticMessageSource();
    Locale nl = Locale.forLanguageTag("nl-NL");
    messages.addMessage("k", nl, "tot en met {0}, {1} woningen, {2} euro");
    // what the message format does by itself
    assertThat(messages.getMessage("k", new Object[] {2031, 12000, 850}, nl))
        .isEqualTo("tot en met 2.031, 12.000 woningen, 850 euro");
    // what a page says
    assertThat(messages.getMessage("k", Page.years(2031, 12000, 850), nl))
        .isEqualTo("tot en met 2031, 12.000 woningen, 850 euro");
  }
}
