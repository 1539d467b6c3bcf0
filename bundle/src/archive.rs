//! One deterministic ZIP: the files in the order given, each with the same fixed timestamp
//! (1980-01-01 00:00, the ZIP format's first day) and the same permissions, deflated.

use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The ZIP of `files` (name, bytes), or what went wrong, in English (a bug, not the person's input).
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut w = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in files {
        w.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        w.write_all(bytes).map_err(|e| e.to_string())?;
    }
    w.finish().map(std::io::Cursor::into_inner).map_err(|e| e.to_string())
}
