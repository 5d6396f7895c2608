//! SeaORM: entities with their relation, `find_by_id`, `ActiveModel::insert`
//! and `update` (RETURNING the row), `load_many` for the relation (one query
//! per relation), `select_only`/`group_by` into tuples for the aggregate,
//! `insert_many` in chunks (`exec_without_returning`) for the bulk insert,
//! `stream` for streaming. One pooled connection (pool of 1), no SQL logging.

use futures_util::TryStreamExt;
use sea_orm::entity::prelude::*;
use sea_orm::{
    ActiveValue::{NotSet, Set, Unchanged},
    ConnectOptions, Database, DatabaseConnection, LoaderTrait, QueryOrder, QuerySelect,
};

use crate::data::{self, NewBook, Op, Res};

pub mod author {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "authors")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub name: String,
        pub created_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(has_many = "super::book::Entity")]
        Book,
    }

    impl Related<super::book::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Book.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod book {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "books")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub author_id: i64,
        pub title: String,
        pub pages: i32,
        pub price: f64,
        pub published_at: ChronoDateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::author::Entity",
            from = "Column::AuthorId",
            to = "super::author::Column::Id"
        )]
        Author,
    }

    impl Related<super::author::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Author.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

fn active(n: NewBook) -> book::ActiveModel {
    book::ActiveModel {
        id: NotSet,
        author_id: Set(n.author_id),
        title: Set(n.title),
        pages: Set(n.pages),
        price: Set(n.price),
        published_at: Set(n.published_at),
    }
}

pub struct SeaOrm {
    db: DatabaseConnection,
    bulk: Vec<book::ActiveModel>,
}

async fn connect(url: &str) -> Res<DatabaseConnection> {
    let mut opt = ConnectOptions::new(url.to_string());
    opt.max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    Ok(Database::connect(opt).await?)
}

impl SeaOrm {
    pub async fn new(url: &str) -> Res<SeaOrm> {
        Ok(SeaOrm {
            db: connect(url).await?,
            bulk: Vec::new(),
        })
    }

    pub async fn run(&mut self, op: Op, i: usize, round: usize) -> Res<usize> {
        let db = &self.db;
        Ok(match op {
            Op::Get => {
                let b = book::Entity::find_by_id(data::get_id(i))
                    .one(db)
                    .await?
                    .ok_or("not found")?;
                std::hint::black_box(b);
                1
            }
            Op::Insert => {
                let b = active(data::new_book(i)).insert(db).await?;
                std::hint::black_box(b);
                1
            }
            Op::Update => {
                let r = data::update_row(i, round);
                let b = book::ActiveModel {
                    id: Unchanged(r.id),
                    author_id: Set(r.author_id),
                    title: Set(r.title),
                    pages: Set(r.pages),
                    price: Set(r.price),
                    published_at: Set(r.published_at),
                }
                .update(db)
                .await?;
                std::hint::black_box(b);
                1
            }
            Op::Select => {
                let books = book::Entity::find()
                    .filter(book::Column::Id.gt(data::select_start(i)))
                    .order_by_asc(book::Column::Id)
                    .limit(1000)
                    .all(db)
                    .await?;
                let n = books.len();
                std::hint::black_box(books);
                n
            }
            Op::Join => {
                let authors = author::Entity::find()
                    .filter(author::Column::Id.gt(data::join_start(i)))
                    .order_by_asc(author::Column::Id)
                    .limit(100)
                    .all(db)
                    .await?;
                let books: Vec<Vec<book::Model>> = authors.load_many(book::Entity, db).await?;
                let n = books.iter().map(Vec::len).sum();
                std::hint::black_box((authors, books));
                n
            }
            Op::Aggregate => {
                let a = data::agg_start(i);
                let rows: Vec<(i64, i64, Option<i64>)> = book::Entity::find()
                    .select_only()
                    .column(book::Column::AuthorId)
                    .column_as(book::Column::Id.count(), "books")
                    .column_as(book::Column::Pages.sum(), "pages")
                    .filter(book::Column::AuthorId.between(a, a + 99))
                    .group_by(book::Column::AuthorId)
                    .order_by_asc(book::Column::AuthorId)
                    .into_tuple()
                    .all(db)
                    .await?;
                let n = rows.len();
                std::hint::black_box(rows);
                n
            }
        })
    }

    pub fn prepare_bulk(&mut self, rows: &[NewBook]) {
        self.bulk = rows.iter().cloned().map(active).collect();
    }

    pub async fn bulk(&mut self) -> Res<u64> {
        let mut n = 0;
        for chunk in self.bulk.chunks(data::BULK_CHUNK) {
            n += book::Entity::insert_many(chunk.iter().cloned())
                .exec_without_returning(&self.db)
                .await?;
        }
        Ok(n)
    }
}

/// Streams every book; returns the rows, the sum of their pages and the
/// seconds from the query to the last row (connecting not included).
pub async fn stream(url: &str) -> Res<(u64, i64, f64)> {
    let db = connect(url).await?;
    // Timed from the query on: connecting is not part of streaming.
    let t = std::time::Instant::now();
    let mut rows = book::Entity::find().stream(&db).await?;
    let (mut n, mut pages) = (0u64, 0i64);
    while let Some(b) = rows.try_next().await? {
        n += 1;
        pages += b.pages as i64;
        std::hint::black_box(b);
    }
    Ok((n, pages, t.elapsed().as_secs_f64()))
}
