package dev.mallard.auth.scram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Verifiers produced by PostgreSQL 15.18 ({@code SET password_encryption = 'scram-sha-256'; CREATE
 * ROLE r PASSWORD '...'}, read from pg_authid) for passwords that exercise each branch of SASLprep.
 * Mallard must accept the same password for each, or roles could not move between the two.
 */
class PostgresVerifierCompatibilityTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ascii | pencil |"
            + " SCRAM-SHA-256$4096:f7IXuhCrNUM/ecKpOu8vRQ==$ElyBDgz1snq6hsDgGr7AME6Hgv+4hSwxYf20HEM+xqs=:6rb/awsmnuYThfJDnoI/+CXI9Nkmvf4vcwjLDXWayfc=",
        "mapped to nothing and NFKC | I\u00ADX\u2168 |"
            + " SCRAM-SHA-256$4096:oazCd768Wv28yl/33BQWWg==$QrhfS/OsY+JmraTkY8gOnz1wSrhtrAkfwrw9nkhBr5I=:c/NDovCOf/SdewN1H8/Q16rgzgnp+Nl32rKxrcOBSTw=",
        "non-ASCII space | a\u00A0b |"
            + " SCRAM-SHA-256$4096:AdhSmNNsaA1V/FQ4Hc5LoQ==$9sIRUFGVktOmBP8e1D9v07iIXJRUPfRsjC3z37Te0wA=:3TvBjNH/Xu5WLsNFliq2VBVX2LwxqtmXyT5I3W8SQcE=",
        "bidi violation, raw | \u06271 |"
            + " SCRAM-SHA-256$4096:N3fjmByemwFMVqpy0sF6Yw==$SpWcna2qj6qfq74meVtDYWUOxcpxacpLFKL37LkgV4g=:Ji4yha1u8RK1rIrH8bu9b3h5FXEmd6QJLIZ21zTotxI=",
        "prohibited control, raw | '\u2168\u0007' |"
            + " SCRAM-SHA-256$4096:+f2xdMDOqTzjDmQSmPAvgQ==$XK+E0NKB7+zG2FPWkrySod9Haru2uTXXD6dyUYNuy4Y=:2PbSCRrU3612CXnx37psyQOQiK+KAz3aM7Ok0SZqrT4=",
        "combining mark composed | e\u0301 |"
            + " SCRAM-SHA-256$4096:iX4ivXwAKJPHjbirs53xFw==$oD0swzutjMKTkSP+jWYjQokbzX25a/iD3DOP2hIUW+I=:Px4QNBuFOy/Js9AY0uj3BOrOiGyaW/UIe4OVGYQ2/6g=",
        "ordinal indicator | \u00AA |"
            + " SCRAM-SHA-256$4096:GlU1GSujs8VCH/y2ev8m/Q==$n8lxQBVBhh7lnagg63FoaN96QRBmQ5TAHHVCvv9Yv4U=:N+cSPnajMwXyzCuYZ0roj9IakEpuUH0vGdTiQqkLKmg=",
        "ascii control kept | a\u0007b |"
            + " SCRAM-SHA-256$4096:c59R0+AgIBUbDKRQePWhOg==$+33+YXNysDi3lcTgvuZ6J+6KwnFUCh4aAeQNTKAqscE=:rC53ABJPMxJLT4FNJaN49M5sV5RpWFpsy6QqDs1Cxfs=",
        "unassigned in Unicode 3.2, raw | \uD83D\uDE00\u2168 |"
            + " SCRAM-SHA-256$4096:nmHXj5Mbe/k3DSERguB2Jw==$Xu6NDcCEfDGxFV2FF1g8tDBQCh1BoQ9gEtN4ejEJshM=:itIuikyix1+JLxMgMQrpKNxiiwJ9W9vdxHeqNiNRaps=",
        "right-to-left | \u06271\u0628 |"
            + " SCRAM-SHA-256$4096:sCr630HNVTT9aIXMXNnW0w==$cJiYGqhmwt22r6jN8amqkNn4u99YTKDoIOFAQO6Ybw4=:6UljE5ywwFGoS+oI3mkjglCeeZPgiwKG+2s1N6lN/Ik=",
        "zero width space | x\u200By |"
            + " SCRAM-SHA-256$4096:4/CKMwgJ4gIivJI3mA35cA==$+J5m9S8mBxwdGWIqMrkLtQH4Hrsgj8tV7ImCnLZP8SQ=:t43m3p9HogEZP/1lzjH8rTFRu/+U93P0WCE11huDh54=",
        "fullwidth letters | \uFF21\uFF22 |"
            + " SCRAM-SHA-256$4096:cdKyDwvScewFSjihI+IktA==$aAd5jsDkZzsdigyqldNcbwemCWnMROLO9x9Mcbb/hsQ=:65L0Uxtr4qxNanI4L6jpsjF4OoF0QzTWiRSBn2tGtY8=",
      })
  void acceptsPostgresVerifier(String description, String password, String postgresVerifier) {
    ScramVerifier verifier = ScramVerifier.parse(postgresVerifier);
    assertTrue(verifier.verifyPassword(password), description);
    assertEquals(postgresVerifier, verifier.encode());
    assertFalse(verifier.verifyPassword(password + "x"), description);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Prepared forms match: SASLprep was applied.
        "IXIX | true |"
            + " SCRAM-SHA-256$4096:oazCd768Wv28yl/33BQWWg==$QrhfS/OsY+JmraTkY8gOnz1wSrhtrAkfwrw9nkhBr5I=:c/NDovCOf/SdewN1H8/Q16rgzgnp+Nl32rKxrcOBSTw=",
        "AB | true |"
            + " SCRAM-SHA-256$4096:cdKyDwvScewFSjihI+IktA==$aAd5jsDkZzsdigyqldNcbwemCWnMROLO9x9Mcbb/hsQ=:65L0Uxtr4qxNanI4L6jpsjF4OoF0QzTWiRSBn2tGtY8=",
        // The normalized form does not match: PostgreSQL hashed the raw bytes.
        "\uD83D\uDE00IX | false |"
            + " SCRAM-SHA-256$4096:nmHXj5Mbe/k3DSERguB2Jw==$Xu6NDcCEfDGxFV2FF1g8tDBQCh1BoQ9gEtN4ejEJshM=:itIuikyix1+JLxMgMQrpKNxiiwJ9W9vdxHeqNiNRaps=",
        "'IX\u0007' | false |"
            + " SCRAM-SHA-256$4096:+f2xdMDOqTzjDmQSmPAvgQ==$XK+E0NKB7+zG2FPWkrySod9Haru2uTXXD6dyUYNuy4Y=:2PbSCRrU3612CXnx37psyQOQiK+KAz3aM7Ok0SZqrT4=",
      })
  void preparedFormsMatchOnlyWhenPostgresPrepared(
      String password, boolean matches, String postgresVerifier) {
    assertEquals(matches, ScramVerifier.parse(postgresVerifier).verifyPassword(password));
  }
}
