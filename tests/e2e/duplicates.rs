//! End-to-end: Find duplicates in the built app, in headless Chromium. About 200
//! contacts in an Italian and a German list, imported as written, with planted people:
//! one phone in international, "0039" and national forms, the same email in other
//! capitals, typos and swapped names backed by the street, the date of birth (in two
//! formats) or a similar email, a German number written "+49 …" and "0…". Every
//! planted group is found and few others; a name opens the contact and Back shows the
//! groups again; Merge… merges a member through the Merge dialog; "Not duplicates"
//! hides a group for good (reload, new search); one list is searched alone; a big
//! list shows its progress and stops.

use crate::support;

use std::time::Duration;

use contacts_manager::domain::country::Country;
use contacts_manager::domain::phone::PhoneNumber;
use support::app::{open_fresh_app, scrolls_sideways, wait_for_notice};
use support::merge;
use support::duplicates::{
    choose_list, find_duplicates, group_names, import_every_row, merge_in_group_of, not_duplicates, open_duplicates, wait_summary, why_of, GROUPS,
};
use support::files::{generated_csv, TempDir};
use support::lists::{create_list, NewList};
use support::text::{grouped, numbers_in};
use support::Browser;

const SEARCH: Duration = Duration::from_secs(60);
const IMPORT: Duration = Duration::from_secs(120);

/// A row of the file: first name, last name, phone, email, street, date of birth.
type Row = [&'static str; 6];

/// Planted people of the Italian list, each the rows of one person.
const ITALIAN_PEOPLE: &[&[Row]] = &[
    // One mobile in three forms; the last is national, read as Italian.
    &[
        ["Giacomo", "Leopardi", "+39 347 123 4567", "", "", ""],
        ["Giacomo", "Leopardi", "0039 3471234567", "gl@recanati.it", "", ""],
        ["G.", "Leopardi", "347-123-4567", "", "", ""],
    ],
    // The same email in other capitals.
    &[["Ugo", "Foscolo", "", "ugo.foscolo@poeti.it", "", ""], ["Ugo", "Foscolo", "+39 348 765 4321", "UGO.Foscolo@POETI.IT", "", ""]],
    // A typo in the first name, the same street written another way.
    &[["Alessandro", "Manzoni", "", "", "Via Morone 1", ""], ["Alesandro", "Manzoni", "", "", "via Morone, 1", ""]],
    // First and last name swapped, the same birthday in two formats.
    &[["Grazia", "Deledda", "", "", "", "1971-09-27"], ["Deledda", "Grazia", "", "", "", "27/09/1971"]],
    // A typo in the last name and in the email, nothing exact in common.
    &[["Marco", "Rossi", "", "marco.rossi77@example.com", "", ""], ["Marco", "Rosi", "+39 349 222 3333", "marco.rosi77@example.com", "", ""]],
    // A typo in the first name, a British number with and without spaces.
    &[["Jonh", "Keats", "+44 20 7183 8750", "", "", ""], ["John", "Keats", "+442071838750", "", "", ""]],
];

/// Planted people of the German list: a Berlin number written internationally and
/// nationally ("+49 1234 56789" is no valid German number: the import would drop it).
const GERMAN_PEOPLE: &[&[Row]] = &[&[["Klaus", "Schmidt", "+49 30 9876 5432", "", "", ""], ["Klaus", "Schmitt", "030-98765432", "", "", ""]]];

const FIRST: [&str; 20] = [
    "Luca", "Paolo", "Sara", "Elena", "Franco", "Chiara", "Davide", "Silvia", "Matteo", "Anna", "Roberto", "Laura", "Stefano", "Marta", "Andrea",
    "Valeria", "Simone", "Irene", "Fabio", "Claudia",
];
const LAST: [&str; 20] = [
    "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo",
    "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani",
];

/// `n` other people, each with a name, mobile, email, street and birthday of their
/// own (from `offset`, so two lists differ): only the planted ones are one person.
fn others(n: usize, offset: usize, mobile_prefix: &str) -> Vec<[String; 6]> {
    (offset..offset + n)
        .map(|i| {
            // (i % 20, i / 20) is a different pair for every i under 400.
            let (first, last) = (FIRST[i % 20], LAST[(i % 20 + i / 20) % 20]);
            let local = format!("{}.{}{i}", first.to_lowercase(), last.to_lowercase().replace(' ', ""));
            [
                first.to_string(),
                last.to_string(),
                format!("{mobile_prefix}{:07}", 1_000_000 + i),
                format!("{local}@example.org"),
                format!("Via Garibaldi {}", i + 1),
                format!("{}-{:02}-{:02}", 1950 + i % 40, 1 + (i / 40) % 12, 1 + i % 28),
            ]
        })
        .collect()
}

/// The file of a list: its other people with the planted rows among them.
fn list_csv(people: &[&[Row]], others: Vec<[String; 6]>) -> (String, usize) {
    let mut rows = others;
    for (k, row) in people.iter().flat_map(|p| p.iter()).enumerate() {
        // Spread through the file, not all at its end.
        rows.insert((k * 13).min(rows.len()), row.map(str::to_string));
    }
    let quote = |v: &String| format!("\"{}\"", v.replace('"', "\"\""));
    let mut csv = String::from("First name,Last name,Mobile,Email,Street,Date of birth\r\n");
    for row in &rows {
        csv.push_str(&row.iter().map(quote).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    (csv, rows.len())
}

/// Each planted person's names, sorted as `group_names` gives them.
fn planted_names(people: &[&[Row]]) -> Vec<Vec<String>> {
    people
        .iter()
        .map(|p| {
            let mut names: Vec<String> = p.iter().map(|r| format!("{} {}", r[0], r[1])).collect();
            names.sort();
            names
        })
        .collect()
}

/// The WhatsApp form of a number as an import into a list of `country` reads it.
fn read_in(number: &str, country: &str) -> String {
    PhoneNumber::parse_in(number, Country::from_code(country))
        .map(|r| r.number.as_str().to_string())
        .unwrap_or_else(|e| panic!("{number} is not a valid number in {country}: {e}"))
}

/// The fixture says what it means: every number is valid in its list's country, and
/// a planted person's numbers are one number.
#[test]
fn the_planted_numbers_are_one_number_each() {
    for (people, country) in [(ITALIAN_PEOPLE, "IT"), (GERMAN_PEOPLE, "DE")] {
        for person in people {
            let mut numbers: Vec<String> = person.iter().filter(|r| !r[2].is_empty()).map(|r| read_in(r[2], country)).collect();
            numbers.dedup();
            assert!(numbers.len() <= 1, "{person:?} reads as {numbers:?}");
        }
    }
    for row in others(170, 0, "+39 347 5").iter().chain(&others(20, 200, "+49 151 2")) {
        read_in(&row[2], if row[2].starts_with("+39") { "IT" } else { "DE" });
    }
}

/// The window sizes screenshots are taken at: a laptop, a phone.
const SIZES: [(u32, u32); 2] = [(1280, 800), (390, 844)];

/// Screenshots with `subject` at the top, at each of `SIZES`; the page never scrolls
/// sideways.
async fn shoot(b: &Browser, name: &str, subject: &str) {
    // The setup's notices closed, the subject at the top.
    let to_top = format!(
        "document.querySelectorAll('#notice .icon-btn').forEach(x => x.click());
         document.querySelector({subject:?}).scrollIntoView({{block: 'start'}})"
    );
    for (width, height) in SIZES {
        b.set_window_size(width, height).await;
        b.exec(&to_top).await;
        // The resize's layout settles first.
        tokio::time::sleep(Duration::from_millis(300)).await;
        b.screenshot(&format!("duplicates-{name}-{width}")).await;
        assert!(!scrolls_sideways(b).await, "the page scrolls sideways at {width} px");
    }
    b.set_window_size(SIZES[0].0, SIZES[0].1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn planted_duplicates_are_found_and_not_duplicates_is_remembered() {
    let dir = TempDir::new("cm-e2e-dups");
    let b = open_fresh_app("e2e-dups").await;
    let italy = create_list(&b, NewList::named("Clienti").country("IT")).await;
    let germany = create_list(&b, NewList::named("Kunden").country("DE")).await;
    let files = [(&italy, "clienti.csv", list_csv(ITALIAN_PEOPLE, others(170, 0, "+39 347 5"))), (&germany, "kunden.csv", list_csv(GERMAN_PEOPLE, others(20, 200, "+49 151 2")))];
    for (list, name, (csv, rows)) in files {
        let summary = import_every_row(&b, list, &dir.write(name, csv.as_bytes()), IMPORT).await;
        assert_eq!((summary.imported, summary.warned, summary.failed), (rows as u64, 0, 0), "{name}: {summary:?}");
    }

    open_duplicates(&b).await;
    b.wait_for("#dups-empty").await;
    let summary = find_duplicates(&b, SEARCH).await;
    let groups = group_names(&b).await;
    let planted: Vec<Vec<String>> = planted_names(ITALIAN_PEOPLE).into_iter().chain(planted_names(GERMAN_PEOPLE)).collect();
    for person in &planted {
        assert!(groups.contains(person), "{person:?} is not one group: {groups:#?}");
    }
    let others: Vec<&Vec<String>> = groups.iter().filter(|g| !planted.contains(g)).collect();
    assert!(others.len() <= 3, "more than a few other groups: {others:#?}");
    assert_eq!(summary, format!("{} groups of likely duplicates in all lists, strongest first.", groups.len()));
    for (name, words) in [
        ("G. Leopardi", &["Phone"][..]),
        ("Ugo Foscolo", &["Email"]),
        ("Alesandro Manzoni", &["Street", "Name 9"]),
        ("Deledda Grazia", &["Date of birth", "Name"]),
        ("Marco Rosi", &["Similar email 9", "Name 9"]),
        ("Klaus Schmitt", &["Phone"]),
    ] {
        let why = why_of(&b, name).await;
        assert!(words.iter().all(|w| why.contains(w)), "{name}'s group: {why:?} lacks one of {words:?}");
    }
    shoot(&b, "found", "#duplicates-page").await;
    shoot(&b, "groups", "#dups-groups > li:nth-child(3)").await;

    // A name opens its contact; Back shows the same groups, without a new search.
    b.click(&format!("{GROUPS} a.dup-name")).await;
    b.wait_for("#edit-contact-form").await;
    b.client.back().await.expect("go back");
    b.wait_for(GROUPS).await;
    assert_eq!(group_names(&b).await, groups);
    // Merge… on a member opens the Merge dialog with both side by side; Merge takes
    // that member out of its group (three Leopardis become two).
    let leopardis = groups.iter().find(|g| g.iter().any(|n| n == "G. Leopardi")).map(Vec::len);
    assert_eq!(leopardis, Some(3));
    merge_in_group_of(&b, "G. Leopardi").await;
    b.wait_for(merge::TABLE).await;
    merge::merge(&b).await;
    wait_for_notice(&b, "was merged into").await;
    let two = format!(
        "const g = [...document.querySelectorAll('{GROUPS}')].find(g => g.textContent.includes('Leopardi')); return !!g && g.querySelectorAll('tr.dup-member').length === 2;"
    );
    b.poll(&two, Duration::from_secs(10), "the merged member to leave its group").await;
    assert_eq!(b.count(GROUPS).await, groups.len(), "the group stays, with two");

    // Not duplicates: the group goes, and stays gone after a reload and a new search.
    not_duplicates(&b, "Ugo Foscolo").await;
    let gone = format!("return document.querySelectorAll('{GROUPS}').length === {}", groups.len() - 1);
    b.poll(&gone, Duration::from_secs(10), "the group to go").await;
    assert!(!group_names(&b).await.iter().flatten().any(|n| n == "Ugo Foscolo"));
    b.reload().await;
    open_duplicates(&b).await;
    find_duplicates(&b, SEARCH).await;
    let again = group_names(&b).await;
    assert!(!again.iter().flatten().any(|n| n == "Ugo Foscolo"), "{again:#?}");
    assert_eq!(again.len(), groups.len() - 1, "the rest is found again: {again:#?}");

    // One list alone.
    choose_list(&b, &germany).await;
    assert_eq!(find_duplicates(&b, SEARCH).await, "1 group of likely duplicates in Kunden, strongest first.");
    assert_eq!(group_names(&b).await, planted_names(GERMAN_PEOPLE));
    let empty = create_list(&b, NewList::named("Vuota")).await;
    open_duplicates(&b).await;
    choose_list(&b, &empty).await;
    assert_eq!(find_duplicates(&b, SEARCH).await, "No likely duplicates in Vuota.");
    assert_eq!(b.count(GROUPS).await, 0);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_search_shows_its_progress_and_stop_keeps_what_it_found() {
    const ROWS: usize = 30_000;
    let dir = TempDir::new("cm-e2e-dups-big");
    let b = open_fresh_app("e2e-dups-big").await;
    let list = create_list(&b, NewList::named("Grande")).await;
    let imported = import_every_row(&b, &list, &dir.write("big.csv", &generated_csv(ROWS, 5)), IMPORT).await.imported;
    assert!(imported > (ROWS / 2) as u64, "{imported}");

    open_duplicates(&b).await;
    choose_list(&b, &list).await;
    // Stop as soon as it shows, noting the progress then (a search takes well under a
    // second: a person could not click in time, a timer can).
    b.exec(
        "window.__seen = null;
         const t = setInterval(() => {
           const stop = document.querySelector('#dups-stop');
           if (!stop) return;
           window.__seen = [document.querySelector('#dups-progress-text').textContent, document.querySelector('#dups-progress').max];
           stop.click();
           clearInterval(t);
         }, 0);",
    )
    .await;
    b.click("#dups-find").await;
    let summary = wait_summary(&b, SEARCH).await;
    let seen = b.exec("return window.__seen").await;
    let (progress, max): (String, f64) = serde_json::from_value(seen.clone()).unwrap_or_else(|e| panic!("the progress when stopped: {e}: {seen}"));
    assert!(progress.starts_with("Checked ") && progress.ends_with(&format!(" of {} contacts", grouped(imported))), "{progress:?}");
    assert_eq!(max, imported as f64);
    assert!(summary.starts_with("Stopped after checking "), "{summary:?}");
    let numbers = numbers_in(&summary);
    assert!(numbers.len() >= 2 && numbers[0] < numbers[1] && numbers[1] == imported, "stopped before the end: {summary:?}");
    assert_eq!(b.count("#dups-stop").await, 0, "no search runs");
    shoot(&b, "stopped", "#duplicates-page").await;

    // The whole search finds the file's planted duplicates (five per hundred rows).
    let summary = find_duplicates(&b, SEARCH).await;
    let found = numbers_in(&summary).first().copied().unwrap_or(0);
    assert!(found as usize >= ROWS / 100, "{summary:?}");
    assert_eq!(b.count(GROUPS).await, 50, "a page of groups at first");
    b.click("#dups-more").await;
    b.poll(&format!("return document.querySelectorAll('{GROUPS}').length === 100"), Duration::from_secs(10), "a second page of groups").await;
    b.close().await;
}
