//! Bounded fuzzing (issue 16): each target gets random and mangled inputs for a fixed
//! time (`CM_FUZZ_MS` milliseconds each, default 700; `.ci/test` sets it) from a seeded
//! generator, so a failure prints the seed and case that reproduce it. No input may
//! panic, and what must hold of any input holds:
//! - CSV: sniffing, previewing and importing mangled real exports (the fixtures) and
//!   random bytes, cut into random chunks: the counts add up, and the outcome does not
//!   depend on the chunks;
//! - phones, emails, web addresses, custom field values: what is accepted reads back
//!   as itself;
//! - the page codec: a mangled page decodes or is refused, the unchanged one decodes
//!   to what was encoded.
//! (The backup reader's own 5,000 files are in `persist/backup/tests.rs`.)

use std::time::{Duration, Instant};

use crate::domain::codec::{decode_page, encode_page};
use crate::domain::custom_field::{CustomField, FieldType};
use crate::domain::import::{preview, propose, sniff, DedupField, ImportContext, ImportOptions, ImportPlan, ImportRun, Progress, Target, SAMPLE_BYTES};
use crate::domain::sample::sample_draft;
use crate::domain::url::WebAddress;
use crate::domain::{Contact, ContactField, ContactId, Country, Email, HttpsUrl, PhoneNumber, Timestamp};

use super::import_support::{custom, custom_field_of_each_type, LIST};

/// splitmix64: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Runs `case` with fresh seeds until the time is up; prints how many ran.
fn fuzz(target: &str, mut case: impl FnMut(&mut Rng)) {
    let ms = std::env::var("CM_FUZZ_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(700);
    let deadline = Instant::now() + Duration::from_millis(ms);
    let mut cases = 0u64;
    while cases == 0 || Instant::now() < deadline {
        let seed = 0x5EED_0000 + cases;
        let mut rng = Rng(seed);
        // The seed in the panic message reproduces the case.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| case(&mut rng)));
        if let Err(e) = outcome {
            let message = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            panic!("fuzz {target}: case with seed {seed:#x} failed: {message}");
        }
        cases += 1;
    }
    println!("fuzz {target}: {cases} cases in {ms} ms");
}

/// Bytes that matter to a CSV reader, an encoding detector or a number parser.
const SPECIAL: &[u8] = b"\",;\t|\n\r\0\xFF\xFE\xEF\xBB\xBF\xC3\xA9\xE2\x80\xAE'+-=@ 0123456789";

/// `seed` with a few random edits: bytes changed, inserted, deleted, repeated, cut.
fn mangle(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if at < out.len() => out[at] = rng.next() as u8,
            1 => out.insert(at, *rng.pick(SPECIAL)),
            2 if at < out.len() => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            3 if at < out.len() => {
                let end = (at + rng.below(256)).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
            4 => out.truncate(at),
            _ => out.insert(at, rng.next() as u8),
        }
    }
    out
}

fn random_bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    (0..rng.below(max)).map(|_| if rng.below(3) == 0 { *rng.pick(SPECIAL) } else { rng.next() as u8 }).collect()
}

fn random_text(rng: &mut Rng, alphabet: &[&str], max: usize) -> String {
    (0..rng.below(max)).map(|_| *rng.pick(alphabet)).collect()
}

fn fixtures() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let mut files: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .map(|entries| entries.flatten().filter(|e| e.path().extension().is_some_and(|x| x == "csv")).filter_map(|e| std::fs::read(e.path()).ok()).collect())
        .unwrap_or_default();
    assert!(files.len() >= 4, "the import fixtures are in {}", dir.display());
    files.sort();
    files
}

/// Imports `bytes` (sniffed, previewed, mapped as the wizard proposes, the first
/// column taken as the first name when nothing is) in the given chunks; `None` when
/// the wizard would stop before importing (not a CSV, no columns).
fn import_in(bytes: &[u8], chunks: &[usize], fields: &[&CustomField]) -> Option<(Progress, usize)> {
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(bytes);
    let format = sniff(sample).ok()?;
    let shown = preview(sample, &format, 20);
    if shown.problem.is_some() || shown.headers.is_empty() {
        return None;
    }
    let mut columns = propose(&shown.headers, fields);
    if !columns.contains(&Target::Field(ContactField::FirstName)) {
        columns[0] = Target::Field(ContactField::FirstName);
    }
    let context = ImportContext { custom_fields: fields.iter().map(|f| (*f).clone()).collect(), ..ImportContext::default() };
    let duplicate_fields = vec![DedupField::Field(ContactField::Email)];
    let plan = ImportPlan { list: LIST, format, columns, duplicate_fields, options: ImportOptions::default() };
    let mut run = ImportRun::new(plan, &context, bytes.len() as u64).ok()?;
    let mut ready = 0;
    let mut at = 0;
    for size in chunks.iter().cycle() {
        if at >= bytes.len() {
            break;
        }
        let end = (at + size.max(&1)).min(bytes.len());
        run.feed(&bytes[at..end]);
        ready += run.take_ready().len();
        at = end;
    }
    let _ = run.finish();
    ready += run.take_ready().len();
    let p = run.progress();
    assert_eq!(p.rows_read, p.ready_so_far + p.duplicates_in_file + p.duplicates_existing + p.failed + p.blank, "{p:?}");
    assert_eq!(p.ready_so_far, ready as u64);
    assert!(p.warned <= p.ready_so_far, "{p:?}");
    Some((p, ready))
}

#[test]
fn fuzz_csv_import() {
    let seeds = fixtures();
    let fields = custom_field_of_each_type(&[]);
    let refs: Vec<&CustomField> = fields.iter().collect();
    fuzz("csv import", |rng| {
        let bytes = if rng.below(5) == 0 {
            random_bytes(rng, 4096)
        } else {
            let seed = rng.pick(&seeds);
            mangle(rng, seed)
        };
        let chunks: Vec<usize> = (0..1 + rng.below(4)).map(|_| 1 + rng.below(700)).collect();
        let whole = import_in(&bytes, &[usize::MAX], &refs);
        let cut = import_in(&bytes, &chunks, &refs);
        let counts = |o: Option<(Progress, usize)>| o.map(|(p, ready)| (p.rows_read, p.ready_so_far, p.failed, p.blank, p.duplicates_in_file, p.warned, ready));
        assert_eq!(counts(whole), counts(cut), "chunks {chunks:?} changed the outcome");
    });
}

const PHONE_ALPHABET: &[&str] = &["+", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "(", ")", "-", ".", "/", "x", "ext", "#", "*", "00", "+39", "٣", "\u{a0}", "é", "\0"];

#[test]
fn fuzz_phone_numbers() {
    let countries = Country::all();
    fuzz("phone", |rng| {
        let raw = random_text(rng, PHONE_ALPHABET, 24);
        let country = (rng.below(4) != 0).then(|| *rng.pick(&countries));
        if let Ok(reading) = PhoneNumber::parse_in(&raw, country) {
            let number = reading.number;
            let again = PhoneNumber::parse_in(&number.e164(), None).map(|r| r.number);
            assert_eq!(again.as_ref(), Ok(&number), "{raw:?} in {country:?} read as {number:?}; its E.164 form reads as {again:?}");
            assert!(number.as_str().bytes().all(|b| b.is_ascii_digit()), "{number:?}");
        }
    });
}

const ADDRESS_ALPHABET: &[&str] = &["a", "B", "z", "0", "9", ".", "@", "-", "_", "+", "/", ":", "?", "#", "%", "&", "=", " ", "\"", "<", ">", "é", "ü", "例", "\u{202E}", "\0", "http", "https://", "www.", "mailto:", "javascript:", ".com", ".it"];

#[test]
fn fuzz_emails_and_web_addresses() {
    fuzz("email and web address", |rng| {
        let raw = random_text(rng, ADDRESS_ALPHABET, 16);
        if let Ok(email) = Email::parse(&raw) {
            assert_eq!(Email::parse(email.as_str()).as_ref(), Ok(&email), "{raw:?}");
        }
        if let Ok(web) = WebAddress::parse(&raw) {
            assert_eq!(WebAddress::parse(web.as_str()).as_ref(), Ok(&web), "{raw:?}");
            let lower = web.as_str().to_ascii_lowercase();
            assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{raw:?} -> {web:?}");
        }
        if let Ok(url) = HttpsUrl::parse(&raw) {
            assert_eq!(HttpsUrl::parse(url.as_str()).as_ref(), Ok(&url), "{raw:?}");
            assert!(url.as_str().to_ascii_lowercase().starts_with("https://"), "{raw:?} -> {url:?}");
        }
    });
}

const VALUE_ALPHABET: &[&str] = &["0", "1", "5", "9", ".", ",", "-", "+", "e", "E", " ", "'", "yes", "no", "true", "Sì", "nein", "Gold", "gold", "SILVER", "2024", "-03-", "T", ":", "12", "/", "https://", "a.it", "\0", "\u{202E}", "∞", "NaN", "inf"];

#[test]
fn fuzz_custom_field_values() {
    let mut fields = custom_field_of_each_type(&[]);
    fields.push(custom(6, "Note", FieldType::Text, false));
    fuzz("custom field values", |rng| {
        let raw = random_text(rng, VALUE_ALPHABET, 10);
        let field = rng.pick(&fields);
        if let Ok(Some(value)) = field.parse_value(&raw) {
            let again = field.parse_value(&value.to_text());
            assert_eq!(again.as_ref(), Ok(&Some(value.clone())), "{raw:?} as {:?}", field.field_type);
        }
    });
}

#[test]
fn fuzz_page_codec() {
    let contacts: Vec<Contact> = (0..40)
        .filter_map(|i| {
            let (list, data) = sample_draft(7, i, LIST).validate().ok()?;
            Some(Contact { id: ContactId::new(i as u64 + 1), list_id: list, data, created: Timestamp::from_millis(1), updated: Timestamp::from_millis(2), activity: Default::default() })
        })
        .collect();
    assert!(contacts.len() > 30);
    let page = encode_page(&contacts);
    assert_eq!(decode_page(&page).as_ref(), Ok(&contacts));
    fuzz("page codec", |rng| {
        let bytes = if rng.below(8) == 0 { random_bytes(rng, 512) } else { mangle(rng, &page) };
        if let Ok(decoded) = decode_page(&bytes) {
            // Whatever a mangled page decodes to encodes and decodes the same again.
            assert_eq!(decode_page(&encode_page(&decoded)).as_ref(), Ok(&decoded));
        }
    });
}
