//! How a CSV file is written: its text encoding, separator, quote character and
//! whether the first row names the columns. `sniff` proposes one; the user may
//! override every part of it.

use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

use super::ImportError;

/// The encodings offered for a user to choose from, with a label in words.
#[derive(Clone, Copy, Debug)]
pub struct EncodingChoice {
    pub encoding: &'static Encoding,
    pub label: &'static str,
}

/// Encodings a user can pick when the detected one shows garbled letters: the
/// Unicode forms, then the legacy code pages spreadsheets and old CRMs still write.
pub const ENCODINGS: &[EncodingChoice] = &[
    EncodingChoice { encoding: &encoding_rs::UTF_8_INIT, label: "Unicode (UTF-8)" },
    EncodingChoice { encoding: &encoding_rs::UTF_16LE_INIT, label: "Unicode (UTF-16 LE)" },
    EncodingChoice { encoding: &encoding_rs::UTF_16BE_INIT, label: "Unicode (UTF-16 BE)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1252_INIT, label: "Western European (Windows-1252)" },
    EncodingChoice { encoding: &encoding_rs::ISO_8859_15_INIT, label: "Western European (ISO-8859-15)" },
    EncodingChoice { encoding: &encoding_rs::MACINTOSH_INIT, label: "Western European (Mac Roman)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1250_INIT, label: "Central European (Windows-1250)" },
    EncodingChoice { encoding: &encoding_rs::ISO_8859_2_INIT, label: "Central European (ISO-8859-2)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1251_INIT, label: "Cyrillic (Windows-1251)" },
    EncodingChoice { encoding: &encoding_rs::KOI8_R_INIT, label: "Cyrillic (KOI8-R)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1253_INIT, label: "Greek (Windows-1253)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1254_INIT, label: "Turkish (Windows-1254)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1257_INIT, label: "Baltic (Windows-1257)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1255_INIT, label: "Hebrew (Windows-1255)" },
    EncodingChoice { encoding: &encoding_rs::WINDOWS_1256_INIT, label: "Arabic (Windows-1256)" },
    EncodingChoice { encoding: &encoding_rs::SHIFT_JIS_INIT, label: "Japanese (Shift_JIS)" },
    EncodingChoice { encoding: &encoding_rs::GBK_INIT, label: "Chinese Simplified (GBK)" },
    EncodingChoice { encoding: &encoding_rs::BIG5_INIT, label: "Chinese Traditional (Big5)" },
    EncodingChoice { encoding: &encoding_rs::EUC_KR_INIT, label: "Korean (EUC-KR)" },
];

/// The label of an encoding for messages and pickers; encodings outside `ENCODINGS`
/// (a detector may guess one) show their standard name.
pub fn encoding_label(encoding: &'static Encoding) -> &'static str {
    ENCODINGS.iter().find(|c| c.encoding == encoding).map_or(encoding.name(), |c| c.label)
}

/// Separators a sniff considers and a user may choose among.
pub const DELIMITERS: &[(u8, &str)] = &[(b',', "Comma (,)"), (b';', "Semicolon (;)"), (b'\t', "Tab"), (b'|', "Pipe (|)")];

/// How to read a CSV file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFormat {
    #[serde(with = "by_name")]
    pub encoding: &'static Encoding,
    pub delimiter: u8,
    pub quote: u8,
    /// The first row names the columns (it is not imported).
    pub has_header: bool,
}

impl Default for FileFormat {
    fn default() -> Self {
        Self { encoding: encoding_rs::UTF_8, delimiter: b',', quote: b'"', has_header: true }
    }
}

impl FileFormat {
    /// A separator and quote must be two different ASCII characters that are not line
    /// breaks, or records could not be told apart (a user override can ask for that).
    pub fn check(&self) -> Result<(), ImportError> {
        let usable = |b: u8| b.is_ascii() && !matches!(b, b'\r' | b'\n' | 0);
        if !usable(self.delimiter) || !usable(self.quote) || self.delimiter == self.quote {
            return Err(ImportError::BadFormat);
        }
        Ok(())
    }

    /// The encoding's label (see `encoding_label`).
    pub fn encoding_label(&self) -> &'static str {
        encoding_label(self.encoding)
    }
}

/// An encoding crosses to the import engine by its standard name.
mod by_name {
    use encoding_rs::Encoding;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(encoding: &&'static Encoding, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(encoding.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static Encoding, D::Error> {
        let name = <&str>::deserialize(d)?;
        Encoding::for_label(name.as_bytes()).ok_or_else(|| D::Error::custom(format!("no encoding is called {name}")))
    }
}
