package nl.veerkracht.geo;

/** A geometry that cannot be used; the message says why in words a user understands. */
public class GeometryException extends Exception {
  public GeometryException(String message) {
    super(message);
  }
}
