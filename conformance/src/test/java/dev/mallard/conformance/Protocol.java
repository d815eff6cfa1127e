package dev.mallard.conformance;

/** The two ways the corpus reaches each server through pgjdbc. */
enum Protocol {
  /** Simple query protocol: every value travels as the server's text. */
  SIMPLE("simple", "preferQueryMode=simple"),
  /**
   * Extended protocol (Parse/Bind/Describe/Execute) with binary results: prepareThreshold=-1 makes
   * pgjdbc ask for binary from the first execution for every type it can decode, so values are
   * compared as pgjdbc's rendering of the binary form.
   */
  EXTENDED_BINARY("extended", "preferQueryMode=extended&binaryTransfer=true&prepareThreshold=-1");

  final String label;
  final String parameters;

  Protocol(String label, String parameters) {
    this.label = label;
    this.parameters = parameters;
  }

  /** Connection parameters shared by both servers; socketTimeout guards against a hung server. */
  String urlParameters() {
    return parameters + "&sslmode=disable&socketTimeout=120&ApplicationName=mallard-conformance";
  }
}
