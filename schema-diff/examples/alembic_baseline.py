"""The baseline of bench_commands: Alembic's autogenerate comparison on the
same database, timed the same way (median of runs).

The models are the database's own tables reflected once (not timed), so, as
on strata's side, the comparison is "introspect the catalog, then diff it
with the models": `alembic.autogenerate.compare_metadata`, which reflects the
database and compares.

    python3 alembic_baseline.py URL RUNS [--pause]

With `--pause` it prints `ready` once the models are reflected and waits
for a line on standard input before comparing (the benchmark counts the
statements of the comparisons alone).

Needs `pip install alembic==1.20.1 sqlalchemy==2.1.9 psycopg2-binary`. Prints
one line: `alembic A sqlalchemy S: median M ms, min m ms, max x ms over N
runs; D differences reported`.
"""

import statistics
import sys
import time

from alembic import __version__ as alembic_version
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, __version__ as sqlalchemy_version, create_engine


def main() -> int:
    url, runs = sys.argv[1], int(sys.argv[2])
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg2://" + url[len(prefix):]
    engine = create_engine(url)
    models = MetaData()
    with engine.connect() as conn:
        models.reflect(bind=conn)
    if "--pause" in sys.argv[3:]:
        print("ready", flush=True)
        sys.stdin.readline()
    times = []
    differences = 0
    for _ in range(runs):
        with engine.connect() as conn:
            start = time.perf_counter()
            context = MigrationContext.configure(conn)
            differences = len(compare_metadata(context, models))
            times.append((time.perf_counter() - start) * 1000.0)
    print(
        f"alembic {alembic_version} sqlalchemy {sqlalchemy_version}: "
        f"median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, "
        f"max {max(times):.1f} ms over {runs} runs; {differences} differences reported"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
