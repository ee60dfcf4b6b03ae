//! Golden bytes: one record of every kind, as each shipped format stored it.

use chrono::NaiveDate;

use crate::domain::codec::{self, CURRENT_FORMAT};
use crate::domain::agent::{Agent, AgentId, Role};
use crate::domain::contact::PhoneDraft;
use crate::domain::{
    Activity, BatchId, BatchProgress, BatchState, Contact, ContactDraft, ContactField, ContactId, ContactList, Country,
    CustomField, Disposition, DispositionId, FieldId, FieldScope, FieldType, FieldValue, HttpsUrl, ImportBatch, ListId,
    SocialNetwork, Tag, TagColour, TagId, Timestamp, WorkspaceMeta,
};

// ---- one record of every kind, as each shipped format stored it ---------------------
//
// The `golden_*` functions build the records; the byte arrays are what the codec wrote
// for exactly those records. Format 2: printed by `codec::encode_*` in a checkout of
// commit 23b4e98 (the last commit writing format 2), from the same record values built
// with that commit's types. Format 3: what commit bd46a05 wrote (the last writing
// format 3). Format 4: what this build writes. Never regenerate the format-2 or
// format-3 arrays from today's code: they stand for bytes already in users' browsers.

const CREATED: Timestamp = Timestamp::from_millis(1_764_000_000_000);
const UPDATED: Timestamp = Timestamp::from_millis(1_764_086_400_000);
const LIST: ListId = ListId::new(4);

/// A custom field of each type: list fields (text with click-to-action, a required
/// select with its choices, number, switch, date-time) and global ones (URL, and a
/// soft-deleted text field).
fn golden_fields() -> Vec<CustomField> {
    let field = |id, scope, alias: &str, field_type| CustomField {
        id: FieldId::new(id),
        scope,
        alias: alias.into(),
        field_type,
        required: false,
        click_to_action: false,
        deleted: None,
        created: CREATED,
        updated: UPDATED,
    };
    vec![
        CustomField { click_to_action: true, ..field(1, FieldScope::List(LIST), "Notes", FieldType::Text) },
        CustomField {
            required: true,
            ..field(2, FieldScope::List(LIST), "Tier", FieldType::Select(vec!["Gold".into(), "Silver".into()]))
        },
        field(3, FieldScope::List(LIST), "Score", FieldType::Number),
        field(4, FieldScope::List(LIST), "Opted in", FieldType::Switch),
        field(5, FieldScope::List(LIST), "Callback", FieldType::DateTime),
        field(6, FieldScope::Global, "Site", FieldType::Url),
        CustomField { deleted: Some(UPDATED), ..field(7, FieldScope::Global, "Region", FieldType::Text) },
    ]
}

/// A page of two contacts: Ann with every default field, an additional phone, a value
/// for each custom field above (the deleted one too) and two tags; Bob with a first
/// name, a choice, the switch's stored `false` and one tag.
fn golden_page() -> Vec<Contact> {
    let fields = golden_fields();
    let refs: Vec<&CustomField> = fields.iter().collect();
    let mut ann = ContactDraft { list_id: Some(LIST), ..Default::default() };
    for (field, value) in [
        (ContactField::FirstName, "Ann"),
        (ContactField::LastName, "Able"),
        (ContactField::Phone, "+39 333 123 4567"),
        (ContactField::Mobile, "+39 347 765 4321"),
        (ContactField::Email, "ann@example.com"),
        (ContactField::Url, "https://ann.example"),
        (ContactField::Company, "Acme"),
        (ContactField::City, "Torino"),
        (ContactField::Country, "Italy"),
        (ContactField::DateOfBirth, "1990-05-17"),
        (ContactField::Description, "Prefers mornings"),
        (ContactField::Social(SocialNetwork::LinkedIn), "ann-able"),
    ] {
        ann.set(field, value);
    }
    ann.additional_phones = vec![PhoneDraft { label: "Office".into(), number: "+39 02 1000000".into() }];
    let values = [
        (1, "0115551234"),
        (2, "silver"),
        (3, "3.5"),
        (4, "yes"),
        (5, "2026-11-24 14:30"),
        (6, "https://ann.example/profile"),
        (7, "North"),
    ];
    for (id, value) in values {
        ann.custom.insert(FieldId::new(id), value.into());
    }
    ann.tags = vec![TagId::new(5), TagId::new(2)];
    let mut bob = ContactDraft { list_id: Some(LIST), ..Default::default() };
    bob.set(ContactField::FirstName, "Bob");
    bob.custom.insert(FieldId::new(2), "Gold".into());
    bob.tags = vec![TagId::new(5)];
    [(300, ann), (301, bob)]
        .into_iter()
        .map(|(id, draft)| {
            let (list_id, data) = draft.validate_with(&refs).expect("valid golden contact");
            Contact { id: ContactId::new(id), list_id, created: CREATED, updated: UPDATED, data, activity: Activity::default() }
        })
        .collect()
}

/// A list with a description, a dial prefix and two agents.
fn golden_list(country: Option<Country>) -> ContactList {
    ContactList {
        id: LIST,
        name: "Campaign".into(),
        description: Some("Autumn".into()),
        dial_prefix: Some("0".into()),
        agents: vec![AgentId::new(3), AgentId::new(7)],
        country,
        created: CREATED,
        updated: UPDATED,
    }
}

/// Every id counter set, some past one varint byte.
fn golden_meta() -> WorkspaceMeta {
    WorkspaceMeta {
        next_list_id: 5,
        next_contact_id: 1 << 40,
        next_field_id: 8,
        next_tag_id: 300,
        next_agent_id: 9,
        next_disposition_id: 12,
        next_interaction_id: 0,
    }
}

/// The page with Ann's activity (format 4 on): interactions, the last, one open chat.
fn golden_page_with_activity() -> Vec<Contact> {
    let mut page = golden_page();
    page[0].activity = Activity { count: 300, last: Some(UPDATED), open_whatsapp: 1 };
    page
}

/// The id counters with interactions counted (format 4 on), past one varint byte.
fn golden_meta_with_interactions() -> WorkspaceMeta {
    WorkspaceMeta { next_interaction_id: 1 << 33, ..golden_meta() }
}

fn golden_tag() -> Tag {
    Tag { id: TagId::new(5), name: "VIP".into(), colour: TagColour::parse("#AA0000").expect("colour") }
}

fn golden_agent() -> Agent {
    Agent { id: AgentId::new(7), name: "Yuri Gagarin".into(), username: "yuri.g".into(), role: Role::Agent }
}

/// A second-level disposition (it has a parent).
fn golden_disposition() -> Disposition {
    Disposition { id: DispositionId::new(11), list: LIST, name: "Upsell".into(), parent: Some(DispositionId::new(10)) }
}

/// A finished and undone import batch: every field set.
fn golden_import() -> ImportBatch {
    ImportBatch {
        id: BatchId::new(2),
        file_name: "people.csv".into(),
        file_size: 4_096,
        list: LIST,
        mapping: vec![("First".into(), "First name".into()), ("Extra".into(), "Do not import".into())],
        duplicate_check: vec!["Phone".into(), "Email".into()],
        progress: BatchProgress { rows_read: 760, duplicates_in_file: 3, duplicates_in_list: 2, failed: 4 },
        started: CREATED,
        updated: UPDATED,
        finished: Some(UPDATED),
        state: BatchState::Finished,
        created: vec![(ContactId::new(1), ContactId::new(700)), (ContactId::new(900), ContactId::new(950))],
        undone: Some(UPDATED),
        undo_removed: 749,
        live: false,
    }
}

// Format 2, as commit 23b4e98 wrote the records above.

const PAGE_V2: &[u8] = &[
    2, 2, 172, 2, 4, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102, 3, 65, 110, 110, 1, 4, 65, 98, 108,
    101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 1, 12, 51, 57, 51, 52, 55, 55, 54, 53, 52, 51, 50, 49,
    1, 15, 97, 110, 110, 64, 101, 120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 7, 6, 19, 104, 116, 116, 112, 115, 58,
    47, 47, 97, 110, 110, 46, 101, 120, 97, 109, 112, 108, 101, 7, 4, 65, 99, 109, 101, 10, 6, 84, 111, 114, 105, 110,
    111, 11, 5, 73, 116, 97, 108, 121, 12, 10, 49, 57, 57, 48, 45, 48, 53, 45, 49, 55, 13, 16, 80, 114, 101, 102, 101,
    114, 115, 32, 109, 111, 114, 110, 105, 110, 103, 115, 14, 3, 8, 97, 110, 110, 45, 97, 98, 108, 101, 1, 6, 79, 102,
    102, 105, 99, 101, 11, 51, 57, 48, 50, 49, 48, 48, 48, 48, 48, 48, 7, 1, 0, 10, 48, 49, 49, 53, 53, 53, 49, 50, 51,
    52, 2, 1, 6, 83, 105, 108, 118, 101, 114, 3, 2, 0, 0, 0, 0, 0, 0, 12, 64, 4, 3, 1, 5, 4, 19, 50, 48, 50, 54, 45,
    49, 49, 45, 50, 52, 84, 49, 52, 58, 51, 48, 58, 48, 48, 6, 5, 27, 104, 116, 116, 112, 115, 58, 47, 47, 97, 110,
    110, 46, 101, 120, 97, 109, 112, 108, 101, 47, 112, 114, 111, 102, 105, 108, 101, 7, 0, 5, 78, 111, 114, 116, 104,
    2, 2, 5, 173, 2, 4, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102, 3, 66, 111, 98, 0, 0, 0, 0, 0, 0,
    2, 2, 1, 4, 71, 111, 108, 100, 4, 3, 0, 1, 5,
];
const LIST_V2: &[u8] = &[
    2, 4, 8, 67, 97, 109, 112, 97, 105, 103, 110, 1, 6, 65, 117, 116, 117, 109, 110, 1, 1, 48, 2, 3, 7, 128, 160, 191,
    233, 214, 102, 128, 144, 242, 187, 215, 102,
];
const META_V2: &[u8] = &[
    2, 5, 128, 128, 128, 128, 128, 32, 8, 172, 2, 9, 12,
];
const TAG_V2: &[u8] = &[
    2, 5, 3, 86, 73, 80, 7, 35, 97, 97, 48, 48, 48, 48,
];
const AGENT_V2: &[u8] = &[
    2, 7, 12, 89, 117, 114, 105, 32, 71, 97, 103, 97, 114, 105, 110, 6, 121, 117, 114, 105, 46, 103, 1,
];
const DISPOSITION_V2: &[u8] = &[
    2, 11, 4, 6, 85, 112, 115, 101, 108, 108, 1, 10,
];
const IMPORT_V2: &[u8] = &[
    2, 2, 10, 112, 101, 111, 112, 108, 101, 46, 99, 115, 118, 128, 32, 4, 2, 5, 70, 105, 114, 115, 116, 10, 70, 105,
    114, 115, 116, 32, 110, 97, 109, 101, 5, 69, 120, 116, 114, 97, 13, 68, 111, 32, 110, 111, 116, 32, 105, 109, 112,
    111, 114, 116, 2, 5, 80, 104, 111, 110, 101, 5, 69, 109, 97, 105, 108, 248, 5, 3, 2, 4, 128, 160, 191, 233, 214,
    102, 128, 144, 242, 187, 215, 102, 1, 128, 144, 242, 187, 215, 102, 1, 2, 1, 188, 5, 132, 7, 182, 7, 1, 128, 144,
    242, 187, 215, 102, 237, 5,
];
const FIELDS_V2: [&[u8]; 7] = [
    &[
        2, 1, 1, 4, 5, 78, 111, 116, 101, 115, 0, 0, 1, 0, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102,
    ],
    &[
        2, 2, 1, 4, 4, 84, 105, 101, 114, 1, 2, 4, 71, 111, 108, 100, 6, 83, 105, 108, 118, 101, 114, 1, 0, 0, 128,
        160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102,
    ],
    &[
        2, 3, 1, 4, 5, 83, 99, 111, 114, 101, 2, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102,
    ],
    &[
        2, 4, 1, 4, 8, 79, 112, 116, 101, 100, 32, 105, 110, 3, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 144, 242,
        187, 215, 102,
    ],
    &[
        2, 5, 1, 4, 8, 67, 97, 108, 108, 98, 97, 99, 107, 4, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187,
        215, 102,
    ],
    &[
        2, 6, 0, 4, 83, 105, 116, 101, 5, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102,
    ],
    &[
        2, 7, 0, 6, 82, 101, 103, 105, 111, 110, 0, 0, 0, 1, 128, 144, 242, 187, 215, 102, 128, 160, 191, 233, 214,
        102, 128, 144, 242, 187, 215, 102,
    ],
];

/// Bytes format 2 wrote, one record of each kind. If this test fails, records users
/// already stored no longer read back as they were written: fix the decoder
/// (`codec/v2.rs` and friends), never these bytes.
#[test]
fn format_2_bytes_of_every_record_kind_decode_to_the_records_written() {
    assert_every_kind_decodes(&Goldens::format_2(), None, "format 2 (a list read without a default country)");
}

/// The format-2 page holds the values its drafts name, spelled out here, so the
/// comparison above does not rest on today's validation of those drafts alone.
#[test]
fn the_format_2_page_reads_back_value_by_value() {
    let page = codec::decode_page(PAGE_V2).expect("format 2 page decodes");
    let [ann, bob] = &page[..] else { panic!("two contacts: {page:?}") };
    assert_eq!((ann.id, ann.list_id, ann.created, ann.updated), (ContactId::new(300), LIST, CREATED, UPDATED));
    let d = &ann.data;
    let text = |f| d.get(f);
    assert_eq!((d.first_name(), d.last_name()), ("Ann", Some("Able")));
    assert_eq!((text(ContactField::Phone), text(ContactField::Mobile)), (Some("393331234567"), Some("393477654321")));
    assert_eq!((text(ContactField::Email), text(ContactField::Url)), (Some("ann@example.com"), Some("https://ann.example")));
    assert_eq!(
        [ContactField::Company, ContactField::City, ContactField::Country, ContactField::DateOfBirth, ContactField::Description]
            .map(text),
        [Some("Acme"), Some("Torino"), Some("Italy"), Some("1990-05-17"), Some("Prefers mornings")]
    );
    assert_eq!(text(ContactField::Social(SocialNetwork::LinkedIn)), Some("ann-able"));
    let phones: Vec<(&str, &str)> = d.additional_phones().iter().map(|p| (&*p.label, p.number.as_str())).collect();
    assert_eq!(phones, [("Office", "39021000000")]);
    let callback = NaiveDate::from_ymd_opt(2026, 11, 24).and_then(|day| day.and_hms_opt(14, 30, 0)).expect("date");
    let site = HttpsUrl::parse("https://ann.example/profile").expect("url");
    let values = d.custom_values();
    assert!(matches!(values[2], (id, FieldValue::Number(n)) if id == FieldId::new(3) && n.get() == 3.5), "{values:?}");
    let without_number: Vec<_> = values.iter().filter(|(id, _)| *id != FieldId::new(3)).cloned().collect();
    assert_eq!(
        without_number,
        [
            (FieldId::new(1), FieldValue::Text("0115551234".into())),
            (FieldId::new(2), FieldValue::Choice("Silver".into())),
            (FieldId::new(4), FieldValue::Switch(true)),
            (FieldId::new(5), FieldValue::DateTime(callback)),
            (FieldId::new(6), FieldValue::Url(site)),
            (FieldId::new(7), FieldValue::Text("North".into())),
        ]
    );
    assert_eq!(d.tags(), [TagId::new(2), TagId::new(5)]);

    assert_eq!((bob.id, bob.data.first_name(), bob.data.last_name(), bob.data.phone()), (ContactId::new(301), "Bob", None, None));
    assert_eq!(
        bob.data.custom_values(),
        [(FieldId::new(2), FieldValue::Choice("Gold".into())), (FieldId::new(4), FieldValue::Switch(false))]
    );
    assert_eq!(bob.data.tags(), [TagId::new(5)]);
}

// Format 3, as this build writes the records above.

const LIST_V3: &[u8] = &[
    3, 4, 8, 67, 97, 109, 112, 97, 105, 103, 110, 1, 6, 65, 117, 116, 117, 109, 110, 1, 1, 48, 2, 3, 7, 1, 2, 73, 84,
    128, 160, 191, 233, 214, 102, 128, 144, 242, 187, 215, 102,
];

/// One record of each kind, as one format stores it.
struct Goldens {
    page: Vec<u8>,
    list: Vec<u8>,
    meta: Vec<u8>,
    fields: Vec<Vec<u8>>,
    tag: Vec<u8>,
    agent: Vec<u8>,
    disposition: Vec<u8>,
    import: Vec<u8>,
}

impl Goldens {
    fn format_2() -> Self {
        Goldens {
            page: PAGE_V2.to_vec(),
            list: LIST_V2.to_vec(),
            meta: META_V2.to_vec(),
            fields: FIELDS_V2.iter().map(|b| b.to_vec()).collect(),
            tag: TAG_V2.to_vec(),
            agent: AGENT_V2.to_vec(),
            disposition: DISPOSITION_V2.to_vec(),
            import: IMPORT_V2.to_vec(),
        }
    }

    /// Only lists changed shape in format 3 (the country after the agents): every other
    /// record is its format-2 body under the new format byte.
    fn format_3() -> Self {
        let v2 = Self::format_2();
        let under_3 = |bytes: &[u8]| [&[3], &bytes[1..]].concat();
        Goldens {
            page: under_3(&v2.page),
            list: LIST_V3.to_vec(),
            meta: under_3(&v2.meta),
            fields: v2.fields.iter().map(|b| under_3(b)).collect(),
            tag: under_3(&v2.tag),
            agent: under_3(&v2.agent),
            disposition: under_3(&v2.disposition),
            import: under_3(&v2.import),
        }
    }

    /// Every record's bytes, the list's last.
    fn all(&self) -> impl Iterator<Item = &[u8]> {
        let records = [&self.page, &self.meta, &self.tag, &self.agent, &self.disposition, &self.import];
        records.into_iter().chain(&self.fields).chain([&self.list]).map(Vec::as_slice)
    }
}

/// Decodes every golden of a format to the record the `golden_*` functions build (the
/// list with `country`); `format` names the goldens in a failure.
fn assert_every_kind_decodes(bytes: &Goldens, country: Option<Country>, format: &str) {
    assert_eq!(codec::decode_page(&bytes.page), Ok(golden_page()), "{format}");
    assert_eq!(codec::decode_list(&bytes.list), Ok(golden_list(country)), "{format}");
    assert_eq!(codec::decode_meta(&bytes.meta), Ok(golden_meta()), "{format}");
    let fields = golden_fields();
    assert_eq!(bytes.fields.len(), fields.len(), "{format}");
    for (bytes, field) in bytes.fields.iter().zip(fields) {
        assert_eq!(codec::decode_field(bytes), Ok(field), "{format}");
    }
    assert_eq!(codec::decode_tag(&bytes.tag), Ok(golden_tag()), "{format}");
    assert_eq!(codec::decode_agent(&bytes.agent), Ok(golden_agent()), "{format}");
    assert_eq!(codec::decode_disposition(&bytes.disposition), Ok(golden_disposition()), "{format}");
    assert_eq!(codec::decode_import(&bytes.import), Ok(golden_import()), "{format}");
}

/// Bytes format 3 wrote (commit bd46a05): every kind reads back, contacts with no
/// activity and meta with no interaction counter. Fix the decoder, never these bytes.
#[test]
fn format_3_bytes_of_every_record_kind_decode_to_the_records_written() {
    let italy = Country::from_code("IT");
    let v3 = Goldens::format_3();
    assert_every_kind_decodes(&v3, italy, "format 3");
    // The goldens carry their format byte; the list is the one record whose body changed.
    let v2 = Goldens::format_2();
    for (v2, v3) in v2.all().zip(v3.all()) {
        assert_eq!((v2[0], v3[0]), (2, 3));
    }
    assert_ne!(LIST_V2[1..], LIST_V3[1..]);
}

// Format 4, as this build writes the records above.

/// Format 4 appends each contact's activity to it: Ann's (300 = [172, 2], `Some`, the
/// `UPDATED` varint, one open chat) and Bob's (all empty).
const ANN_ACTIVITY_V4: &[u8] = &[172, 2, 1, 128, 144, 242, 187, 215, 102, 1];
const BOB_ACTIVITY_V4: &[u8] = &[0, 0, 0];
/// Where Bob's record starts in the format-2/3 page (his id, 301, is [173, 2]).
const BOB_AT: usize = 275;
const META_V4: &[u8] = &[
    4, 5, 128, 128, 128, 128, 128, 32, 8, 172, 2, 9, 12, 128, 128, 128, 128, 32
];

impl Goldens {
    /// Pages (each contact's activity after its data) and meta (the interaction
    /// counter last) changed shape in format 4; every other record is its format-3 body
    /// under the new format byte.
    fn format_4() -> Self {
        let v3 = Self::format_3();
        let under_4 = |bytes: &[u8]| [&[4], &bytes[1..]].concat();
        Goldens {
            page: page_v4(&v3.page),
            list: under_4(&v3.list),
            meta: META_V4.to_vec(),
            fields: v3.fields.iter().map(|b| under_4(b)).collect(),
            tag: under_4(&v3.tag),
            agent: under_4(&v3.agent),
            disposition: under_4(&v3.disposition),
            import: under_4(&v3.import),
        }
    }
}

/// The format-3 page with each contact's activity after it, under format byte 4.
fn page_v4(v3: &[u8]) -> Vec<u8> {
    assert_eq!(v3[BOB_AT..BOB_AT + 2], [173, 2], "Bob starts here");
    [&[4], &v3[1..BOB_AT], ANN_ACTIVITY_V4, &v3[BOB_AT..], BOB_ACTIVITY_V4].concat()
}

/// What this build writes, one record of each kind, and that it reads it back. If this
/// test fails, the stored shape of a record changed: add format 5, keep format 4
/// readable through the old shape (as `codec/v3.rs` keeps format 3), and keep these
/// bytes as the format-4 goldens.
#[test]
fn format_4_bytes_of_every_record_kind_are_what_this_build_writes() {
    let italy = Country::from_code("IT");
    let v4 = Goldens::format_4();
    assert_eq!(codec::encode_page(&golden_page_with_activity()), v4.page, "page");
    assert_eq!(codec::encode_list(&golden_list(italy)), v4.list);
    assert_eq!(codec::encode_meta(&golden_meta_with_interactions()), v4.meta, "meta");
    let fields = golden_fields();
    assert_eq!(v4.fields.len(), fields.len());
    for (bytes, field) in v4.fields.iter().zip(&fields) {
        assert_eq!(codec::encode_field(field), *bytes, "{}", field.alias);
    }
    assert_eq!(codec::encode_tag(&golden_tag()), v4.tag);
    assert_eq!(codec::encode_agent(&golden_agent()), v4.agent);
    assert_eq!(codec::encode_disposition(&golden_disposition()), v4.disposition);
    assert_eq!(codec::encode_import(&golden_import()), v4.import);

    assert_eq!(codec::decode_page(&v4.page), Ok(golden_page_with_activity()));
    assert_eq!(codec::decode_meta(&v4.meta), Ok(golden_meta_with_interactions()));
    let v3 = Goldens::format_3();
    for (v3, v4) in v3.all().zip(v4.all()) {
        assert_eq!((v3[0], v4[0]), (3, CURRENT_FORMAT));
    }
}

