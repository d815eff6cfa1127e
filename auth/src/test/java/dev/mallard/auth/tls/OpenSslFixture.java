package dev.mallard.auth.tls;

/**
 * Files made by the OpenSSL 3.0 command line, so loading is tested against real OpenSSL output:
 * {@code openssl ecparam -name prime256v1 -genkey -out ec.key} and {@code openssl req -new -x509
 * -key ec.key -subj /CN=fixture -days 36500 -sha384 -out ec.crt}.
 */
final class OpenSslFixture {
  private OpenSslFixture() {}

  static final String EC_PARAMETERS_AND_KEY =
      """
      -----BEGIN EC PARAMETERS-----
      BggqhkjOPQMBBw==
      -----END EC PARAMETERS-----
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEILWylnlC/f7mL11BruTrVyyROPfFNnYs5yQkTj4pUPZcoAoGCCqGSM49
      AwEHoUQDQgAERemYjiTMQ8HQFeOjhkAJSvDAILs1icGSLgAJbgTte23yR+wD5gZv
      w8QLTiXE+xjvmaR+abEmEQJqeNNXvo5GAA==
      -----END EC PRIVATE KEY-----
      """;

  static final String EC_CERTIFICATE =
      """
      -----BEGIN CERTIFICATE-----
      MIIBejCCASGgAwIBAgIUVraBt9QP713cNm8prpEacaQDpPYwCgYIKoZIzj0EAwMw
      EjEQMA4GA1UEAwwHZml4dHVyZTAgFw0yNjExMjEwOTQ4NTZaGA8yMTI2MTAyODA5
      NDg1NlowEjEQMA4GA1UEAwwHZml4dHVyZTBZMBMGByqGSM49AgEGCCqGSM49AwEH
      A0IABEXpmI4kzEPB0BXjo4ZACUrwwCC7NYnBki4ACW4E7Xtt8kfsA+YGb8PEC04l
      xPsY75mkfmmxJhECanjTV76ORgCjUzBRMB0GA1UdDgQWBBTwa8oqK7w3BkU3mme1
      VYKtVTfG5zAfBgNVHSMEGDAWgBTwa8oqK7w3BkU3mme1VYKtVTfG5zAPBgNVHRMB
      Af8EBTADAQH/MAoGCCqGSM49BAMDA0cAMEQCIChFGs3U2em8HEqPRLs64vZvvmqh
      VcisxKITNShZ1+MbAiB1ggYQulRpxF5K5DL/VURan1VV5ceo+axnsns/gMlN5Q==
      -----END CERTIFICATE-----
      """;

  /** {@code openssl x509 -in ec.crt -outform der | sha384sum}. */
  static final String EC_CERTIFICATE_SHA384 =
      "c915e9c6508fa55982c9c3c9ab1935a2ab966f752a957e3e361cc11d4a7b761b"
          + "dca319b39d91f64e84aa0db2d44ea3dc";
}
