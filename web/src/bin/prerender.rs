//! Renders the start page (Kazakh) and the `<noscript>` notice into an index.html, natively, at build
//! time (`tekser_web::prerender`): `cargo run -p tekser-web --features prerender --bin prerender --
//! dist/index.html`. Run by the Trunk hook `scripts/post-build` on the staged page.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender INDEX.html");
        std::process::exit(2);
    };
    let page =
        futures::executor::block_on(yew::LocalServerRenderer::<tekser_web::prerender::Prerendered>::new().hydratable(false).render());
    let missing = tekser_rules::text::take_missing();
    if !missing.is_empty() {
        eprintln!("prerender: texts missing: {missing:?}");
        std::process::exit(1);
    }
    let result = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|index| tekser_web::prerender::insert(&index, &tekser_web::prerender::body(&page)))
        .and_then(|out| std::fs::write(&path, out).map_err(|e| e.to_string()));
    match result {
        Ok(()) => println!("prerender: the start page is in {path} ({} bytes)", page.len()),
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            std::process::exit(1);
        }
    }
}
