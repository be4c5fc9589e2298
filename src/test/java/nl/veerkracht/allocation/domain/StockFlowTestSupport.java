package nl.veerkracht.allocation.domain;

final class StockFlowTestSupport {

  private StockFlowTestSupport() {}

  static double[][] toDouble(int[][] counts) {
    double[][] out = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      out[i] = new double[counts[i].length];
      for (int j = 0; j < counts[i].length; j++) {
        out[i][j] = counts[i][j];
      }
    }
    return out;
  }
}
