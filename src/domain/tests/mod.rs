//! Domain tests that span several modules (each module keeps its own small tests).

mod bench_tests;
mod catalog_tests;
mod export_tests;
mod codec_golden_tests;
mod codec_tests;
mod contact_tests;
mod import_batch_tests;
mod query_tests;
mod support_tests;
mod workspace_tests;
mod import_dedupe_tests;
mod import_mapping_tests;
mod import_reader_tests;
mod import_report_tests;
mod import_run_tests;
mod import_support;
mod import_sniff_tests;
mod phone_equivalence;
mod phone_national_tests;
mod import_corpus_tests;
mod import_field_problem_tests;
mod import_property;
