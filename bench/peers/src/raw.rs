//! Hand-written tokio-postgres: prepared statements, rows read by position,
//! binary COPY for the bulk insert, `query_raw` for streaming.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use futures_util::{pin_mut, TryStreamExt};
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::{Client, NoTls, Row, Statement};

use crate::data::{self, BookRow, NewBook, Op, Res};

#[derive(Debug, Clone)]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Book {
    pub id: i64,
    pub author_id: i64,
    pub title: String,
    pub pages: i32,
    pub price: f64,
    pub published_at: DateTime<Utc>,
}

const BOOK_COLS: &str = "id, author_id, title, pages, price, published_at";

fn book(row: &Row) -> Book {
    Book {
        id: row.get(0),
        author_id: row.get(1),
        title: row.get(2),
        pages: row.get(3),
        price: row.get(4),
        published_at: row.get(5),
    }
}

fn author(row: &Row) -> Author {
    Author {
        id: row.get(0),
        name: row.get(1),
        created_at: row.get(2),
    }
}

pub struct Raw {
    client: Client,
    get: Statement,
    insert: Statement,
    update: Statement,
    select: Statement,
    authors: Statement,
    books_of: Statement,
    agg: Statement,
    bulk: Vec<NewBook>,
}

pub async fn connect(url: &str) -> Res<Client> {
    let (client, conn) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(client)
}

impl Raw {
    pub async fn new(url: &str) -> Res<Raw> {
        let client = connect(url).await?;
        let get = client
            .prepare(&format!("SELECT {BOOK_COLS} FROM books WHERE id = $1"))
            .await?;
        let insert = client
            .prepare(&format!(
                "INSERT INTO books (author_id, title, pages, price, published_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING {BOOK_COLS}"
            ))
            .await?;
        let update = client
            .prepare(&format!(
                "UPDATE books SET author_id = $1, title = $2, pages = $3, price = $4, \
                 published_at = $5 WHERE id = $6 RETURNING {BOOK_COLS}"
            ))
            .await?;
        let select = client
            .prepare(&format!(
                "SELECT {BOOK_COLS} FROM books WHERE id > $1 ORDER BY id LIMIT $2"
            ))
            .await?;
        let authors = client
            .prepare("SELECT id, name, created_at FROM authors WHERE id > $1 ORDER BY id LIMIT $2")
            .await?;
        let books_of = client
            .prepare(&format!(
                "SELECT {BOOK_COLS} FROM books WHERE author_id = ANY($1)"
            ))
            .await?;
        let agg = client
            .prepare(
                "SELECT author_id, count(*), sum(pages) FROM books \
                 WHERE author_id >= $1 AND author_id <= $2 GROUP BY author_id ORDER BY author_id",
            )
            .await?;
        Ok(Raw {
            client,
            get,
            insert,
            update,
            select,
            authors,
            books_of,
            agg,
            bulk: Vec::new(),
        })
    }

    pub async fn run(&mut self, op: Op, i: usize, round: usize) -> Res<usize> {
        let c = &self.client;
        Ok(match op {
            Op::Get => {
                let b = book(&c.query_one(&self.get, &[&data::get_id(i)]).await?);
                std::hint::black_box(b);
                1
            }
            Op::Insert => {
                let n = data::new_book(i);
                let b = book(
                    &c.query_one(
                        &self.insert,
                        &[&n.author_id, &n.title, &n.pages, &n.price, &n.published_at],
                    )
                    .await?,
                );
                std::hint::black_box(b);
                1
            }
            Op::Update => {
                let r: BookRow = data::update_row(i, round);
                let b = book(
                    &c.query_one(
                        &self.update,
                        &[
                            &r.author_id,
                            &r.title,
                            &r.pages,
                            &r.price,
                            &r.published_at,
                            &r.id,
                        ],
                    )
                    .await?,
                );
                std::hint::black_box(b);
                1
            }
            Op::Select => {
                let rows = c
                    .query(&self.select, &[&data::select_start(i), &1000i64])
                    .await?;
                let books: Vec<Book> = rows.iter().map(book).collect();
                let n = books.len();
                std::hint::black_box(books);
                n
            }
            Op::Join => {
                let authors: Vec<Author> = c
                    .query(&self.authors, &[&data::join_start(i), &100i64])
                    .await?
                    .iter()
                    .map(author)
                    .collect();
                let ids: Vec<i64> = authors.iter().map(|a| a.id).collect();
                let at: HashMap<i64, usize> =
                    ids.iter().enumerate().map(|(k, id)| (*id, k)).collect();
                let mut books: Vec<Vec<Book>> = vec![Vec::new(); authors.len()];
                for row in c.query(&self.books_of, &[&ids]).await? {
                    let b = book(&row);
                    books[at[&b.author_id]].push(b);
                }
                let n = books.iter().map(Vec::len).sum();
                std::hint::black_box((authors, books));
                n
            }
            Op::Aggregate => {
                let s = data::agg_start(i);
                let rows: Vec<(i64, i64, Option<i64>)> = c
                    .query(&self.agg, &[&s, &(s + 99)])
                    .await?
                    .iter()
                    .map(|r| (r.get(0), r.get(1), r.get(2)))
                    .collect();
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
        let sink = self
            .client
            .copy_in(
                "COPY books (author_id, title, pages, price, published_at) FROM STDIN (FORMAT binary)",
            )
            .await?;
        let writer = BinaryCopyInWriter::new(
            sink,
            &[
                Type::INT8,
                Type::TEXT,
                Type::INT4,
                Type::FLOAT8,
                Type::TIMESTAMPTZ,
            ],
        );
        pin_mut!(writer);
        for b in &self.bulk {
            writer
                .as_mut()
                .write(&[&b.author_id, &b.title, &b.pages, &b.price, &b.published_at])
                .await?;
        }
        Ok(writer.finish().await?)
    }
}

/// Streams every book; returns the rows, the sum of their pages and the
/// seconds from the query to the last row (connecting not included).
pub async fn stream(url: &str) -> Res<(u64, i64, f64)> {
    let client = connect(url).await?;
    let stmt = client
        .prepare(&format!("SELECT {BOOK_COLS} FROM books"))
        .await?;
    let params: [&(dyn ToSql + Sync); 0] = [];
    // Timed from the query on: connecting is not part of streaming.
    let t = std::time::Instant::now();
    let rows = client.query_raw(&stmt, params).await?;
    pin_mut!(rows);
    let (mut n, mut pages) = (0u64, 0i64);
    while let Some(row) = rows.try_next().await? {
        let b = book(&row);
        n += 1;
        pages += b.pages as i64;
        std::hint::black_box(b);
    }
    Ok((n, pages, t.elapsed().as_secs_f64()))
}
