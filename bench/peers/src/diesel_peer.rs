//! diesel + diesel-async: `table!` schema, `Queryable`/`Selectable` models,
//! `belonging_to` + `grouped_by` for the relation, `group_by` with
//! `count`/`sum` for the aggregate, `insert_into(..).values(&chunk)` in
//! chunks for the bulk insert, `load_stream` for streaming. One connection
//! checked out of a deadpool pool of 1 and held (as the other libraries hold
//! theirs).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::TryStreamExt;

use crate::data::{self, NewBook, Op, Res};

pub mod schema {
    diesel::table! {
        authors (id) {
            id -> Int8,
            name -> Text,
            created_at -> Timestamptz,
        }
    }

    diesel::table! {
        books (id) {
            id -> Int8,
            author_id -> Int8,
            title -> Text,
            pages -> Int4,
            price -> Float8,
            published_at -> Timestamptz,
        }
    }

    diesel::joinable!(books -> authors (author_id));
    diesel::allow_tables_to_appear_in_same_query!(authors, books);
}

use schema::{authors, books};

#[derive(Queryable, Selectable, Identifiable, Debug, Clone)]
#[diesel(table_name = authors, check_for_backend(diesel::pg::Pg))]
pub struct Author {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable, Identifiable, Associations, AsChangeset, Debug, Clone)]
#[diesel(table_name = books, belongs_to(Author), check_for_backend(diesel::pg::Pg))]
pub struct Book {
    pub id: i64,
    pub author_id: i64,
    pub title: String,
    pub pages: i32,
    pub price: f64,
    pub published_at: DateTime<Utc>,
}

#[derive(Insertable, Debug, Clone)]
#[diesel(table_name = books)]
pub struct InsertBook {
    pub author_id: i64,
    pub title: String,
    pub pages: i32,
    pub price: f64,
    pub published_at: DateTime<Utc>,
}

fn insertable(n: NewBook) -> InsertBook {
    InsertBook {
        author_id: n.author_id,
        title: n.title,
        pages: n.pages,
        price: n.price,
        published_at: n.published_at,
    }
}

pub struct Diesel {
    conn: Object<AsyncPgConnection>,
    _pool: Pool<AsyncPgConnection>,
    bulk: Vec<InsertBook>,
}

async fn checkout(url: &str) -> Res<(Pool<AsyncPgConnection>, Object<AsyncPgConnection>)> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
    let pool = Pool::builder(manager).max_size(1).build()?;
    let conn = pool.get().await?;
    Ok((pool, conn))
}

impl Diesel {
    pub async fn new(url: &str) -> Res<Diesel> {
        let (pool, conn) = checkout(url).await?;
        Ok(Diesel {
            conn,
            _pool: pool,
            bulk: Vec::new(),
        })
    }

    pub async fn run(&mut self, op: Op, i: usize, round: usize) -> Res<usize> {
        let c: &mut AsyncPgConnection = &mut self.conn;
        Ok(match op {
            Op::Get => {
                let b: Book = books::table
                    .find(data::get_id(i))
                    .select(Book::as_select())
                    .first(c)
                    .await?;
                std::hint::black_box(b);
                1
            }
            Op::Insert => {
                let b: Book = diesel::insert_into(books::table)
                    .values(insertable(data::new_book(i)))
                    .returning(Book::as_returning())
                    .get_result(c)
                    .await?;
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
                let b: Book = diesel::update(&row)
                    .set(&row)
                    .returning(Book::as_returning())
                    .get_result(c)
                    .await?;
                std::hint::black_box(b);
                1
            }
            Op::Select => {
                let rows: Vec<Book> = books::table
                    .filter(books::id.gt(data::select_start(i)))
                    .order(books::id.asc())
                    .limit(1000)
                    .select(Book::as_select())
                    .load(c)
                    .await?;
                let n = rows.len();
                std::hint::black_box(rows);
                n
            }
            Op::Join => {
                let parents: Vec<Author> = authors::table
                    .filter(authors::id.gt(data::join_start(i)))
                    .order(authors::id.asc())
                    .limit(100)
                    .select(Author::as_select())
                    .load(&mut *c)
                    .await?;
                let children: Vec<Book> = Book::belonging_to(&parents)
                    .select(Book::as_select())
                    .load(c)
                    .await?;
                let grouped: Vec<Vec<Book>> = children.grouped_by(&parents);
                let n = grouped.iter().map(Vec::len).sum();
                std::hint::black_box((parents, grouped));
                n
            }
            Op::Aggregate => {
                let a = data::agg_start(i);
                let rows: Vec<(i64, i64, Option<i64>)> = books::table
                    .filter(books::author_id.between(a, a + 99))
                    .group_by(books::author_id)
                    .select((
                        books::author_id,
                        diesel::dsl::count(books::id),
                        diesel::dsl::sum(books::pages),
                    ))
                    .order(books::author_id.asc())
                    .load(c)
                    .await?;
                let n = rows.len();
                std::hint::black_box(rows);
                n
            }
        })
    }

    pub fn prepare_bulk(&mut self, rows: &[NewBook]) {
        self.bulk = rows.iter().cloned().map(insertable).collect();
    }

    pub async fn bulk(&mut self) -> Res<u64> {
        let c: &mut AsyncPgConnection = &mut self.conn;
        let mut n = 0;
        for chunk in self.bulk.chunks(data::BULK_CHUNK) {
            n += diesel::insert_into(books::table)
                .values(chunk)
                .execute(&mut *c)
                .await? as u64;
        }
        Ok(n)
    }
}

/// Streams every book; returns the rows, the sum of their pages and the
/// seconds from the query to the last row (connecting not included).
pub async fn stream(url: &str) -> Res<(u64, i64, f64)> {
    let (_pool, mut conn) = checkout(url).await?;
    let c: &mut AsyncPgConnection = &mut conn;
    // Timed from the query on: connecting is not part of streaming.
    let t = std::time::Instant::now();
    let mut rows = books::table
        .select(Book::as_select())
        .load_stream::<Book>(c)
        .await?;
    let (mut n, mut pages) = (0u64, 0i64);
    while let Some(b) = rows.try_next().await? {
        n += 1;
        pages += b.pages as i64;
        std::hint::black_box(b);
    }
    Ok((n, pages, t.elapsed().as_secs_f64()))
}
