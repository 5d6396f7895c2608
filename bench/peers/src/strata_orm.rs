//! strata: typed CRUD on one pooled session, `load_children` for the
//! relation, `project`/`group_by` for the aggregate, `copy_in` for the bulk
//! insert, `Select::stream` for streaming.

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use strata::aggregate::count;
use strata::{Executor, Table};

use crate::data::{self, NewBook, Op, Res};

#[derive(Table, Clone, Debug)]
#[table(name = "authors")]
pub struct Author {
    #[column(primary_key, identity = "by_default")]
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Table, Clone, Debug)]
#[table(name = "books")]
pub struct Book {
    #[column(primary_key, identity = "by_default")]
    pub id: i64,
    #[column(references = "authors(id)", index)]
    pub author_id: i64,
    pub title: String,
    pub pages: i32,
    pub price: f64,
    pub published_at: DateTime<Utc>,
}

fn from_new(n: NewBook) -> Book {
    Book {
        id: 0,
        author_id: n.author_id,
        title: n.title,
        pages: n.pages,
        price: n.price,
        published_at: n.published_at,
    }
}

pub struct Strata {
    // Field order: the session goes back to the pool before the pool closes.
    session: strata::Session,
    _pool: strata::Pool,
    bulk: Vec<Book>,
}

async fn session(url: &str) -> Res<(strata::Pool, strata::Session)> {
    let config: tokio_postgres::Config = url.parse()?;
    let pool = strata::Pool::builder_from_config(config)
        .max_size(1)
        .build()?;
    let session = pool.session().await?;
    Ok((pool, session))
}

impl Strata {
    pub async fn new(url: &str) -> Res<Strata> {
        let (pool, session) = session(url).await?;
        Ok(Strata {
            session,
            _pool: pool,
            bulk: Vec::new(),
        })
    }

    /// Whether the session's connection runs over TLS (`pg_stat_ssl`).
    /// Raw SQL: the session is reset when it goes back to the pool (after
    /// the run); the typed operations are not affected.
    pub async fn encrypted(&self) -> Res<bool> {
        let row = self
            .session
            .client()
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .await?;
        Ok(row.get(0))
    }

    pub async fn run(&mut self, op: Op, i: usize, round: usize) -> Res<usize> {
        let s = &self.session;
        Ok(match op {
            Op::Get => {
                let b: Book = s.get::<Book>(data::get_id(i)).await?;
                std::hint::black_box(b);
                1
            }
            Op::Insert => {
                let b = s.insert(&from_new(data::new_book(i))).await?;
                std::hint::black_box(b);
                1
            }
            Op::Update => {
                let r = data::update_row(i, round);
                let row = Book {
                    id: r.id,
                    author_id: r.author_id,
                    title: r.title,
                    pages: r.pages,
                    price: r.price,
                    published_at: r.published_at,
                };
                let b = s.update(&row).await?;
                std::hint::black_box(b);
                1
            }
            Op::Select => {
                let start = data::select_start(i);
                let books = s
                    .select::<Book>()
                    .filter(|c| c.id.gt(start))
                    .order_by(|c| c.id.asc())
                    .limit(1000)
                    .all()
                    .await?;
                let n = books.len();
                std::hint::black_box(books);
                n
            }
            Op::Join => {
                let start = data::join_start(i);
                let authors = s
                    .select::<Author>()
                    .filter(|c| c.id.gt(start))
                    .order_by(|c| c.id.asc())
                    .limit(100)
                    .all()
                    .await?;
                let books: Vec<Vec<Book>> = s.load_children::<Author, Book>(&authors).await?;
                let n = books.iter().map(Vec::len).sum();
                std::hint::black_box((authors, books));
                n
            }
            Op::Aggregate => {
                let a = data::agg_start(i);
                let rows: Vec<(i64, i64, Option<i64>)> = s
                    .select::<Book>()
                    .filter(|c| c.author_id.ge(a).and(c.author_id.le(a + 99)))
                    .group_by(|c| c.author_id)
                    .order_by(|c| c.author_id.asc())
                    .project(|c| (c.author_id, count(), c.pages.sum()))
                    .all()
                    .await?;
                let n = rows.len();
                std::hint::black_box(rows);
                n
            }
        })
    }

    pub fn prepare_bulk(&mut self, rows: &[NewBook]) {
        self.bulk = rows.iter().cloned().map(from_new).collect();
    }

    pub async fn bulk(&mut self) -> Res<u64> {
        Ok(self.session.copy_in(&self.bulk).await?)
    }
}

/// Streams every book; returns the rows, the sum of their pages and the
/// seconds from the query to the last row (connecting not included).
pub async fn stream(url: &str) -> Res<(u64, i64, f64)> {
    let (_pool, session) = session(url).await?;
    // Timed from the query on: connecting is not part of streaming.
    let t = std::time::Instant::now();
    let mut rows = session.select::<Book>().stream().await?;
    let (mut n, mut pages) = (0u64, 0i64);
    while let Some(b) = rows.try_next().await? {
        n += 1;
        pages += b.pages as i64;
        std::hint::black_box(b);
    }
    Ok((n, pages, t.elapsed().as_secs_f64()))
}
