//! Lessons: the [`LessonsRepository`] trait and its strata implementation
//! [`StrataLessons`] (create; read by id, by topic, by tag; page through
//! all). By-tag reads use `tags @> ARRAY[tag]`, which the legacy gin index
//! `dgs_lessons_tags_idx` serves.

use std::future::Future;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use strata::Executor;

use super::{check_text, new_id, Page, RepoError};
use crate::models::Lesson;
use crate::timestamps;

/// A lesson to store.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewLesson {
    /// The id; generated (`lesson-<uuid>`) when absent.
    #[serde(default)]
    pub lesson_id: Option<String>,
    /// What it is about.
    pub topic: String,
    /// Its title.
    pub title: String,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// e.g. `8-10`.
    #[serde(default)]
    pub age_range: Option<String>,
    /// Language code (default `en`).
    #[serde(default)]
    pub language: Option<String>,
    /// The lesson document (a JSON object).
    pub lesson: Value,
    /// The job that generated it (must exist).
    #[serde(default)]
    pub job_id: Option<String>,
}

/// The lessons of the DGS service.
pub trait LessonsRepository: Send + Sync {
    /// Stores a new lesson (version 1).
    fn create(&self, new: NewLesson) -> impl Future<Output = Result<Lesson, RepoError>> + Send;

    /// The lesson with this id.
    fn get(&self, lesson_id: &str) -> impl Future<Output = Result<Lesson, RepoError>> + Send;

    /// Lessons about `topic`, by id, one page.
    fn by_topic(
        &self,
        topic: &str,
        page: Page,
    ) -> impl Future<Output = Result<Vec<Lesson>, RepoError>> + Send;

    /// Lessons carrying `tag`, by id, one page.
    fn by_tag(
        &self,
        tag: &str,
        page: Page,
    ) -> impl Future<Output = Result<Vec<Lesson>, RepoError>> + Send;

    /// All lessons, by id, one page.
    fn list(&self, page: Page) -> impl Future<Output = Result<Vec<Lesson>, RepoError>> + Send;

    /// How many lessons there are.
    fn count(&self) -> impl Future<Output = Result<i64, RepoError>> + Send;
}

/// [`LessonsRepository`] on strata, over a session or a transaction.
#[derive(Debug)]
pub struct StrataLessons<'e, E> {
    db: &'e E,
}

impl<'e, E: Executor> StrataLessons<'e, E> {
    /// The repository on `db` (a `Session` or a `Transaction`).
    pub fn new(db: &'e E) -> StrataLessons<'e, E> {
        StrataLessons { db }
    }
}

impl<E: Executor> LessonsRepository for StrataLessons<'_, E> {
    async fn create(&self, new: NewLesson) -> Result<Lesson, RepoError> {
        if let Some(id) = &new.lesson_id {
            check_text("lesson_id", id)?;
        }
        check_text("topic", &new.topic)?;
        if new.title.trim().is_empty() {
            return Err(RepoError::Invalid("title must not be empty".into()));
        }
        if !new.lesson.is_object() {
            return Err(RepoError::Invalid(
                "lesson must be a JSON object".to_string(),
            ));
        }
        if let Some(tag) = new.tags.iter().find(|t| t.chars().count() > 100) {
            return Err(RepoError::Invalid(format!(
                "tag {tag:?} is longer than 100 characters"
            )));
        }
        let language = new.language.unwrap_or_else(|| "en".to_string());
        check_text("language", &language)?;
        let now = timestamps::now();
        let lesson = Lesson {
            lesson_id: new.lesson_id.unwrap_or_else(|| new_id("lesson")),
            topic: new.topic,
            title: new.title,
            tags: new.tags,
            age_range: new.age_range,
            language,
            lesson: new.lesson,
            job_id: new.job_id,
            version: 1,
            created_at: now,
            updated_at: None,
        };
        Ok(self.db.insert(&lesson).await?)
    }

    async fn get(&self, lesson_id: &str) -> Result<Lesson, RepoError> {
        self.db
            .find::<Lesson>(lesson_id)
            .await?
            .ok_or_else(|| RepoError::not_found("lesson", lesson_id))
    }

    async fn by_topic(&self, topic: &str, page: Page) -> Result<Vec<Lesson>, RepoError> {
        Ok(self
            .db
            .select::<Lesson>()
            .filter(|c| c.topic.eq(topic))
            .order_by(|c| c.lesson_id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn by_tag(&self, tag: &str, page: Page) -> Result<Vec<Lesson>, RepoError> {
        Ok(self
            .db
            .select::<Lesson>()
            .filter(|c| c.tags.contains(vec![tag.to_string()]))
            .order_by(|c| c.lesson_id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn list(&self, page: Page) -> Result<Vec<Lesson>, RepoError> {
        Ok(self
            .db
            .select::<Lesson>()
            .order_by(|c| c.lesson_id.asc())
            .limit(page.limit)
            .offset(page.offset)
            .all()
            .await?)
    }

    async fn count(&self) -> Result<i64, RepoError> {
        Ok(self.db.select::<Lesson>().count().await?)
    }
}
