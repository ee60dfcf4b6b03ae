//! The backup file format: read back in slices of any size, and every way a file can
//! be wrong is refused (whole-store round trips are in the shared persistence suite,
//! `persist/suite/checks_backup.rs`).

use super::format::{BackupCounts, BackupError, BackupHeader, SIGNATURE};
use super::frame::{Frame, Slot};
use super::reader::BackupReader;
use super::writer::BackupWriter;
use crate::domain::change::JournalKey;
use crate::domain::trash::{DeletionId, TrashKey};
use crate::domain::{ContactId, ListId, PageKey, RecordKey, TagId, Timestamp};

fn header() -> BackupHeader {
    BackupHeader { app_version: "0.1.0".into(), made_at_ms: 1_764_000_000_000 }
}

fn frames() -> Vec<Frame> {
    let record = |slot, bytes: &[u8]| Frame::Record { slot, bytes: bytes.to_vec() };
    vec![
        record(Slot::Meta, b"\x04meta"),
        record(Slot::List(ListId::new(3)), b"\x04list three"),
        record(Slot::Page(PageKey { list: ListId::new(3), page: 7 }), &[4; 3000]),
        record(Slot::Record(RecordKey::Tag(TagId::new(9))), b"\x04tag"),
        record(Slot::Trash(TrashKey { at: Timestamp::from_millis(-5), deletion: DeletionId::new(2), page: 1 }), b"\x04gone"),
        record(Slot::Journal(JournalKey { contact: ContactId::new(1 << 40), at: Timestamp::from_millis(1_780_272_000_000), id: u64::MAX }), b"\x04call"),
        Frame::Setting { name: "page-size".into(), value: "100 «ü»".into() },
    ]
}

fn counts() -> BackupCounts {
    BackupCounts { lists: 1, contacts: 12, records: 5, journal: 1, settings: 1 }
}

fn file() -> Vec<u8> {
    let mut writer = BackupWriter::new(header());
    frames().iter().for_each(|f| writer.push(f));
    writer.finish(counts()).concat()
}

/// Feeds `file` in slices of `size`: the frames, then what `finish` says.
fn read(file: &[u8], size: usize) -> Result<(Vec<Frame>, super::reader::Checked), BackupError> {
    let mut reader = BackupReader::new();
    let mut frames = Vec::new();
    for slice in file.chunks(size.max(1)) {
        frames.extend(reader.feed(slice)?);
    }
    let checked = reader.finish()?;
    Ok((frames, checked))
}

#[test]
fn a_backup_reads_back_the_same_in_slices_of_any_size() {
    let file = file();
    let mut expected = vec![Frame::Header(header())];
    expected.extend(frames());
    for size in [1, 2, 5, 13, 4096, file.len()] {
        let (frames, checked) = read(&file, size).expect("a whole backup");
        assert_eq!(frames, expected, "slices of {size}");
        assert_eq!((checked.header.clone(), checked.counts, checked.bytes), (header(), counts(), file.len() as u64));
    }
}

#[test]
fn a_file_cut_short_anywhere_is_refused_as_truncated() {
    let file = file();
    for cut in 1..file.len() {
        match read(&file[..cut], 97) {
            Err(BackupError::Truncated { read }) => assert_eq!(read, cut as u64),
            other => panic!("cut at {cut} of {}: {other:?}", file.len()),
        }
    }
    assert_eq!(read(&[], 10).err(), Some(BackupError::Empty));
}

#[test]
fn any_changed_byte_is_refused() {
    let file = file();
    for at in 0..file.len() {
        let mut damaged = file.clone();
        damaged[at] ^= 0x20;
        assert!(read(&damaged, 64).is_err(), "byte {at} changed and the file was accepted");
    }
}

#[test]
fn foreign_files_are_refused_and_say_what_they_look_like() {
    let csv = "\u{feff}First Name,Last Name,E-mail Address\nAda,Lovelace,ada@example.com\n";
    match read(csv.as_bytes(), 1024) {
        Err(BackupError::Foreign(hint)) => assert!(hint.contains("CSV") && hint.contains("Import"), "{hint}"),
        other => panic!("{other:?}"),
    }
    match read(b"PK\x03\x04\x14\x00\x06\x00", 1024) {
        Err(err @ BackupError::Foreign(_)) => assert!(err.to_string().contains("Excel"), "{err}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(read(&[0x89, b'P', b'N', b'G', 0, 0xff], 3).err(), Some(BackupError::Foreign(String::new())));
}

#[test]
fn a_newer_format_is_refused_before_any_frame_and_says_to_update() {
    let mut file = file();
    file[SIGNATURE.len()] = 2;
    let err = read(&file, 4096).err();
    assert_eq!(err, Some(BackupError::NewerFormat(2)));
    assert!(err.map(|e| e.to_string()).unwrap_or_default().contains("newer version"));
}

#[test]
fn bytes_after_the_end_are_refused() {
    let mut file = file();
    file.push(b'\n');
    assert!(matches!(read(&file, 4096), Err(BackupError::Damaged(why)) if why.contains("after its end")));
}

#[test]
fn counts_that_disagree_with_the_frames_are_refused() {
    let mut writer = BackupWriter::new(header());
    frames().iter().for_each(|f| writer.push(f));
    let file = writer.finish(BackupCounts { journal: 2, ..counts() }).concat();
    assert!(matches!(read(&file, 4096), Err(BackupError::Damaged(_))));
}

#[test]
fn a_frame_claiming_gigabytes_is_damage_not_a_wait() {
    let mut file = file();
    let first_frame_len = SIGNATURE.len() + 2 + 1;
    file[first_frame_len..first_frame_len + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(read(&file, 4096), Err(BackupError::Damaged(why)) if why.contains("claims")));
}

/// A small deterministic generator (xorshift): the same cases on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mangled_files_never_panic_and_are_refused_unless_whole() {
    let whole = file();
    let mut expected = vec![Frame::Header(header())];
    expected.extend(frames());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..3_000 {
        let mut bytes = whole.clone();
        for _ in 0..1 + rng.below(6) {
            match rng.below(4) {
                0 => {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
                1 => {
                    let at = rng.below(bytes.len() + 1);
                    bytes.insert(at, rng.next() as u8);
                }
                2 if !bytes.is_empty() => {
                    let at = rng.below(bytes.len());
                    bytes.remove(at);
                }
                _ => bytes.truncate(rng.below(bytes.len() + 1)),
            }
        }
        match read(&bytes, 1 + rng.below(300)) {
            Ok((frames, _)) => assert!(bytes == whole && frames == expected, "case {case}: a changed file was accepted"),
            Err(_) => assert_ne!(bytes, whole, "case {case}: the whole file was refused"),
        }
    }
    // Random bytes behind a valid signature and format: refused, never a panic.
    for case in 0..2_000 {
        let mut bytes = whole[..super::format::PREAMBLE_LEN].to_vec();
        bytes.extend((0..rng.below(4_000)).map(|_| rng.next() as u8));
        assert!(read(&bytes, 1 + rng.below(500)).is_err(), "random case {case} was accepted");
    }
}
