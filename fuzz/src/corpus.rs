//! The seeds: every answers file in `examples/` and the answers of every scenario in
//! `tests/scenarios/`, as JSON, with the scenario's day where it names one.

use chrono::NaiveDate;
use serde_json::Value;
use std::path::Path;

pub struct Seed {
    /// `examples/phc.json`, or `phc.yaml: <scenario name>`.
    pub name: String,
    pub answers: Value,
    pub as_of: Option<NaiveDate>,
}

/// The seeds under the repository root `root`.
pub fn load(root: &Path) -> Result<Vec<Seed>, String> {
    let mut seeds = Vec::new();
    for path in files(&root.join("examples"), "json")? {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let answers = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        seeds.push(Seed { name: format!("examples/{}", file_name(&path)), answers, as_of: None });
    }
    for path in files(&root.join("tests/scenarios"), "yaml")? {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let list: Vec<serde_yaml::Value> = serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for s in list {
            let name = s.get("name").and_then(|n| n.as_str()).unwrap_or("?");
            let answers = s.get("answers").map(|a| serde_json::to_value(a).unwrap_or(Value::Null)).unwrap_or(Value::Null);
            let as_of = s.get("as_of").and_then(|d| d.as_str()).and_then(|d| d.parse().ok());
            seeds.push(Seed { name: format!("{}: {name}", file_name(&path)), answers, as_of });
        }
    }
    if seeds.is_empty() {
        return Err(format!("no seeds under {}", root.display()));
    }
    Ok(seeds)
}

fn files(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    Ok(out)
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}
