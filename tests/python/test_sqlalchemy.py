"""SQLAlchemy 2 against Mallard through both of its PostgreSQL dialects (psycopg2 and psycopg 3):
the Inspector calls that schema tools and migrations make, Core and ORM inserts and selects.

Every engine's first connection runs the dialect's initialize(), which parses version() and
(psycopg 3 dialect) looks up the hstore type inside a savepoint; the gaps below say which server
answers stop it today.
"""

import decimal
import itertools
import os

import pytest
import sqlalchemy as sa
from sqlalchemy import orm

DIALECTS = ["psycopg2", "psycopg"]


def _url(server, dialect):
    return sa.engine.URL.create(f"postgresql+{dialect}", username="postgres",
                                password=server.password, host=server.host, port=server.port,
                                database="postgres")


@pytest.fixture(params=DIALECTS)
def engine(request, server):
    eng = sa.create_engine(_url(server, request.param))
    yield eng
    eng.dispose()


_objects = itertools.count(1)


@pytest.fixture
def schema_objects(server):
    """Names for a parent table, a child table with a foreign key and an index, and a view; made
    through psycopg (not SQLAlchemy) so that the inspector checks do not depend on DDL support."""
    import psycopg
    base = f"sa_{os.getpid()}_{next(_objects)}"
    names = {"parent": f"{base}_parent", "child": f"{base}_child", "view": f"{base}_view",
             "index": f"{base}_ix"}
    with psycopg.connect(server.dsn(), autocommit=True) as c:
        c.execute(f"CREATE TABLE {names['parent']} (id integer PRIMARY KEY, "
                  f"name varchar(20) NOT NULL)")
        c.execute(f"CREATE TABLE {names['child']} (id integer PRIMARY KEY, "
                  f"parent_id integer REFERENCES {names['parent']} (id), score double precision)")
        c.execute(f"CREATE INDEX {names['index']} ON {names['child']} (score)")
        c.execute(f"CREATE VIEW {names['view']} AS SELECT id, score FROM {names['child']}")
    yield names
    with psycopg.connect(server.dsn(), autocommit=True) as c:
        c.execute(f"DROP VIEW IF EXISTS {names['view']}")
        c.execute(f"DROP TABLE IF EXISTS {names['child']}")
        c.execute(f"DROP TABLE IF EXISTS {names['parent']}")


def test_connect_and_server_version(engine):
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT 40 + :n"), {"n": 2}).scalar_one() == 42
    assert engine.dialect.server_version_info >= (10,)


def test_inspector_schema_names(engine):
    assert "public" in sa.inspect(engine).get_schema_names()


def test_inspector_table_names(engine, schema_objects):
    tables = sa.inspect(engine).get_table_names()
    assert schema_objects["parent"] in tables and schema_objects["child"] in tables
    assert schema_objects["view"] not in tables


def test_inspector_view_names(engine, schema_objects):
    assert schema_objects["view"] in sa.inspect(engine).get_view_names()


def test_inspector_columns(engine, schema_objects):
    cols = sa.inspect(engine).get_columns(schema_objects["child"])
    assert [c["name"] for c in cols] == ["id", "parent_id", "score"]
    assert [type(c["type"]) for c in cols] == [sa.INTEGER, sa.INTEGER, sa.DOUBLE_PRECISION]
    assert [c["nullable"] for c in cols] == [False, True, True]


def test_inspector_pk_constraint(engine, schema_objects):
    pk = sa.inspect(engine).get_pk_constraint(schema_objects["child"])
    assert pk["constrained_columns"] == ["id"]


def test_inspector_foreign_keys(engine, schema_objects):
    fks = sa.inspect(engine).get_foreign_keys(schema_objects["child"])
    assert [(f["constrained_columns"], f["referred_table"], f["referred_columns"])
            for f in fks] == [(["parent_id"], schema_objects["parent"], ["id"])]


def test_inspector_indexes(engine, schema_objects):
    indexes = sa.inspect(engine).get_indexes(schema_objects["child"])
    assert [(i["name"], i["column_names"], i["unique"]) for i in indexes] == [
        (schema_objects["index"], ["score"], False)]
    # the key's operator class is its type's default one, so no postgresql_ops are reported
    assert indexes[0].get("dialect_options", {}).get("postgresql_ops") is None


class Base(orm.DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = f"sa_item_{os.getpid()}"
    id: orm.Mapped[int] = orm.mapped_column(primary_key=True, autoincrement=False)
    name: orm.Mapped[str] = orm.mapped_column(sa.String(40))
    price: orm.Mapped[decimal.Decimal] = orm.mapped_column(sa.Numeric(10, 2))


def test_orm_create_insert_select_update_delete(engine):
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    try:
        with orm.Session(engine) as s:
            s.add_all([Item(id=1, name="duck", price=decimal.Decimal("9.99")),
                       Item(id=2, name="goose", price=decimal.Decimal("19.50"))])
            s.commit()
        with orm.Session(engine) as s:
            rows = s.scalars(sa.select(Item).where(Item.price > 5).order_by(Item.id)).all()
            assert [(i.id, i.name, i.price) for i in rows] == [
                (1, "duck", decimal.Decimal("9.99")), (2, "goose", decimal.Decimal("19.50"))]
            s.get(Item, 2).name = "swan"
            s.delete(s.get(Item, 1))
            s.commit()
        with engine.connect() as c:
            assert c.execute(sa.select(Item.__table__)).all() == [
                (2, "swan", decimal.Decimal("19.50"))]
    finally:
        Base.metadata.drop_all(engine)


def test_core_serial_primary_key_insert_returning(engine):
    md = sa.MetaData()
    t = sa.Table(f"sa_serial_{os.getpid()}", md,
                 sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(20)))
    md.drop_all(engine)
    md.create_all(engine)
    try:
        with engine.begin() as c:
            ids = c.execute(t.insert().returning(t.c.id), [{"name": "a"}, {"name": "b"}])
            assert sorted(ids.scalars()) == [1, 2]
        with engine.connect() as c:
            names = c.execute(sa.select(t.c.name).order_by(t.c.id)).scalars().all()
            assert names == ["a", "b"]
    finally:
        md.drop_all(engine)
