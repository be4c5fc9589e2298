package nl.veerkracht.bench;

/**
 * How participants send: all at once and as fast as the server answers (a stress test: 200 requests
 * always in flight), or at the pace of people at an atelier, each thinking 1 to 5 seconds before
 * the next pin or vote (still faster than anyone types a pin's text).
 */
enum AtelierPace {
  BURST(
      0,
      0,
      "all at once: every participant sends its next request as soon as the last is answered"),
  PEOPLE(
      1000,
      5000,
      "at people's pace: every participant thinks 1-5 s (at random) before each pin and vote");

  final int minThinkMs;
  final int maxThinkMs;
  final String description;

  AtelierPace(int minThinkMs, int maxThinkMs, String description) {
    this.minThinkMs = minThinkMs;
    this.maxThinkMs = maxThinkMs;
    this.description = description;
  }

  void think() throws InterruptedException {
    if (maxThinkMs > 0) {
      Thread.sleep(
          java.util.concurrent.ThreadLocalRandom.current().nextInt(minThinkMs, maxThinkMs + 1));
    }
  }
}
