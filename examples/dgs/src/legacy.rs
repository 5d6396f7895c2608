//! The legacy side of the DGS story: the schema as the old psycopg code
//! created it (`legacy_schema.sql`, written from
//! `shared/dgs/LEGACY_SCHEMA.md`), a deterministic generator of realistic
//! legacy rows, and the per-table content checksums that prove no row and no
//! value was lost.
//!
//! The generator writes rows the way the old code did: hand-written `INSERT`s
//! with bind parameters, text timestamps in ISO-8601, NULLs where the old code
//! left columns empty, and awkward content on purpose (quotes, backslashes,
//! unicode, emoji, newlines, empty and odd arrays, nested jsonb).

use rust_decimal::Decimal;
use serde_json::{json, Value};
use tokio_postgres::GenericClient;

/// The legacy DDL, exactly as the old code ran it at start-up.
pub const LEGACY_SCHEMA_SQL: &str = include_str!("../legacy_schema.sql");

/// How many rows of each table [`seed`] writes.
#[derive(Clone, Copy, Debug)]
pub struct SeedSize {
    /// Rows of `dgs_jobs`.
    pub jobs: usize,
    /// Rows of `dgs_lessons`.
    pub lessons: usize,
    /// Rows of `llm_call_audit`.
    pub audits: usize,
}

impl Default for SeedSize {
    fn default() -> Self {
        SeedSize {
            jobs: 3_000,
            lessons: 2_500,
            audits: 6_000,
        }
    }
}

/// SplitMix64: a tiny deterministic generator (same rows on every run and
/// machine).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len() as u64) as usize]
    }
}

const STATUSES: &[&str] = &["queued", "running", "succeeded", "failed", "cancelled"];
const PHASES: &[&str] = &[
    "planning",
    "outline",
    "drafting",
    "review",
    "publishing",
    "done",
];
const SUBPHASES: &[&str] = &["prompt", "llm_call", "parse", "validate", "retry #2"];
const TOPICS: &[&str] = &[
    "Photosynthesis",
    "Fractions",
    "The Water Cycle",
    "Volcanoes 🌋",
    "Les fractions décimales",
    "Ελληνική μυθολογία",
    "日本の歴史",
    "Newton's laws",
    "\"Quoted\" topic",
    "Back\\slash topic",
];
const TAGS: &[&str] = &[
    "science",
    "math",
    "history",
    "grade-3",
    "grade 7",
    "with,comma",
    "with\"quote",
    "ünïcödé",
    "emoji-🎓",
    "NULL",
    "",
];
const LANGUAGES: &[&str] = &["en", "fr", "de", "el", "ja", "pt-BR"];
const PROVIDERS: &[&str] = &["openai", "anthropic", "azure-openai", "local"];
const MODELS: &[&str] = &["gpt-4o", "claude-3-5-sonnet", "gpt-4o-mini", "llama-3-70b"];
const AGENTS: &[&str] = &["planner", "writer", "critic", "formatter"];
const MESSAGES: &[&str] = &[
    "Generating outline…",
    "it's \"almost\" done",
    "line one\nline two\ttabbed",
    "C:\\temp\\lesson.json",
    "完成了 50%",
    "🚀 launched",
    "",
];

/// An ISO-8601 timestamp string as the old code wrote it: it took
/// `now()::text` from a server running in UTC, so the text is exactly
/// PostgreSQL's own output format (`2025-01-01 08:30:00.1234+00`: fraction
/// trimmed of trailing zeros, omitted when zero). `seconds` counts from
/// 2025-01-01T00:00:00Z; `style` varies the fraction.
fn iso(seconds: u64, style: u64) -> String {
    let days = seconds / 86_400;
    let secs = seconds % 86_400;
    let (y, m, d) = civil_from_days(20_089 + days as i64);
    let (hh, mm, ss) = (secs / 3600, (secs / 60) % 60, secs % 60);
    let micros = match style % 3 {
        0 => 0,
        1 => (seconds * 7919) % 1_000_000,
        _ => ((seconds * 31) % 1000) * 1000,
    };
    let mut out = format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}");
    if micros != 0 {
        let frac = format!("{micros:06}");
        out.push('.');
        out.push_str(frac.trim_end_matches('0'));
    }
    out.push_str("+00");
    out
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn job_id(i: usize) -> String {
    format!("job-{i:06}")
}

fn money(rng: &mut Rng) -> Decimal {
    // numeric(12,6): up to 999999.999999.
    Decimal::new(rng.below(99_999_999_999) as i64, 6)
}

/// Writes the legacy rows. Deterministic: the same `size` always gives the
/// same rows. Runs in the caller's transaction if there is one.
pub async fn seed(
    client: &impl GenericClient,
    size: SeedSize,
) -> Result<(), tokio_postgres::Error> {
    let mut rng = Rng(0x05EE_DD65);
    let insert_job = client
        .prepare(
            "INSERT INTO dgs_jobs (job_id, request, status, phase, subphase, created_at, updated_at, \
             started_at, finished_at, total_steps, completed_steps, progress, message, events, \
             artifacts, result, error, cost_usd, lesson_id, idempotency_key, attempts, cancel_requested) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)",
        )
        .await?;
    for i in 0..size.jobs {
        let status = rng.pick(STATUSES);
        let created = i as u64 * 613 + rng.below(600);
        let total: Option<i32> = if rng.chance(85) {
            Some(rng.below(40) as i32 + 1)
        } else {
            None
        };
        let completed = total.map(|t| (rng.below(t as u64 + 1)) as i32);
        let progress: Option<f64> = match (total, completed) {
            (Some(t), Some(c)) if rng.chance(90) => Some(f64::from(c) / f64::from(t)),
            _ if rng.chance(5) => Some(1.0 / 3.0),
            _ => None,
        };
        let request = json!({
            "topic": rng.pick(TOPICS),
            "age_range": format!("{}-{}", 5 + rng.below(6), 11 + rng.below(7)),
            "options": {"depth": rng.below(5), "images": rng.chance(50), "nested": {"a": [1, 2, {"b": null}], "s": "x'y\"z"}},
            "tags": [rng.pick(TAGS), rng.pick(TAGS)],
        });
        let events: Value = Value::Array(
            (0..rng.below(6))
                .map(|k| json!({"at": iso(created + k * 11, k), "type": rng.pick(PHASES), "msg": rng.pick(MESSAGES)}))
                .collect(),
        );
        let artifacts = if rng.chance(30) {
            json!({})
        } else {
            json!({"outline": {"sections": rng.below(9), "titles": [rng.pick(TOPICS)]}, "draft_uri": format!("s3://bucket/{}.json", job_id(i))})
        };
        let finished = matches!(status, "succeeded" | "failed" | "cancelled");
        let result = (status == "succeeded")
            .then(|| json!({"lesson_id": format!("lesson-{i:06}"), "score": rng.below(100)}));
        let error = (status == "failed").then(
            || json!({"type": "LLMError", "detail": rng.pick(MESSAGES), "trace": ["a", "b"]}),
        );
        let idem: Option<String> = rng
            .chance(60)
            .then(|| format!("idem-{i:06}-{}", rng.below(1_000_000)));
        let lesson_id: Option<String> = rng
            .chance(40)
            .then(|| format!("lesson-{:06}", rng.below(size.lessons as u64 * 2)));
        client
            .execute(
                &insert_job,
                &[
                    &job_id(i),
                    &request,
                    &status,
                    &rng.pick(PHASES),
                    &rng.chance(50).then(|| rng.pick(SUBPHASES).to_string()),
                    &iso(created, i as u64),
                    &rng.chance(80).then(|| iso(created + 30, i as u64 + 1)),
                    &(status != "queued").then(|| iso(created + 5, i as u64 + 2)),
                    &finished.then(|| iso(created + 300, i as u64)),
                    &total,
                    &completed,
                    &progress,
                    &rng.chance(70).then(|| rng.pick(MESSAGES).to_string()),
                    &events,
                    &artifacts,
                    &result,
                    &error,
                    &rng.chance(75).then(|| money(&mut rng)),
                    &lesson_id,
                    &idem,
                    &(rng.below(4) as i32),
                    &rng.chance(5),
                ],
            )
            .await?;
    }

    let insert_lesson = client
        .prepare(
            "INSERT INTO dgs_lessons (lesson_id, topic, title, tags, age_range, language, lesson, \
             job_id, version, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
        )
        .await?;
    for i in 0..size.lessons {
        let topic = rng.pick(TOPICS);
        let tags: Vec<String> = (0..rng.below(5))
            .map(|_| rng.pick(TAGS).to_string())
            .collect();
        let lesson = json!({
            "title": format!("{topic}: lesson {i}"),
            "sections": (0..rng.below(4)).map(|k| json!({"heading": format!("Part {k}"), "body": rng.pick(MESSAGES), "quiz": [{"q": "2+2?", "a": 4}]})).collect::<Vec<_>>(),
            "meta": {"reading_level": rng.below(12), "empty": {}, "list": []},
        });
        let job: Option<String> =
            (rng.chance(70) && size.jobs > 0).then(|| job_id(rng.below(size.jobs as u64) as usize));
        client
            .execute(
                &insert_lesson,
                &[
                    &format!("lesson-{i:06}"),
                    &topic,
                    &format!("{topic} — part {}", i % 7),
                    &tags,
                    &rng.chance(60)
                        .then(|| format!("{}-{}", 5 + rng.below(5), 10 + rng.below(8))),
                    &rng.pick(LANGUAGES),
                    &lesson,
                    &job,
                    &(1 + rng.below(3) as i32),
                    &iso(i as u64 * 997, i as u64),
                    &rng.chance(50)
                        .then(|| iso(i as u64 * 997 + 86_400, i as u64 + 1)),
                ],
            )
            .await?;
    }

    let insert_audit = client
        .prepare(
            "INSERT INTO llm_call_audit (id, timestamp_request, timestamp_response, duration_ms, job_id, \
             phase, agent, provider, model, request_messages, request_params, response_content, \
             response_raw, prompt_tokens, completion_tokens, total_tokens, cost_usd, status, \
             error_message, request_hash) \
             VALUES ($1, $2::text::timestamptz, $3::text::timestamptz, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
        )
        .await?;
    for i in 0..size.audits {
        let start = i as u64 * 173 + rng.below(100);
        let status = rng.pick(&["ok", "ok", "ok", "error", "timeout"]);
        let duration = rng.below(30_000);
        let prompt = rng.below(8000) as i32;
        let completion = rng.below(4000) as i32;
        let responded = status != "timeout";
        client
            .execute(
                &insert_audit,
                &[
                    &format!("audit-{i:07}"),
                    &iso(start, i as u64),
                    &responded.then(|| iso(start + duration / 1000, i as u64 + 1)),
                    &responded.then_some(duration as i32),
                    &(rng.chance(85) && size.jobs > 0).then(|| job_id(rng.below(size.jobs as u64 + 50) as usize)),
                    &rng.chance(80).then(|| rng.pick(PHASES).to_string()),
                    &rng.chance(80).then(|| rng.pick(AGENTS).to_string()),
                    &rng.pick(PROVIDERS),
                    &rng.pick(MODELS),
                    &json!([
                        {"role": "system", "content": "You are a teacher. Use \"quotes\" and back\\slashes."},
                        {"role": "user", "content": format!("Write about {}", rng.pick(TOPICS))}
                    ]),
                    &rng.chance(70).then(|| json!({"temperature": 0.7, "max_tokens": 2048, "stop": ["\n\n"]})),
                    &responded.then(|| rng.pick(MESSAGES).to_string()),
                    &responded.then(|| json!({"id": format!("resp-{i}"), "choices": [{"message": {"content": rng.pick(MESSAGES)}}], "usage": {"prompt_tokens": prompt}})),
                    &responded.then_some(prompt),
                    &responded.then_some(completion),
                    &responded.then_some(prompt + completion),
                    &responded.then(|| money(&mut rng)),
                    &status,
                    &(status != "ok").then(|| format!("{status}: upstream said \"no\" ({i})")),
                    &rng.chance(90).then(|| format!("{:016x}", rng.next())),
                ],
            )
            .await?;
    }
    Ok(())
}

/// The three legacy tables and their primary keys, for checksums.
pub const TABLES: [(&str, &str); 3] = [
    ("dgs_jobs", "job_id"),
    ("dgs_lessons", "lesson_id"),
    ("llm_call_audit", "id"),
];

/// Row count and content checksum of one table: `md5` of every row's text
/// form in primary-key order (the specification's definition of "no value
/// lost").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableChecksum {
    /// The table.
    pub table: String,
    /// Its row count.
    pub rows: i64,
    /// `md5(string_agg(t::text, '|' ORDER BY <pk>))`.
    pub md5: Option<String>,
}

/// Checksums of the three tables.
pub async fn checksums(
    client: &impl GenericClient,
) -> Result<Vec<TableChecksum>, tokio_postgres::Error> {
    let mut out = Vec::new();
    for (table, pk) in TABLES {
        // Both names are constants of this module, not input.
        let row = client
            .query_one(
                &format!(
                    "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY {pk})) FROM {table} t"
                ),
                &[],
            )
            .await?;
        out.push(TableChecksum {
            table: table.to_string(),
            rows: row.get(0),
            md5: row.get(1),
        });
    }
    Ok(out)
}
