"""SQLAlchemy 2.x async ORM (asyncpg) doing the work of the Rust peers
(bench/peers/src), on the database the Rust side created and seeded.

Run by the Rust benchmark in the virtual environment it creates
(target/pyenv); prints one JSON object on stdout: seconds per operation
(median over rounds), the bulk insert's seconds, and the streaming run
(seconds, peak resident memory in KiB, measured in a child process).
The Rust side runs it once per round (`--rounds 1 --bulk-rounds 0
--no-stream` after each of its rounds, `--rounds 0 --bulk-rounds 1` after
each bulk round, `--stream-child` after each streaming run), so SQLAlchemy
is measured next to the Rust libraries under the same machine load.
"""

import argparse
import asyncio
import datetime as dt
import json
import statistics
import subprocess
import sys
import time

from sqlalchemy import BigInteger, Double, ForeignKey, Integer, Text, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload
from sqlalchemy.types import DateTime

AUTHORS = 100_000
BOOKS_PER_AUTHOR = 10
BOOKS = AUTHORS * BOOKS_PER_AUTHOR
BULK_ROWS = 100_000
UTC = dt.timezone.utc


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    books: Mapped[list["Book"]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "books"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    author_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("authors.id"))
    title: Mapped[str] = mapped_column(Text)
    pages: Mapped[int] = mapped_column(Integer)
    price: Mapped[float] = mapped_column(Double)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[Author] = relationship(back_populates="books")


# The same arguments as bench/peers/src/data.rs.
def new_book(i):
    return dict(bulk_book(i), author_id=AUTHORS + 1)


def bulk_book(i):
    return dict(
        author_id=1 + (i * 31) % AUTHORS,
        title=f"new book {i}",
        pages=50 + i % 700,
        price=(i % 9000) / 100.0,
        published_at=dt.datetime.fromtimestamp(1_600_000_000 + i * 60, UTC),
    )


def get_id(i):
    return 1 + (i * 7_919) % BOOKS


def update_id(i):
    return 1 + (i * 104_729) % BOOKS


def select_start(i):
    return (i * 9_973) % (BOOKS - 1_000)


def join_start(i):
    return (i * 997) % (AUTHORS - 100)


def agg_start(i):
    return 1 + (i * 991) % (AUTHORS - 100)


async def op_get(s: AsyncSession, i, rnd):
    b = (await s.execute(select(Book).where(Book.id == get_id(i)))).scalar_one()
    return 1 if b.id else 0


async def op_insert(s: AsyncSession, i, rnd):
    b = Book(**new_book(i))
    s.add(b)
    await s.commit()  # the row's id comes back (INSERT ... RETURNING id)
    await s.refresh(b)  # and the stored row, as the Rust peers read it back
    return 1


async def op_update(s: AsyncSession, i, rnd):
    ident = update_id(i)
    b = Book(
        id=ident,
        author_id=(ident - 1) // BOOKS_PER_AUTHOR + 1,
        title=f"book number {ident}",
        pages=100 + (i + rnd * 7) % 900,
        price=((i + rnd) % 5000) / 100.0,
        published_at=dt.datetime.fromtimestamp(1_609_459_200 + ident, UTC),
    )
    b = await s.merge(b)  # loads the row by key, then writes the changes
    await s.commit()
    await s.refresh(b)
    return 1


async def op_select(s: AsyncSession, i, rnd):
    rows = (
        await s.scalars(
            select(Book).where(Book.id > select_start(i)).order_by(Book.id).limit(1000)
        )
    ).all()
    return len(rows)


async def op_join(s: AsyncSession, i, rnd):
    authors = (
        await s.scalars(
            select(Author)
            .where(Author.id > join_start(i))
            .order_by(Author.id)
            .limit(100)
            .options(selectinload(Author.books))
        )
    ).all()
    return sum(len(a.books) for a in authors)


async def op_aggregate(s: AsyncSession, i, rnd):
    a = agg_start(i)
    rows = (
        await s.execute(
            select(Book.author_id, func.count(Book.id), func.sum(Book.pages))
            .where(Book.author_id.between(a, a + 99))
            .group_by(Book.author_id)
            .order_by(Book.author_id)
        )
    ).all()
    return len(rows)


OPS = [
    ("get", op_get, 1),
    ("insert", op_insert, 1),
    ("update", op_update, 1),
    ("select", op_select, 1000),
    ("join", op_join, 1000),
    ("aggregate", op_aggregate, 100),
]


async def bench(args):
    engine = create_async_engine(args.url, pool_size=1, max_overflow=0)
    maker = async_sessionmaker(engine, expire_on_commit=False)
    calls = [int(c) for c in args.calls.split(",")]
    times = {name: [] for name, _, _ in OPS}
    async with maker() as s:
        # Warm-up (statement caches, pages).
        for name, fn, want in OPS if args.rounds > 0 else []:
            for i in range(min(calls[0], 50)):
                got = await fn(s, i, 0)
                assert got == want, (name, got)
                s.expunge_all()
        for rnd in range(args.rounds):
            for k, (name, fn, want) in enumerate(OPS):
                n = calls[k]
                t = time.perf_counter()
                for i in range(n):
                    got = await fn(s, i, rnd + 1)
                    # A fresh identity map per operation: every row is
                    # loaded and built, as in the Rust peers.
                    s.expunge_all()
                    assert got == want, (name, got)
                times[name].append((time.perf_counter() - t) / n)
            print(
                f"sqlalchemy round {rnd + 1}/{args.rounds}: "
                + ", ".join(f"{k} {v[-1] * 1e6:.0f} us" for k, v in times.items()),
                file=sys.stderr,
            )
        # Bulk insert: the ORM's bulk INSERT (a list of dicts through
        # insert(Book), executemany with insertmanyvalues batches).
        bulk = []
        rows = [bulk_book(i) for i in range(BULK_ROWS)] if args.bulk_rounds else []
        if args.bulk_rounds:
            await s.execute(Book.__table__.delete().where(Book.id > BOOKS))
            await s.commit()
        for rnd in range(args.bulk_rounds):
            t = time.perf_counter()
            await s.execute(insert(Book), rows)
            await s.commit()
            bulk.append(time.perf_counter() - t)
            print(f"sqlalchemy bulk round {rnd + 1}: {bulk[-1]:.3f} s", file=sys.stderr)
            await s.execute(Book.__table__.delete().where(Book.id > BOOKS))
            await s.commit()
    await engine.dispose()
    out = {}
    if args.rounds:
        out["ops"] = {name: statistics.median(v) for name, v in times.items()}
    if args.bulk_rounds:
        out["bulk"] = statistics.median(bulk)
    return out


async def stream(url):
    engine = create_async_engine(url, pool_size=1, max_overflow=0)
    maker = async_sessionmaker(engine)
    n = pages = 0
    async with maker() as s:
        # Connected first: as in the Rust children, the time runs from the
        # query to the last row.
        await s.connection()
        t = time.perf_counter()
        result = await s.stream_scalars(
            select(Book).execution_options(yield_per=1000)
        )
        async for partition in result.partitions():
            for b in partition:
                n += 1
                pages += b.pages
            # (the identity map holds weak references: rows not kept are
            # freed as the stream goes on)
    secs = time.perf_counter() - t
    await engine.dispose()
    # VmHWM, as the Rust children report: the peak of this process's own
    # memory. (getrusage's ru_maxrss would not do: across fork and exec it
    # keeps the parent's peak.)
    peak = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    return {"rows": n, "pages": pages, "secs": secs, "peak_kib": peak}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--bulk-rounds", type=int, default=1)
    p.add_argument("--calls", default="500,250,250,25,25,50")
    p.add_argument("--stream-child", action="store_true")
    p.add_argument("--no-stream", action="store_true")
    args = p.parse_args()
    if args.stream_child:
        print(json.dumps(asyncio.run(stream(args.url))))
        return
    out = asyncio.run(bench(args))
    if args.no_stream:
        print(json.dumps(out))
        return
    # Streaming in a process of its own, for its peak memory.
    child = subprocess.run(
        [sys.executable, __file__, "--url", args.url, "--stream-child"],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    out["stream"] = json.loads(child.stdout)
    print(f"sqlalchemy stream: {out['stream']}", file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
