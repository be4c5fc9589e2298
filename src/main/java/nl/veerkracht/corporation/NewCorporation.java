package nl.veerkracht.corporation;

/** The body of a new corporation. */
public record NewCorporation(String code, String name, Boolean join) {

  /** Whether the administrator who creates it becomes its analyst (the API's default: yes). */
  public boolean joins() {
    return join == null || join;
  }
}
