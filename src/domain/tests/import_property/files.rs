//! The generated files: their columns, rows and shapes, as proptest strategies.

use super::*;

pub(super) const NAME: usize = 0;
pub(super) const PHONE: usize = 1;
pub(super) const MOBILE: usize = 2;
pub(super) const EMAIL: usize = 3;
pub(super) const WEB: usize = 4;
pub(super) const BORN: usize = 5;
pub(super) const SCORE: usize = 6;
pub(super) const PLAN: usize = 7;
pub(super) const ACTIVE: usize = 8;
pub(super) const SINCE: usize = 9;
pub(super) const SITE: usize = 10;
pub(super) const LABELS: usize = 11;
pub(super) const OTHER_PHONES: usize = 12;
pub(super) const IGNORED: usize = 13;
pub(super) const NOTES: usize = 14;
pub(super) const WIDTH: usize = 15;

pub(super) const HEADER: [&str; WIDTH] =
    ["Name", "Phone", "Mobile", "Email", "Web", "Born", "Score", "Plan", "Active", "Since", "Site", "Labels", "Other phones", "Ignored", "Notes"];

pub(super) fn columns() -> Vec<Target> {
    let fields = [F::FirstName, F::Phone, F::Mobile, F::Email, F::Url, F::DateOfBirth].map(Target::Field);
    let rest = [Target::Tags, Target::AdditionalPhones, Target::Skip, Target::Field(F::Description)];
    fields.into_iter().chain(custom_columns()).chain(rest).collect()
}

/// Plan and Active are required.
pub(super) fn custom_fields() -> Vec<CustomField> {
    custom_field_of_each_type(&[2, 3])
}

/// Emails and phones (as stored) of the contacts already in the list.
pub(super) const EXISTING_EMAILS: [&str; 5] = ["", "ann@example.com", "ANN@example.com", "bob@example.org", "cy@example.net"];
pub(super) const EXISTING_PHONES: [&str; 5] = ["", "393331234567", "442071838750", "3281234567", "390612345678"];

#[derive(Clone, Copy, Debug)]
pub(super) enum Shape {
    Full,
    /// Only the first n cells (spreadsheets drop empty trailing cells).
    Short(usize),
    /// One more cell than the header: filled, or empty.
    Extra(bool),
}

/// One data row: an index into each column's pool.
#[derive(Clone, Debug)]
pub(super) struct RowSpec {
    pub(super) name: usize,
    pub(super) phone: usize,
    pub(super) mobile: usize,
    pub(super) email: usize,
    pub(super) web: usize,
    pub(super) born: usize,
    pub(super) score: usize,
    pub(super) plan: usize,
    pub(super) active: usize,
    pub(super) since: usize,
    pub(super) site: usize,
    pub(super) notes: usize,
    pub(super) tags: Vec<usize>,
    /// Google's " ::: " between tags, else ", ".
    pub(super) google_tags: bool,
    pub(super) extra_phones: Vec<usize>,
    pub(super) ignored: bool,
    pub(super) shape: Shape,
}

#[derive(Clone, Debug)]
pub(super) struct FileSpec {
    pub(super) rows: Vec<RowSpec>,
    /// (email, phone) of each existing contact, indices into `EXISTING_*`.
    pub(super) existing: Vec<(usize, usize)>,
    pub(super) italy: bool,
    pub(super) skip_rows: bool,
    pub(super) ignore_tags: bool,
    pub(super) dedupe: bool,
    pub(super) delimiter: u8,
    pub(super) crlf: bool,
}

impl FileSpec {
    pub(super) fn options(&self) -> ImportOptions {
        ImportOptions {
            country: if self.italy { Country::from_code("IT") } else { None },
            invalid_values: if self.skip_rows { InvalidValues::SkipRow } else { InvalidValues::ImportWithout },
            unknown_tags: if self.ignore_tags { UnknownTags::Ignore } else { UnknownTags::Create },
        }
    }

    pub(super) fn duplicate_fields(&self) -> Vec<DedupField> {
        if self.dedupe {
            vec![DedupField::Field(F::Email), DedupField::Field(F::Phone)]
        } else {
            vec![]
        }
    }

    pub(super) fn format(&self) -> FileFormat {
        FileFormat { delimiter: self.delimiter, has_header: true, ..FileFormat::default() }
    }

    pub(super) fn existing_contacts(&self) -> Vec<ContactData> {
        self.existing
            .iter()
            .map(|&(email, phone)| {
                let mut draft = ContactDraft { list_id: Some(LIST), ..ContactDraft::default() };
                draft.set(F::FirstName, "Old");
                draft.set(F::Email, EXISTING_EMAILS[email]);
                let number = EXISTING_PHONES[phone];
                draft.set(F::Phone, if number.is_empty() { String::new() } else { format!("+{number}") });
                draft.validate().map(|(_, d)| d).unwrap_or_else(|e| panic!("existing contact: {e}"))
            })
            .collect()
    }

    /// The file, and the line each data row starts on.
    pub(super) fn write(&self) -> (Vec<u8>, Vec<u64>) {
        let terminator = if self.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().delimiter(self.delimiter).terminator(terminator).flexible(true).from_writer(Vec::new());
        w.write_record(HEADER).unwrap_or_else(|e| panic!("{e}"));
        let mut lines = Vec::new();
        for row in &self.rows {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
            lines.push(1 + w.get_ref().iter().filter(|&&b| b == b'\n').count() as u64);
            w.write_record(row.cells()).unwrap_or_else(|e| panic!("{e}"));
        }
        (w.into_inner().unwrap_or_else(|e| panic!("{e}")), lines)
    }
}

impl RowSpec {
    pub(super) fn cells(&self) -> Vec<String> {
        let p = pools();
        let mut cells = vec![String::new(); WIDTH];
        cells[NAME] = p.names[self.name].text.clone();
        cells[PHONE] = p.phones[self.phone].text.to_owned();
        cells[MOBILE] = p.phones[self.mobile].text.to_owned();
        cells[EMAIL] = p.emails[self.email].text.clone();
        cells[WEB] = p.webs[self.web].text.clone();
        cells[BORN] = p.borns[self.born].text.clone();
        cells[SCORE] = p.scores[self.score].text.clone();
        cells[PLAN] = p.plans[self.plan].text.clone();
        cells[ACTIVE] = p.actives[self.active].text.clone();
        cells[SINCE] = p.sinces[self.since].text.clone();
        cells[SITE] = p.sites[self.site].text.clone();
        cells[NOTES] = p.notes[self.notes].text.clone();
        let names: Vec<&str> = self.tags.iter().map(|&t| p.tags[t].text.as_str()).collect();
        cells[LABELS] = names.join(if self.google_tags { " ::: " } else { ", " });
        let phones: Vec<&str> = self.extra_phones.iter().map(|&i| p.extra_phones[i].text).collect();
        cells[OTHER_PHONES] = phones.join("; ");
        cells[IGNORED] = if self.ignored { "ignored".into() } else { String::new() };
        match self.shape {
            Shape::Full => {}
            Shape::Short(n) => cells.truncate(n),
            Shape::Extra(filled) => cells.push(if filled { "surplus".into() } else { String::new() }),
        }
        cells
    }
}

/// An index into a pool, as often as its weights say.
pub(super) fn pick(weights: impl Iterator<Item = u32>) -> prop::sample::Select<usize> {
    let indices: Vec<usize> = weights.enumerate().flat_map(|(i, w)| std::iter::repeat_n(i, w as usize)).collect();
    prop::sample::select(indices)
}

pub(super) fn pick_case(pool: &[Case]) -> prop::sample::Select<usize> {
    pick(pool.iter().map(|c| c.weight))
}

pub(super) fn pick_phone() -> prop::sample::Select<usize> {
    pick(pools().phones.iter().map(|c| c.weight))
}

pub(super) fn row_spec() -> impl Strategy<Value = RowSpec> {
    let p = pools();
    let fields = (pick_case(&p.names), pick_phone(), pick_phone(), pick_case(&p.emails), pick_case(&p.webs), pick_case(&p.borns));
    let custom = (pick_case(&p.scores), pick_case(&p.plans), pick_case(&p.actives), pick_case(&p.sinces), pick_case(&p.sites), pick_case(&p.notes));
    let extra = pick(p.extra_phones.iter().map(|e| e.number.weight));
    // Now and then past the cap of additional phones.
    let extra_phones = prop_oneof![
        12 => prop::collection::vec(extra.clone(), 0..3),
        1 => prop::collection::vec(extra, MAX_ADDITIONAL_PHONES - 1..=MAX_ADDITIONAL_PHONES + 3),
    ];
    let lists = (prop::collection::vec(0..p.tags.len(), 0..4), any::<bool>(), extra_phones, prop::bool::weighted(0.1));
    let shape = prop_oneof![12 => Just(Shape::Full), 1 => (1..WIDTH).prop_map(Shape::Short), 1 => any::<bool>().prop_map(Shape::Extra)];
    (fields, custom, lists, shape, prop::bool::weighted(0.07)).prop_map(
        |((name, phone, mobile, email, web, born), (score, plan, active, since, site, notes), (tags, google_tags, extra_phones, ignored), shape, blank)| RowSpec {
            name,
            phone,
            mobile,
            email,
            web,
            born,
            score,
            plan,
            active,
            since,
            site,
            notes,
            tags,
            google_tags,
            extra_phones,
            ignored,
            shape,
        }
        .blanked(blank),
    )
}

impl RowSpec {
    /// When `blank`, the row with every mapped value empty (but the date, which may be
    /// Outlook's "no date"): a blank row, or no row at all when even the column that is
    /// not imported is empty.
    pub(super) fn blanked(mut self, blank: bool) -> Self {
        if !blank {
            return self;
        }
        let p = pools();
        let empty = |pool: &[Case]| pool.iter().position(|c| c.text.is_empty()).unwrap_or_else(|| panic!("no empty case"));
        let no_phone = p.phones.iter().position(|c| c.text.is_empty()).unwrap_or_else(|| panic!("no empty phone"));
        (self.name, self.phone, self.mobile, self.email, self.web) = (empty(&p.names), no_phone, no_phone, empty(&p.emails), empty(&p.webs));
        (self.score, self.plan, self.active, self.since, self.site, self.notes) =
            (empty(&p.scores), empty(&p.plans), empty(&p.actives), empty(&p.sinces), empty(&p.sites), empty(&p.notes));
        if p.borns[self.born].val != Val::Empty {
            self.born = empty(&p.borns);
        }
        self.tags.clear();
        self.extra_phones.clear();
        self
    }
}

pub(super) fn file_spec(rows: std::ops::Range<usize>) -> impl Strategy<Value = FileSpec> {
    let existing = prop::collection::vec((0..EXISTING_EMAILS.len(), 0..EXISTING_PHONES.len()), 0..5);
    let options = (any::<bool>(), prop::bool::weighted(0.25), any::<bool>(), prop::bool::weighted(0.85));
    let format = (prop::sample::select(vec![b',', b';', b'\t']), any::<bool>());
    (prop::collection::vec(row_spec(), rows), existing, options, format).prop_map(
        |(rows, existing, (italy, skip_rows, ignore_tags, dedupe), (delimiter, crlf))| FileSpec {
            rows,
            existing,
            italy,
            skip_rows,
            ignore_tags,
            dedupe,
            delimiter,
            crlf,
        },
    )
}
