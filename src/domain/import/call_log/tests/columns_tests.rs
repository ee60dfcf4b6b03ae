//! The columns proposed for the headers of real exports.

use crate::domain::import::call_log::{propose_call_columns, CallColumn as C};

fn proposed(headers: &str, separator: char) -> Vec<C> {
    let headers: Vec<&str> = headers.split(separator).map(str::trim).collect();
    propose_call_columns(&headers)
}

#[test]
fn twilio_keeps_the_start_time_over_the_creation_date() {
    let columns = proposed("Date Created, Start Time, End Time, Duration, From, To, Direction, Status, Call Sid", ',');
    assert_eq!(columns, [C::Detail, C::Start, C::End, C::Duration, C::From, C::To, C::Direction, C::Detail, C::Detail]);
    // Without "Start Time" the creation date is the start.
    assert_eq!(proposed("Date Created, From, To", ','), [C::Start, C::From, C::To]);
}

#[test]
fn aircall_ringcentral_and_zendesk() {
    assert_eq!(
        proposed("datetime, direction, duration, from, to, user, tags, comments", ','),
        [C::Start, C::Direction, C::Duration, C::From, C::To, C::Agent, C::Detail, C::Notes]
    );
    assert_eq!(
        proposed("Type, Phone Number, Name, Date, Time, Action, Action Result, Duration", ','),
        [C::Channel, C::Number, C::Detail, C::Date, C::Time, C::Detail, C::Detail, C::Duration]
    );
    assert_eq!(
        proposed("Call ID, Call direction, Call started, Agent name, Customer phone number, Talk time, Requester email", ','),
        [C::Detail, C::Direction, C::Start, C::Agent, C::Number, C::Duration, C::Email]
    );
}

#[test]
fn whatsapp_italian_and_german_sheets() {
    assert_eq!(proposed("Date, Time, WhatsApp number, Message", ','), [C::Date, C::Time, C::Number, C::Notes]);
    assert_eq!(proposed("Data;Ora;Numero;Esito;Durata;Operatore;Note", ';'), [C::Date, C::Time, C::Number, C::Disposition, C::Duration, C::Agent, C::Notes]);
    assert_eq!(proposed("Datum;Uhrzeit;Rufnummer;Ergebnis;Dauer", ';'), [C::Date, C::Time, C::Number, C::Disposition, C::Duration]);
}

#[test]
fn a_target_goes_to_its_first_column_and_codes_read_back() {
    assert_eq!(proposed("Phone, Numero, Telefono", ','), [C::Number, C::Detail, C::Detail]);
    for column in C::ALL {
        assert_eq!(C::from_code(column.code()), Some(column));
    }
    assert_eq!(C::from_code("nonsense"), None);
}
