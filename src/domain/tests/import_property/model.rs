//! Property 3: imports against a model written here from the import rules.

use super::*;

// ---------------------------------------------------------------- 3. against a model

/// A contact ready to store, as plain values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Contact {
    pub(super) row: u64,
    pub(super) first_name: String,
    pub(super) phone: Option<String>,
    pub(super) mobile: Option<String>,
    pub(super) email: Option<String>,
    pub(super) web: Option<String>,
    pub(super) born: Option<String>,
    pub(super) notes: Option<String>,
    /// Default fields with a value that no column maps (there must be none).
    pub(super) unmapped: Vec<F>,
    pub(super) custom: Vec<(u32, String)>,
    pub(super) tags: Vec<u32>,
    pub(super) extra_phones: Vec<(String, String)>,
    pub(super) new_tags: Vec<String>,
}

pub(super) const MAPPED: [F; 7] = [F::FirstName, F::Phone, F::Mobile, F::Email, F::Url, F::DateOfBirth, F::Description];

pub(super) fn contact(ready: &ReadyContact) -> Contact {
    let d = &ready.data;
    let get = |f| d.get(f).map(str::to_owned);
    Contact {
        row: ready.row,
        first_name: d.first_name().to_owned(),
        phone: get(F::Phone),
        mobile: get(F::Mobile),
        email: get(F::Email),
        web: get(F::Url),
        born: get(F::DateOfBirth),
        notes: get(F::Description),
        unmapped: F::all().filter(|f| !MAPPED.contains(f) && d.get(*f).is_some()).collect(),
        custom: d.custom_values().iter().map(|(id, v)| (id.get(), v.to_text())).collect(),
        tags: d.tags().iter().map(|t| t.get()).collect(),
        extra_phones: d.additional_phones().iter().map(|p| (p.label.to_string(), p.number.as_str().to_owned())).collect(),
        new_tags: ready.new_tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// Why a row was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Fate {
    /// Every reason's kind, sorted.
    Failed(Vec<FailureKind>),
    Duplicate(Origin),
}

/// (column, kind) of a warning.
pub(super) type Warning = (Option<String>, FailureKind);

#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) rows_read: u64,
    pub(super) blank: u64,
    pub(super) failed: u64,
    pub(super) duplicates_in_file: u64,
    pub(super) duplicates_existing: u64,
    pub(super) ready: u64,
    pub(super) warned: u64,
}

/// An import's outcome as plain values: what the run gave, or what the model says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Outcome {
    pub(super) counts: Counts,
    pub(super) ready: Vec<Contact>,
    /// (row, line, cells, fate).
    pub(super) problems: Vec<(u64, u64, Vec<String>, Fate)>,
    /// (row, line, warnings sorted).
    pub(super) warnings: Vec<(u64, u64, Vec<Warning>)>,
    pub(super) new_tags: Vec<String>,
    pub(super) failed_by_kind: BTreeMap<FailureKind, u64>,
    pub(super) warned_by_kind: BTreeMap<FailureKind, u64>,
}

pub(super) fn sorted<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    v.sort();
    v
}

pub(super) fn observed(w: &Whole) -> Outcome {
    let p = w.progress;
    Outcome {
        counts: Counts {
            rows_read: p.rows_read,
            blank: p.blank,
            failed: p.failed,
            duplicates_in_file: p.duplicates_in_file,
            duplicates_existing: p.duplicates_existing,
            ready: p.ready_so_far,
            warned: p.warned,
        },
        ready: w.ready.iter().map(contact).collect(),
        problems: w
            .problems
            .iter()
            .map(|p| {
                let fate = match &p.problem {
                    Problem::Failed(failures) => Fate::Failed(sorted(failures.iter().map(|f| f.kind.clone()))),
                    Problem::Duplicate { of } => Fate::Duplicate(*of),
                };
                (p.row, p.line, p.cells.iter().map(|c| c.to_string()).collect(), fate)
            })
            .collect(),
        warnings: w
            .warnings
            .iter()
            .map(|w| (w.row, w.line, sorted(w.warnings.iter().map(|f| (f.column.as_deref().map(str::to_owned), f.kind.clone())))))
            .collect(),
        new_tags: w.new_tags.iter().map(|t| t.to_string()).collect(),
        failed_by_kind: w.summary.failed_by_kind.iter().cloned().collect(),
        warned_by_kind: w.summary.warned_by_kind.iter().cloned().collect(),
    }
}

/// What became of one row that was read.
pub(super) enum RowFate {
    Blank,
    Failed(Vec<FailureKind>),
    Valid {
        contact: Box<Contact>,
        warnings: Vec<Warning>,
        /// (email case-folded, phone) when both are there.
        key: Option<(String, String)>,
    },
}

pub(super) fn invalid(label: &str) -> FailureKind {
    FailureKind::Invalid(label.into())
}

pub(super) fn required(label: &str) -> FailureKind {
    FailureKind::Required(label.into())
}

/// The import rules, written plainly: a row fails only when it cannot become a contact
/// (no first name, the required Plan missing or not a choice, the required Active
/// not a switch value) or, when the user asked for it, when any value is not valid;
/// any other bad value is left out with a warning, as are tags that cannot be created
/// or are ignored, and phones past the cap; a short row is read with a warning.
pub(super) fn row_fate(r: &RowSpec, width: usize, spec: &FileSpec) -> RowFate {
    let p = pools();
    let italy = spec.italy;
    let present = |column: usize| column < width;
    let val = |column: usize, v: &Val| if present(column) { v.clone() } else { Val::Empty };
    let name = val(NAME, &p.names[r.name].val);
    let phone = val(PHONE, p.phones[r.phone].val(italy));
    let mobile = val(MOBILE, p.phones[r.mobile].val(italy));
    let email = val(EMAIL, &p.emails[r.email].val);
    let web = val(WEB, &p.webs[r.web].val);
    let born = val(BORN, &p.borns[r.born].val);
    let score = val(SCORE, &p.scores[r.score].val);
    let plan = val(PLAN, &p.plans[r.plan].val);
    let active = val(ACTIVE, &p.actives[r.active].val);
    let since = val(SINCE, &p.sinces[r.since].val);
    let site = val(SITE, &p.sites[r.site].val);
    let notes = val(NOTES, &p.notes[r.notes].val);
    let tags: &[usize] = if present(LABELS) { &r.tags } else { &[] };
    let extra_phones: &[usize] = if present(OTHER_PHONES) { &r.extra_phones } else { &[] };
    let singles = [&name, &phone, &mobile, &email, &web, &born, &score, &plan, &active, &since, &site, &notes];
    if singles.iter().all(|v| **v == Val::Empty) && tags.is_empty() && extra_phones.is_empty() {
        return RowFate::Blank;
    }

    let mut fatal: Vec<FailureKind> = Vec::new();
    let mut bad: Vec<Warning> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let column = |i: usize| Some(HEADER[i].to_owned());

    let mut tag_ids = Vec::new();
    let mut new_tags: Vec<String> = Vec::new();
    for &t in tags {
        match p.tags[t].kind {
            TagKind::Known(id) => tag_ids.push(id),
            TagKind::New(name) if !spec.ignore_tags => {
                if !new_tags.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
                    new_tags.push(name.to_owned());
                }
            }
            TagKind::New(_) | TagKind::TooLong => warnings.push((column(LABELS), FailureKind::UnknownTag)),
            TagKind::Dropped => {}
        }
    }
    tag_ids.sort_unstable();
    tag_ids.dedup();
    if width < WIDTH {
        warnings.push((None, FailureKind::ShortRow));
    }
    if extra_phones.len() > MAX_ADDITIONAL_PHONES {
        warnings.push((column(OTHER_PHONES), invalid("Additional phones")));
    }
    let mut extras = Vec::new();
    for &i in extra_phones.iter().take(MAX_ADDITIONAL_PHONES) {
        let extra = &p.extra_phones[i];
        match extra.number.val(italy) {
            Val::Ok(number) => {
                extras.push((extra.label.to_owned(), number.clone()));
                if italy && extra.number.ambiguous {
                    warnings.push((column(OTHER_PHONES), FailureKind::AmbiguousPhone("Additional phones".into())));
                }
            }
            Val::Bad | Val::Empty => bad.push((column(OTHER_PHONES), invalid("Additional phones"))),
        }
    }
    let first_name = match &name {
        Val::Ok(n) => n.clone(),
        Val::Empty => {
            fatal.push(required("First name"));
            String::new()
        }
        Val::Bad => {
            fatal.push(invalid("First name"));
            String::new()
        }
    };
    // An optional value: kept when valid, a bad value when not.
    let mut optional = |v: &Val, i: usize, label: &str| match v {
        Val::Ok(s) => Some(s.clone()),
        Val::Bad => {
            bad.push((column(i), invalid(label)));
            None
        }
        Val::Empty => None,
    };
    let phone_value = optional(&phone, PHONE, "Phone");
    let mobile_value = optional(&mobile, MOBILE, "Mobile");
    let email_value = optional(&email, EMAIL, "Email");
    let web_value = optional(&web, WEB, "Website");
    let born_value = optional(&born, BORN, "Date of birth");
    let notes_value = optional(&notes, NOTES, "Description");
    let mut custom = Vec::new();
    if let Some(v) = optional(&score, SCORE, "Score") {
        custom.push((1, v));
    }
    if let Some(v) = optional(&since, SINCE, "Since") {
        custom.push((4, v));
    }
    if let Some(v) = optional(&site, SITE, "Site") {
        custom.push((5, v));
    }
    match &plan {
        Val::Ok(v) => custom.push((2, v.clone())),
        Val::Empty => fatal.push(required("Plan")),
        Val::Bad => fatal.push(invalid("Plan")),
    }
    match &active {
        Val::Ok(v) => custom.push((3, v.clone())),
        Val::Empty => custom.push((3, "false".to_owned())),
        Val::Bad => fatal.push(invalid("Active")),
    }
    custom.sort();
    // Digits valid both ways are read as a national number, with a note.
    for (value, case, i, label) in [(&phone_value, r.phone, PHONE, "Phone"), (&mobile_value, r.mobile, MOBILE, "Mobile")] {
        if value.is_some() && italy && p.phones[case].ambiguous {
            warnings.push((column(i), FailureKind::AmbiguousPhone(label.into())));
        }
    }

    if !fatal.is_empty() || (spec.skip_rows && !bad.is_empty()) {
        return RowFate::Failed(sorted(fatal.into_iter().chain(bad.into_iter().map(|(_, kind)| kind))));
    }
    warnings.extend(bad);
    let key = match (&email_value, &phone_value) {
        (Some(e), Some(p)) if spec.dedupe => Some((e.to_lowercase(), p.clone())),
        _ => None,
    };
    let contact = Box::new(Contact {
        row: 0,
        first_name,
        phone: phone_value,
        mobile: mobile_value,
        email: email_value,
        web: web_value,
        born: born_value,
        notes: notes_value,
        unmapped: Vec::new(),
        custom,
        tags: tag_ids,
        extra_phones: extras,
        new_tags,
    });
    RowFate::Valid { contact, warnings: sorted(warnings), key }
}

/// The whole import, row by row, with the duplicate check over (email, phone): a row
/// is a duplicate when both are there and equal (email case-folded) those of a
/// contact in the list or of an earlier row that was imported.
pub(super) fn model(spec: &FileSpec) -> Outcome {
    let (_, lines) = spec.write();
    let mut out = Outcome::default();
    let mut keys: HashMap<(String, String), Origin> = HashMap::new();
    if spec.dedupe {
        for (&(email, phone), id) in spec.existing.iter().zip(1..) {
            let (email, phone) = (EXISTING_EMAILS[email], EXISTING_PHONES[phone]);
            if !email.is_empty() && !phone.is_empty() {
                keys.entry((email.to_lowercase(), phone.to_owned())).or_insert(Origin::Existing(ContactId::new(id)));
            }
        }
    }
    let mut listed_tags = HashSet::new();
    let count_kinds = |counts: &mut BTreeMap<FailureKind, u64>, kinds: Vec<FailureKind>| {
        for kind in kinds.into_iter().collect::<HashSet<_>>() {
            *counts.entry(kind).or_default() += 1;
        }
    };
    for ((r, row), &line) in spec.rows.iter().zip(2u64..).zip(&lines) {
        let mut cells = r.cells();
        // Nothing but blanks: a blank line, not a row (its number is still used).
        if cells.iter().all(|c| c.chars().all(|ch| ch == ' ' || ch == '\t')) {
            continue;
        }
        out.counts.rows_read += 1;
        if cells.len() > WIDTH {
            if cells[WIDTH..].iter().all(String::is_empty) {
                cells.truncate(WIDTH);
            } else {
                out.counts.failed += 1;
                count_kinds(&mut out.failed_by_kind, vec![FailureKind::WrongValueCount]);
                out.problems.push((row, line, cells, Fate::Failed(vec![FailureKind::WrongValueCount])));
                continue;
            }
        }
        match row_fate(r, cells.len(), spec) {
            RowFate::Blank => out.counts.blank += 1,
            RowFate::Failed(kinds) => {
                out.counts.failed += 1;
                count_kinds(&mut out.failed_by_kind, kinds.clone());
                out.problems.push((row, line, cells, Fate::Failed(kinds)));
            }
            RowFate::Valid { mut contact, warnings, key } => {
                if let Some(key) = key {
                    if let Some(&of) = keys.get(&key) {
                        match of {
                            Origin::Existing(_) => out.counts.duplicates_existing += 1,
                            Origin::Row(_) => out.counts.duplicates_in_file += 1,
                        }
                        out.problems.push((row, line, cells, Fate::Duplicate(of)));
                        continue;
                    }
                    keys.insert(key, Origin::Row(row));
                }
                out.counts.ready += 1;
                if !warnings.is_empty() {
                    out.counts.warned += 1;
                    count_kinds(&mut out.warned_by_kind, warnings.iter().map(|(_, kind)| kind.clone()).collect());
                    out.warnings.push((row, line, warnings));
                }
                for name in &contact.new_tags {
                    if listed_tags.insert(name.to_lowercase()) {
                        out.new_tags.push(name.clone());
                    }
                }
                contact.row = row;
                out.ready.push(*contact);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Generated files with every kind of column (valid, not valid, national and
    /// ambiguous phones, tags known and not, phones past the cap, short and long rows)
    /// into a list that has contacts, with and without the duplicate check, each
    /// option either way: the run does what the model says, row by row.
    #[test]
    fn generated_files_import_as_the_model_says(spec in file_spec(0..24), chunk in 1usize..4096) {
        let (bytes, _) = spec.write();
        let run = import(&spec, spec.format(), &bytes, chunk, true);
        prop_assert_eq!(&run.finished, &Ok(()));
        let got = observed(&run);
        let want = model(&spec);
        prop_assert_eq!(&got.counts, &want.counts);
        let c = &got.counts;
        prop_assert_eq!(c.rows_read, c.blank + c.failed + c.duplicates_in_file + c.duplicates_existing + c.ready);
        prop_assert_eq!(&got.problems, &want.problems);
        prop_assert_eq!(&got.warnings, &want.warnings);
        prop_assert_eq!(&got.ready, &want.ready);
        prop_assert_eq!(&got, &want);
    }
}

