package dev.mallard.engine;

import dev.mallard.wire.types.PgColumnType;

/** One result column as RowDescription reports it. */
public record Column(String name, PgColumnType type) {}
