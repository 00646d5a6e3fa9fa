//! Printers: one per `--format`. Each takes every story's findings, already in path and offset
//! order, and writes them; none of them analyses anything.

mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod short;

use crate::cli::CheckFormat;
use crate::report::{Catalog, FileReport};
use std::io::{self, Write};

pub fn print(
    format: CheckFormat,
    reports: &[FileReport],
    catalog: &Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        CheckFormat::Human => human::print(reports, out),
        CheckFormat::Short => short::print(reports, out),
        CheckFormat::Json => json::print(reports, out),
        CheckFormat::Sarif => sarif::print(reports, catalog, out),
        CheckFormat::Github => github::print(reports, out),
        CheckFormat::Junit => junit::print(reports, out),
    }
}
