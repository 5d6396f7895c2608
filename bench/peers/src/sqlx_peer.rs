//! sqlx: `query_as` with `FromRow` structs on one `PgConnection` (statements
//! prepared and cached by sqlx), the relation as two queries grouped in Rust,
//! the bulk insert as one `INSERT ... SELECT * FROM UNNEST(...)` with arrays
//! bound (sqlx's recommended bulk path), streaming with `fetch`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use sqlx::{Connection, PgConnection};

use crate::data::{self, NewBook, Op, Res};

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow, Debug, Clone)]
pub struct Book {
    pub id: i64,
    pub author_id: i64,
    pub title: String,
    pub pages: i32,
    pub price: f64,
    pub published_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow, Debug)]
pub struct PerAuthor {
    pub author_id: i64,
    pub books: i64,
    pub pages: Option<i64>,
}

pub struct Sqlx {
    conn: PgConnection,
    bulk: Vec<NewBook>,
}

impl Sqlx {
    pub async fn new(url: &str) -> Res<Sqlx> {
        Ok(Sqlx {
            conn: PgConnection::connect(url).await?,
            bulk: Vec::new(),
        })
    }

    pub async fn run(&mut self, op: Op, i: usize, round: usize) -> Res<usize> {
        let c = &mut self.conn;
        Ok(match op {
            Op::Get => {
                let b: Book = sqlx::query_as(
                    "SELECT id, author_id, title, pages, price, published_at FROM books WHERE id = $1",
                )
                .bind(data::get_id(i))
                .fetch_one(&mut *c)
                .await?;
                std::hint::black_box(b);
                1
            }
            Op::Insert => {
                let n = data::new_book(i);
                let b: Book = sqlx::query_as(
                    "INSERT INTO books (author_id, title, pages, price, published_at) \
                     VALUES ($1, $2, $3, $4, $5) \
                     RETURNING id, author_id, title, pages, price, published_at",
                )
                .bind(n.author_id)
                .bind(n.title)
                .bind(n.pages)
                .bind(n.price)
                .bind(n.published_at)
                .fetch_one(&mut *c)
                .await?;
                std::hint::black_box(b);
                1
            }
            Op::Update => {
                let r = data::update_row(i, round);
                let b: Book = sqlx::query_as(
                    "UPDATE books SET author_id = $1, title = $2, pages = $3, price = $4, \
                     published_at = $5 WHERE id = $6 \
                     RETURNING id, author_id, title, pages, price, published_at",
                )
                .bind(r.author_id)
                .bind(r.title)
                .bind(r.pages)
                .bind(r.price)
                .bind(r.published_at)
                .bind(r.id)
                .fetch_one(&mut *c)
                .await?;
                std::hint::black_box(b);
                1
            }
            Op::Select => {
                let books: Vec<Book> = sqlx::query_as(
                    "SELECT id, author_id, title, pages, price, published_at FROM books \
                     WHERE id > $1 ORDER BY id LIMIT $2",
                )
                .bind(data::select_start(i))
                .bind(1000i64)
                .fetch_all(&mut *c)
                .await?;
                let n = books.len();
                std::hint::black_box(books);
                n
            }
            Op::Join => {
                let authors: Vec<Author> = sqlx::query_as(
                    "SELECT id, name, created_at FROM authors WHERE id > $1 ORDER BY id LIMIT $2",
                )
                .bind(data::join_start(i))
                .bind(100i64)
                .fetch_all(&mut *c)
                .await?;
                let ids: Vec<i64> = authors.iter().map(|a| a.id).collect();
                let at: HashMap<i64, usize> =
                    ids.iter().enumerate().map(|(k, id)| (*id, k)).collect();
                let rows: Vec<Book> = sqlx::query_as(
                    "SELECT id, author_id, title, pages, price, published_at FROM books \
                     WHERE author_id = ANY($1)",
                )
                .bind(&ids)
                .fetch_all(&mut *c)
                .await?;
                let mut books: Vec<Vec<Book>> = vec![Vec::new(); authors.len()];
                for b in rows {
                    books[at[&b.author_id]].push(b);
                }
                let n = books.iter().map(Vec::len).sum();
                std::hint::black_box((authors, books));
                n
            }
            Op::Aggregate => {
                let a = data::agg_start(i);
                let rows: Vec<PerAuthor> = sqlx::query_as(
                    "SELECT author_id, count(*) AS books, sum(pages) AS pages FROM books \
                     WHERE author_id >= $1 AND author_id <= $2 GROUP BY author_id ORDER BY author_id",
                )
                .bind(a)
                .bind(a + 99)
                .fetch_all(&mut *c)
                .await?;
                let n = rows.len();
                std::hint::black_box(rows);
                n
            }
        })
    }

    pub fn prepare_bulk(&mut self, rows: &[NewBook]) {
        self.bulk = rows.to_vec();
    }

    pub async fn bulk(&mut self) -> Res<u64> {
        let n = self.bulk.len();
        let mut author_id = Vec::with_capacity(n);
        let mut title = Vec::with_capacity(n);
        let mut pages = Vec::with_capacity(n);
        let mut price = Vec::with_capacity(n);
        let mut published_at = Vec::with_capacity(n);
        for b in &self.bulk {
            author_id.push(b.author_id);
            title.push(b.title.as_str());
            pages.push(b.pages);
            price.push(b.price);
            published_at.push(b.published_at);
        }
        let done = sqlx::query(
            "INSERT INTO books (author_id, title, pages, price, published_at) \
             SELECT * FROM UNNEST($1::int8[], $2::text[], $3::int4[], $4::float8[], $5::timestamptz[])",
        )
        .bind(&author_id)
        .bind(&title)
        .bind(&pages)
        .bind(&price)
        .bind(&published_at)
        .execute(&mut self.conn)
        .await?;
        Ok(done.rows_affected())
    }
}

/// Streams every book; returns the rows, the sum of their pages and the
/// seconds from the query to the last row (connecting not included).
pub async fn stream(url: &str) -> Res<(u64, i64, f64)> {
    let mut conn = PgConnection::connect(url).await?;
    // Timed from the query on: connecting is not part of streaming.
    let t = std::time::Instant::now();
    let mut rows = sqlx::query_as::<_, Book>(
        "SELECT id, author_id, title, pages, price, published_at FROM books",
    )
    .fetch(&mut conn);
    let (mut n, mut pages) = (0u64, 0i64);
    while let Some(b) = rows.try_next().await? {
        n += 1;
        pages += b.pages as i64;
        std::hint::black_box(b);
    }
    Ok((n, pages, t.elapsed().as_secs_f64()))
}
