//! The start page pre-rendered into index.html (`tekser_web::prerender`): the Kazakh start page in the
//! app's frame, with plain language links, a `<noscript>` notice that reads in each language, and the
//! script that takes it away for other screens; put once into `<body>`.

use tekser_rules::Lang;
use tekser_web::prerender::{body, insert, noscript, Prerendered, ID, SCRIPT};

fn rendered() -> String {
    futures::executor::block_on(yew::LocalServerRenderer::<Prerendered>::new().hydratable(false).render())
}

#[test]
fn the_start_page_is_rendered_in_kazakh_with_plain_language_links() {
    tekser_rules::text::take_missing();
    let page = rendered();
    assert_eq!(tekser_rules::text::take_missing(), Vec::<String>::new());
    assert!(page.starts_with(&format!("<div id=\"{ID}\">")), "{page}");
    let word = |k: &str| tekser_rules::text::word(k, Lang::Kk);
    for k in ["ui.app_title", "ui.start_button", "ui.where_to_apply", "ui.privacy", "ui.skip_link"] {
        let w = word(k).replace('"', "&quot;");
        assert!(page.contains(&w), "{k} is on the page");
    }
    for (l, name) in [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")] {
        assert!(page.contains(&format!("<a href=\"#/start?lang={l}\" lang=\"{l}\" hreflang=\"{l}\"")), "a plain link to {name}");
    }
    assert!(!page.contains("<button type=\"button\" lang="), "no language buttons, which would do nothing before the app runs");
    let inserted = body(&page);
    assert!(!inserted.contains("type=\"submit\""), "the Start button submits nothing before the app runs");
    assert!(inserted.contains(&format!("<script>{SCRIPT}</script>")));
    assert!(SCRIPT.contains(ID));
}

#[test]
fn the_noscript_notice_reads_in_each_language() {
    let n = noscript();
    assert!(n.starts_with("<noscript>") && n.ends_with("</noscript>"));
    for lang in Lang::ALL {
        let line = tekser_rules::text::word("shell.noscript", lang);
        assert!(n.contains(&line), "{lang:?}");
        assert_eq!(tekser_rules::text::unreadable(&line, lang), Vec::<String>::new(), "{lang:?}: {line}");
    }
}

#[test]
fn it_goes_into_the_body_once() {
    let index = "<!DOCTYPE html>\n<html><head><title>T</title></head>\n<body></body>\n</html>\n";
    let out = insert(index, &body(&rendered())).unwrap();
    assert!(out.find("<body>").unwrap() < out.find(ID).unwrap() && out.find(ID).unwrap() < out.find("</body>").unwrap());
    assert_eq!(out.matches("<noscript>").count(), 1);
    assert!(out.contains(&format!("<title>{}</title>", tekser_web::prerender::title())), "the start page's title");
    assert!(tekser_web::prerender::title().starts_with(&tekser_rules::text::word("ui.app_title", Lang::Kk)));
    assert!(insert(&out, "x").is_err(), "not twice");
    assert!(insert("<html></html>", "x").is_err(), "no body");
}
