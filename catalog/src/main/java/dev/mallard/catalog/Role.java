package dev.mallard.catalog;

/**
 * A login role as the server knows it. The password is kept only as PostgreSQL's SCRAM-SHA-256
 * verifier text ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}), never in clear.
 */
public record Role(String name, boolean superuser, boolean canLogin, String scramVerifier) {}
